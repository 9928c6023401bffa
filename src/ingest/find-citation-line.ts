// Journal, year and volume from the bibliographic citation line publishers print in a masthead,
// running head or first-page footer ("Nucleic Acids Research, 2024, Vol. 52, No. 8",
// "Science 363, 1463–1467 (2019)", "PNAS | June 15, 2004 | vol. 101 | no. 24", "BMC Biology
// (2024) 22:37"), or from a preprint server's stamp ("bioRxiv preprint doi: …; this version
// posted May 10, 2024"). Shapes, never journal names: a run of capitalised words (the name), a
// year and a volume in one of the orders citation styles use.

export interface CitationLine {
  journal?: string;
  year?: number;
  volume?: string;
}

const YEAR = String.raw`((?:19|20)\d{2})`;
/** Capitalised words, abbreviations and the joining words of journal titles ("of", "and", "&"). */
const NAME = String.raw`(?<![\p{L}\p{N}])(\p{Lu}[\p{L}.&'’-]*(?:[ \t]+(?:of|and|the|in|for|on|&|\p{Lu}[\p{L}.&'’-]*)){0,7})`;
/** English month names, as dates are printed in mastheads ("June 15, 2004", "8 April 2024"). */
const MONTH = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?`;
const PAGES = String.raw`(?:[A-Za-z]?\d+(?:[–—−-]+[A-Za-z]?\d+)?|e[A-Za-z]*\d+)`;

interface Shape {
  pattern: RegExp;
  /** Capture group numbers of journal, year and volume (0: not captured). */
  groups: [number, number, number];
}

const SHAPES: Shape[] = [
  // "Journal, 2024, 52, 4151–4166", "Journal, 2024, Vol. 52, No. 8", "J. Abbr. 2023, 18, 1228−1236"
  {
    pattern: new RegExp(String.raw`${NAME},?[ \t]+${YEAR},[ \t]*(?:Vol(?:ume)?\.?[ \t]*)?(\d{1,4}),[ \t]*(?:No\.?[ \t]*\d+|${PAGES})`, "u"),
    groups: [1, 2, 3],
  },
  // "Journal (2023) 55:2116–2126", "Journal | (2024)15:515", "Journal (2022), 13, 1408-1418"
  {
    pattern: new RegExp(String.raw`${NAME}[ \t]*\|?[ \t]*\(${YEAR}\),?[ \t]*(\d{1,4})(?::|,)[ \t]?${PAGES}`, "u"),
    groups: [1, 2, 3],
  },
  // "Journal 2019.363:1463-1467" (year.volume:pages, the citation_* meta tags' joined form)
  {
    pattern: new RegExp(String.raw`${NAME}[ \t]+${YEAR}\.(\d{1,4}):${PAGES}`, "u"),
    groups: [1, 2, 3],
  },
  // "Journal, 34 (2024) 1469-1484"
  {
    pattern: new RegExp(String.raw`${NAME},[ \t]*(\d{1,4})[ \t]+\(${YEAR}\)[ \t]*${PAGES}`, "u"),
    groups: [1, 3, 2],
  },
  // "PNAS | June 15, 2004 | vol. 101 | no. 24", "Journal, March 2021, Volume 9"
  {
    pattern: new RegExp(
      String.raw`${NAME},?[ \t]*\|?[ \t]*(?:\d{1,2}[ \t]+)?${MONTH}[ \t]+(?:\d{1,2},?[ \t]+)?${YEAR}[ \t]*[|,]?[ \t]*[Vv]ol(?:ume)?\.?[ \t]*(\d{1,4})\b`,
      "u",
    ),
    groups: [1, 2, 3],
  },
  // "Science 363, 1463–1467 (2019)", "Current Biology 34, 1469–1478, April 8, 2024"
  {
    pattern: new RegExp(String.raw`${NAME}[ \t]+(\d{1,4}),[ \t]*${PAGES}[ \t]*,?[ \t]*(?:\(|(?:\d{1,2}[ \t]+)?${MONTH}[ \t]+(?:\d{1,2},[ \t]+)?)${YEAR}\b`, "u"),
    groups: [1, 3, 2],
  },
  // "December 2022 Volume 88 Issue 23": year and volume, the journal named elsewhere
  {
    pattern: new RegExp(String.raw`${MONTH}[ \t]+${YEAR}[ \t]+Vol(?:ume)?\.?[ \t]*(\d{1,4})\b`, "u"),
    groups: [0, 1, 2],
  },
];

/** Words that begin a sentence or a label rather than a journal's name. */
const NOT_A_NAME = /^(?:Received|Accepted|Published|Revised|Copyright|Figure|Fig\.?|Table|Vol(?:ume)?\.?|No\.?|Issue|Page|See|In)$/i;

/** The journal name without a leading author run ("Clemons et al., 2024, Current Biology"). */
function cleanName(name: string): string | undefined {
  const words = name.trim().split(/\s+/);
  while (words.length && NOT_A_NAME.test(words[0]!)) words.shift();
  const text = words.join(" ").replace(/[,.|]+$/, (tail) => (tail.startsWith(".") ? "." : "")).trim();
  if (!text || /\d/.test(text) || text.length < 2) return undefined;
  return text;
}

function readShape(line: string, shape: Shape): CitationLine | undefined {
  const match = shape.pattern.exec(line);
  if (!match) return undefined;
  const [j, y, v] = shape.groups;
  const result: CitationLine = { year: Number(match[y]), volume: match[v]! };
  if (j) {
    const journal = cleanName(match[j]!);
    if (!journal) return undefined;
    result.journal = journal;
  }
  return result;
}

/** A preprint server's stamp: "<Server> preprint doi: …; this version posted <date>". */
function readPreprintStamp(line: string): CitationLine | undefined {
  const match = /\b(\p{L}{3,20})\s+preprint\b[^\n]*?\bposted\s+[^\n]*?\b((?:19|20)\d{2})\b/iu.exec(line);
  if (!match) return undefined;
  return { journal: match[1]!, year: Number(match[2]) };
}

/**
 * The first citation line among `lines` (page 1 as printed, then the running heads of the
 * next page). A line naming the journal wins over one giving only year and volume.
 */
export function findCitationLine(lines: string[]): CitationLine | undefined {
  let partial: CitationLine | undefined;
  for (const shape of SHAPES) {
    for (const line of lines) {
      const found = readShape(line, shape);
      if (found?.journal) return found;
      if (found) partial ??= found;
    }
  }
  for (const line of lines) {
    const stamp = readPreprintStamp(line);
    if (stamp) return { ...partial, ...stamp };
  }
  return partial;
}
