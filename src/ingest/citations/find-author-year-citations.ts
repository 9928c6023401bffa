// Author–year citations in body text (APA, Harvard, Chicago author–date and the journals that
// follow them), found but not yet resolved to list entries:
//   parenthetical  (Smith et al., 2020a; Lee and Park, 2019)  (Smith, 2020, 2021)  (Smith 2020)
//                  (e.g., Smith et al., 2020)  (see Lee, 2019)  [2–5 µm (Cetin and Temurtas, 2021)]
//                  (Ramsey and Millán José del, 2020)  (van der Berg & Lee, 2003a, b)
//   narrative      Smith et al. (2020, 2021)  Lee and Park (2019)  Smith (2020a)  Smith's (2020)
// Years in prose ("in 2020, the FDA …", "a 1995 report") are not citations: a year counts only
// after a name inside a bracket group, or in a bracket group of years right after a name.

export interface AuthorYearWork {
  /** The first author's surname as printed; may carry words before it ("See Lee") that resolution drops. */
  surname: string;
  /** The second author of a two-author cite ("Lee and Park"). */
  coAuthor?: string;
  /** "et al." was printed. */
  etAl: boolean;
  /** Null for "in press" and "n.d.". */
  year: number | null;
  /** "a" of "2020a"; empty when none. */
  suffix: string;
  /** Offsets into the text searched of the name and years that cite it ("Smith et al., 2020, 2021"). */
  start: number;
  end: number;
}

export interface AuthorYearCitation {
  /**
   * Offsets into the text searched of the bracket group: "(Smith et al., 2020)", or the "(2020)" of a
   * narrative cite, whose name is part of the sentence.
   */
  start: number;
  end: number;
  narrative: boolean;
  works: AuthorYearWork[];
}

// Surname particles of Dutch, German, French, Spanish, Italian, Portuguese and Arabic names, printed
// in lower case inside a cite ("van der Berg", "de la Cruz", "Millán José del", "al-Rashid").
const PARTICLE = String.raw`(?:van|von|der|den|de|del|della|dei|di|da|dos|das|du|la|le|ten|ter|zu|y|al|el|bin|ibn)`;
const CAP_WORD = String.raw`\p{Lu}[\p{L}\p{M}-]*(?:['’](?!s\b)\p{L}[\p{L}\p{M}-]*)?`; // "O'Neil", not "Smith's"
const NAME = String.raw`(?:${PARTICLE}[\s-]+)*${CAP_WORD}(?:\s+(?:${PARTICLE}|${CAP_WORD})){0,3}`;
// "et al." (Markdown may set it in italics) and its narrative paraphrase "Smith and colleagues (2020)".
const ET_AL = String.raw`\s+(?:[*_]{0,2}et\.?\s+al\b\.?[*_]{0,2}|and\s+(?:colleagues|co-?workers)\b)`;
const AND = String.raw`(?:,?\s+(?:and|&)\s+|\s*&\s*)`;
// "Smith", "Smith et al.", "Lee and Park", "Smith, Jones, and Lee".
const NAMES = String.raw`(${NAME})(?:(${ET_AL})|(?:\s*,\s*${NAME})*${AND}(${NAME}))?`;
const YEAR = String.raw`(?:1[6-9]\d\d|20\d\d)[a-z]?|in\s+press|n\.\s?d\.`;
const YEARS = String.raw`(?:${YEAR})(?:\s*,\s*(?:${YEAR}|[a-z]\b))*`;

/** One work (or one author's several) inside a bracket group, or a table's References cell. */
const IN_GROUP = new RegExp(String.raw`(?<![\p{L}\p{N}])${NAMES}(?:['’]s)?(?:\s*,\s*|\s+)(${YEARS})(?![\p{L}\p{N}])`, "gu");
const PAGES = String.raw`(?:\s*,\s*pp?\.\s*\d+(?:\s*[-–]\s*\d+)?)?`; // "Smith (2020, p. 5)"
/** "Smith et al. (2020, 2021)", "Lee and Park (2019a)". */
const NARRATIVE = new RegExp(String.raw`(?<![\p{L}\p{N}])${NAMES}(?:['’]s)?\s*([([]\s*(${YEARS})${PAGES}\s*[)\]])`, "gu");
const GROUP = /[([]([^()[\]]{1,1200})[)\]]/g;
// A group torn by a page, column or paragraph break: open at the end of a text, or closed at its start.
const OPEN_TAIL = /[([]([^()[\]]{1,1200})$/;
const CLOSED_HEAD = /^([^()[\]]{1,1200})[)\]]/;

// Capitalised words that precede a year in brackets without naming an author: months, figure and
// table labels, publication history ("Accessed 2021", "Figure 3, 2020", "COVID-19 (2020)").
const NOT_NAMES = new Set([
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "spring", "summer", "autumn", "fall", "winter",
  "fig", "figure", "figures", "table", "tables", "supplementary", "section", "chapter", "box", "appendix", "eq", "equation",
  "accessed", "published", "received", "revised", "accepted", "updated", "version", "since", "until", "before", "after", "in",
  "from", "to", "by", "of", "the", "and", "or", "year", "years", "covid",
]);

function yearsOf(years: string): { year: number | null; suffix: string }[] {
  const out: { year: number | null; suffix: string }[] = [];
  for (const part of years.split(",").map((p) => p.trim())) {
    const full = /^(\d{4})([a-z]?)$/.exec(part);
    if (full) out.push({ year: Number(full[1]), suffix: full[2]! });
    else if (/^[a-z]$/.test(part)) {
      // "2003a, b"; a lone letter after a year without a suffix is prose: "(Smith, 2019, a review)".
      const previous = out[out.length - 1];
      if (previous?.suffix) out.push({ year: previous.year, suffix: part });
    } else if (part) out.push({ year: null, suffix: "" }); // "in press", "n.d."
  }
  return out;
}

/**
 * The name without leading stop words ("In Smith" → "Smith") or trailing initials ("Fischedick J"
 * → "Fischedick"); null when no name is left ("Figure").
 */
function nameOf(printed: string): string | null {
  const words = printed.split(/\s+/);
  while (words.length && NOT_NAMES.has(words[0]!.toLowerCase().replace(/[^\p{L}]/gu, ""))) words.shift();
  while (words.length > 1 && /^\p{Lu}{1,2}$/u.test(words[words.length - 1]!)) words.pop();
  const last = words[words.length - 1]?.toLowerCase().replace(/[^\p{L}]/gu, "") ?? "";
  return last.length > 1 && !NOT_NAMES.has(last) ? words.join(" ") : null;
}

function worksOf(match: RegExpMatchArray, offset: number): AuthorYearWork[] {
  const [, printed, etAl, coAuthor] = match;
  const years = match[match.length - 1];
  const surname = nameOf(printed!);
  if (!surname) return [];
  return yearsOf(years!).map(({ year, suffix }) => ({
    surname,
    ...(coAuthor ? { coAuthor } : {}),
    etAl: Boolean(etAl),
    year,
    suffix,
    start: offset + match.index!,
    end: offset + match.index! + match[0].length,
  }));
}

/** Author–year works named in a plain string with no brackets, e.g. a table's References cell. */
export function findAuthorYearWorks(text: string, offset = 0): AuthorYearWork[] {
  return [...text.matchAll(IN_GROUP)].flatMap((match) => worksOf(match, offset));
}

/** Author–year citations in one paragraph (or sentence, caption), in order. */
export function findAuthorYearCitations(text: string): AuthorYearCitation[] {
  const citations: AuthorYearCitation[] = [];
  for (const match of text.matchAll(NARRATIVE)) {
    const works = worksOf(match, 0);
    const end = match.index + match[0].length;
    if (works.length) citations.push({ start: end - match[4]!.length, end, narrative: true, works });
  }
  const inside = (start: number) => citations.some((c) => start >= c.start && start < c.end);
  for (const group of text.matchAll(GROUP)) {
    if (inside(group.index)) continue; // the "(2020)" of a narrative cite
    const works = findAuthorYearWorks(group[1]!, group.index + 1);
    if (works.length) citations.push({ start: group.index, end: group.index + group[0].length, narrative: false, works });
  }
  for (const torn of [OPEN_TAIL.exec(text), CLOSED_HEAD.exec(text)]) {
    if (!torn || inside(torn.index)) continue;
    const works = findAuthorYearWorks(torn[1]!, torn.index + torn[0].indexOf(torn[1]!));
    if (works.length) citations.push({ start: torn.index, end: torn.index + torn[0].length, narrative: false, works });
  }
  return citations.sort((a, b) => a.start - b.start);
}
