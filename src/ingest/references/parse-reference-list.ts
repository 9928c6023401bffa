// A paper's reference list → structured entries. One reader covers the common styles, because
// they share a skeleton — author run, (year), title, journal, numbers, identifiers:
//   Vancouver/NLM  Aly S, El-Kamel AH. Title. Int J Pharm. 2023;642:123163.   (Frontiers: "(2023) 642:123163")
//   APA/Harvard    Smith, J. A., & Lee, K. (2020a). Title. Journal, 12(3), 45–67. https://doi.org/…
//   Frontiers      Graimann, B., Allison, B., and Pfurtscheller, G. (2013). Title. J. Name 12, 34–56. doi: …
//   Nature         Lee, S. et al. Title. Nature 5, 1–2 (2020).
//   Cell           Lee, S., Kim, J., … (2020). Title. Cell 5, 1–2.
//   ACS            Lee, S.; Kim, J. Title. J. Am. Chem. Soc. 2020, 142, 123–130.
//   RSC            S. Lee, J. Kim and K. Park, J. Name, 2020, 5, 12.            (no title)
//   IEEE           S. Lee and J. Kim, "Title," IEEE Trans. X, vol. 5, no. 2, pp. 1–9, 2020.
//   Elsevier       S. Lee, J. Kim, Title, J. Name 5 (2020) 1–9.
// What varies is where the year sits and what separates title from journal (". " or ", " or
// quotes); both are read per entry, so a list mixing shapes is still read entry by entry.
// Numbered lists keep their printed numbers (gaps reported, never renumbered); author–year lists
// are numbered by position and get the label the text cites them by.
import type { ReferenceEntry, ReferenceListStyle } from "../../types.ts";
import { cleanInline } from "../clean-text.ts";
import { normalizeDoi } from "../parse-metadata.ts";
import { paperKeyOf } from "./paper-key.ts";
import { type AuthorRun, readAuthorRun } from "./read-author-run.ts";
import { referenceLabel } from "./reference-label.ts";
import type { RawReferenceEntry } from "./split-reference-entries.ts";

const YEAR = "(?:1[89]\\d{2}|20[0-3]\\d)";
const EMPHASIS = /(?<![*\w])\*(?!\*)([^*]+?)\*(?!\*)/g;
const MONTH =
  "\\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\b\\.?";

/** Where the identifiers start: everything after is DOI, PMID, URL or database links, not bibliography. */
const IDENTIFIERS =
  /\s*(?:\bdoi\s*:?\s*10\.|\bdoi\s*:\s*$|https?:\/\/|\bwww\.|\bPMID\b|\bPMCID\b|\b10\.\d{4,9}\/|\[(?:PubMed|Google Scholar|CrossRef|Crossref)\]|\bEpub\b|\bAvailable (?:at|from|online)\b|\b(?:Accessed|Retrieved)\b)/i;

/**
 * A DOI, repaired where a line break left a space inside it ("10.1523/JNEUROSCI.0868-16. 2016",
 * "10.3791/ 3993", "10.1111/j.1574-6968 .1988.x"): a piece joined at a "." "/" "-" that is not a word of prose.
 */
export function findReferenceDoi(text: string): string | undefined {
  const joined = text.replace(/\b10\.\s+(?=\d{4,9}\/)/g, "10.");
  const match = /\b(10\.\d{4,9}\/\S*)/.exec(joined);
  if (!match) return undefined;
  let doi = match[1]!;
  let rest = joined.slice(match.index + match[0].length);
  for (;;) {
    const piece = /^\s+([\w.()/;:-]+)/.exec(rest);
    if (!piece || !(/[./-]$/.test(doi) || /^[./-]/.test(piece[1]!))) break;
    // Not a word of prose, an identifier label, or the next entry's number ("… tb07606.x. 28. Beis K").
    if (/^[A-Z][a-z]|^(?:and|in|the|PMID|PMCID)\b|:|^\d{1,3}\.$/.test(piece[1]!)) break;
    doi += piece[1]!;
    rest = rest.slice(piece[0].length);
  }
  doi = doi.replace(/\*+$/, "").replace(/[.,;]+$/, "");
  // A closing parenthesis belongs to the DOI only when the DOI opened one: "10.1016/S0304-3940(03)00947-9".
  while (doi.endsWith(")") && (doi.match(/\(/g)?.length ?? 0) < (doi.match(/\)/g)?.length ?? 0)) doi = doi.slice(0, -1);
  return normalizeDoi(doi) || undefined;
}

function findPmid(text: string): string | undefined {
  return /\bPMID\s*:?\s*(\d{4,9})\b/i.exec(text)?.[1];
}

function findUrl(text: string): string | undefined {
  const url = /\bhttps?:\/\/[^\s<>"]+/i.exec(text)?.[0].replace(/[.,;)\]]+$/, "");
  return url && !/doi\.org\//i.test(url) ? url : undefined;
}

/** A volume, issue, page or page range: "12", "e8256", "R32", "djw148", "1294−1305.e4" (Cell Press), "2023.05.31.543175" (bioRxiv). */
const PAGE = "(?:\\d+(?:\\.\\d+){2,4}|(?:[A-Za-z]|[a-z]{2,4})?\\d+[a-z]?(?:\\s*[–−—-]+\\s*[A-Za-z]?\\d+[a-z]?)?(?:\\.e\\d+)?)";

/**
 * One whitespace-separated token of the bibliographic numbers that end an entry: volume, issue,
 * pages, year, month, "vol." "no." "pp.", joined by ";" ":" "," inside a token ("2023;642(3):123-9.").
 * Read token by token from the end, so no pattern ever backtracks over the whole entry.
 */
// The labels IEEE, Harvard and AMA print before numbers: volume, number, page(s), article, supplement, issue.
const LABEL = "(?:vol|no|pp?|art|suppl|issue)\\.?";
const PIECE = `(?:${LABEL}\\s*)?(?:${PAGE}|${MONTH})(?:\\(\\s*[\\w–-]*\\))?`;
const TAIL_TOKEN = new RegExp(`^(?:[(\\[]*(?:${PIECE}|${LABEL})(?:[;:,.]+${PIECE})*[–−—-]?[)\\].,;:]*|[–−—-])$`, "i");

/** Offset where the trailing numbers start (the text's length when there are none). */
function tailStart(text: string): number {
  let start = text.length;
  for (const token of [...text.matchAll(/\S+/g)].reverse()) {
    if (!TAIL_TOKEN.test(token[0])) break;
    start = token.index;
  }
  return start;
}

interface Numbers {
  year?: number;
  suffix?: string;
  volume?: string;
  pages?: string;
}

/** Volume, issue and pages out of the tail: labelled ones by label, else first = volume, last = pages. */
function readNumbers(tail: string): Numbers {
  const out: Numbers = {};
  // The year in parentheses ("(1998)", "(2020a)"), else the first year-shaped number that is not a page range.
  const years = [...tail.matchAll(new RegExp(`(?<![\\w–−-])(${YEAR})([a-z])?(?![\\w–−-])`, "g"))];
  const year = years.find((m) => tail[m.index - 1] === "(") ?? years[0];
  let rest = tail;
  if (year) {
    out.year = Number(year[1]);
    if (year[2]) out.suffix = year[2];
    rest = tail.slice(0, year.index) + " ".repeat(year[0].length) + tail.slice(year.index + year[0].length);
  }
  rest = rest.replace(new RegExp(MONTH, "gi"), " ").replace(/\(\s*\)/g, " ");
  const labelled = (label: string) => new RegExp(`\\b${label}\\.?\\s*(${PAGE})`, "i").exec(rest)?.[1];
  const volume = labelled("vol");
  const pages = labelled("pp?");
  const numbers = [...rest.replace(new RegExp(`\\b(?:vol|no|pp?)\\.?\\s*${PAGE}`, "gi"), " ").matchAll(new RegExp(`(\\(\\s*)?(?<!\\w)(${PAGE})`, "g"))]
    .filter((m) => !m[1]) // "(3)" is an issue
    .map((m) => m[2]!.replace(/\s+/g, ""));
  const single = numbers.length === 1 ? numbers[0]! : undefined;
  const isRange = single !== undefined && /[–−—-]/.test(single);
  if (volume) out.volume = volume;
  else if (numbers.length >= 2 || (single !== undefined && (pages || !isRange))) out.volume = numbers[0];
  if (pages) out.pages = pages.replace(/\s+/g, "");
  else if (numbers.length >= 2 || (isRange && !volume) || (single !== undefined && volume)) out.pages = numbers[numbers.length - 1];
  return out;
}

// Function words that journal titles keep in lowercase (ISO 4 abbreviation practice: "Journal of the
// American Chemical Society", "Annales de l'Institut Pasteur", "Zeitschrift für …" aside).
const JOURNAL_STOPWORDS = new Set(["of", "the", "and", "for", "in", "on", "de", "des", "der", "und", "la", "le", "y", "&", "a", "an"]);

/** Does this text read as a journal (abbreviation) rather than the end of a sentence-case title? */
export function isJournalLike(text: string): boolean {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (!words.length || words.length > 14) return false;
  return words.every((word) => {
    const bare = word.replace(/^[(["'“‘]+|[)\]"'”’.,:;]+$/g, "");
    if (!bare || JOURNAL_STOPWORDS.has(bare.toLowerCase())) return true;
    // Capitalised, numeric, or camel-case brands: "bioRxiv", "eLife", "iScience", "mBio", "npj".
    return /^[\p{Lu}\d]/u.test(bare) || /^\p{Ll}+\p{Lu}/u.test(bare) || bare === "npj";
  });
}

/** Split "Title. Journal" at the earliest sentence boundary whose remainder reads as a journal. */
function splitTitleJournal(body: string): { title?: string; journal?: string } {
  const boundaries = [...body.matchAll(/[.?!]["”’]?\s+(?=\S)/g)].filter((m) => {
    const before = body.slice(0, m.index + 1);
    const after = body.slice(m.index + m[0].length);
    // Not after an initial or an abbreviation inside the title ("E. coli", "S. aureus", "U.S.A.", "et al."),
    // nor around a part number ("… steel. II. Biofilms").
    return (
      !/(?:^|[\s(.-])\p{Lu}\.$/u.test(before) &&
      !/\b(?:et al|vs|ca|approx|no|spp?|e\.g|i\.e|[IVX]+)\.$/i.test(before) &&
      !/^[IVX]+\.\s/.test(after)
    );
  });
  for (const m of boundaries) {
    const title = body.slice(0, m.index + 1);
    const journal = body.slice(m.index + m[0].length);
    // A title is not a run of abbreviations: "J. Biol. | Chem." is one journal, not title + journal.
    const words = title.replace(/[.?!]["”’]?$/, "").split(/\s+/);
    const reads = words.some((word) => /^\p{Ll}/u.test(word)) || !words.some((word) => /\.$/.test(word));
    if (isJournalLike(journal) && reads) return { title, journal };
  }
  // No title printed (PNAS, Science): the journal alone before the numbers.
  if (isJournalLike(body) && body.split(/\s+/).length <= 8) return { journal: body };
  return { title: body };
}

function trimField(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const value = text.replace(/^[\s.,;:]+|[\s,;:]+$/g, "").replace(/\s+/g, " ");
  return value || undefined;
}

/**
 * Journal as printed. Vancouver closes an undotted abbreviation with a full stop before the year
 * ("Int J Pharm. 2023;"): that stop is a separator and goes; elsewhere it ends the abbreviation ("Cell Rep.").
 */
function trimJournal(text: string | undefined, stopBeforeYear: boolean): string | undefined {
  let value = trimField(text?.replace(/^\s*(?:in|In)\s+/, ""));
  if (value && stopBeforeYear && /\.$/.test(value) && !/\.(?=.)/.test(value.slice(0, -1))) value = value.slice(0, -1);
  return value || undefined;
}

function trimTitle(text: string | undefined): string | undefined {
  const value = trimField(text?.replace(/^["“‘]+|["”’]+[.,]?\s*$/g, ""));
  return value?.replace(/\.$/, "") || undefined;
}

/** Italic spans of the printed entry (markdown `*…*`), as plain text: journals in RSC/Elsevier/APA, sometimes titles. */
function italics(raw: string): string[] {
  return [...raw.matchAll(EMPHASIS)].map((m) => cleanInline(m[1]!).trim()).filter(Boolean);
}

interface Fields {
  authors: string[];
  /** The author is an organisation, not a run of personal names. */
  corporate: boolean;
  etAl: boolean;
  title?: string;
  journal?: string;
  numbers: Numbers;
}

/** Fields of one entry's text (identifiers already cut off). */
function readFields(text: string, whole: string, emphasized: string[]): Fields {
  const run: AuthorRun | null = readAuthorRun(text);
  let authors = run?.authors ?? [];
  let rest = run ? text.slice(run.end) : text;
  const commaStyle = run !== null && /^\s*,/.test(rest);
  if (!run) {
    // A corporate author ("World Health Organization. Title …", "R Core Team (2018). Title …"):
    // the first short sentence without digits, or the words before the year.
    const corporate = /^(\p{Lu}[^().\d]{2,80}?)\s*(?=\((?:1[89]|20)\d{2}[a-z]?\))/u.exec(text) ?? /^([^.\d]{3,80}?)\.\s+(?=\S)/.exec(text);
    if (corporate && corporate[1]!.split(/\s+/).length <= 8) {
      authors = [corporate[1]!.trim()];
      rest = text.slice(corporate[0].length);
    }
  }
  rest = rest.replace(/^[\s.,;:]+/, "");
  const numbers: Numbers = {};
  // Year right after the authors: APA, Harvard, Cell, Frontiers author–year ("(2020a).", "2020.").
  const early = new RegExp(`^\\(?(${YEAR})([a-z])?(?:,[^)]{0,20})?\\)?(?=[.,:;\\s]|$)[.,:;]?\\s*`).exec(rest);
  if (early) {
    numbers.year = Number(early[1]);
    if (early[2]) numbers.suffix = early[2];
    rest = rest.slice(early[0].length);
  }
  const cut = tailStart(rest);
  const tail = cut < rest.length ? rest.slice(cut) : null;
  let body = rest.slice(0, cut);
  if (tail) {
    const read = readNumbers(tail);
    if (numbers.year === undefined && read.year !== undefined) {
      numbers.year = read.year;
      if (read.suffix) numbers.suffix = read.suffix;
    }
    if (read.volume) numbers.volume = read.volume;
    if (read.pages) numbers.pages = read.pages;
  }
  if (numbers.year === undefined) {
    // Nature prints the year last, after the DOI: "Clin. Genet. https://doi.org/… (2022)."
    const any = new RegExp(`\\((${YEAR})([a-z])?\\)`).exec(whole) ?? new RegExp(`\\b(${YEAR})([a-z])?\\b`).exec(rest);
    if (any) {
      numbers.year = Number(any[1]);
      if (any[2]) numbers.suffix = any[2];
    }
  }
  body = body.replace(/[\s,;:]+$/, "");
  let title: string | undefined;
  let journal: string | undefined;
  const quoted = /^["“‘](.+?)[,.]?["”’](?=[,.]?(?:\s|$))[,.]?\s*(.*)$/s.exec(body);
  const lastItalic = emphasized[emphasized.length - 1];
  const italicAt = lastItalic ? body.lastIndexOf(lastItalic) : -1;
  if (quoted) {
    title = quoted[1];
    journal = quoted[2];
  } else if (lastItalic && italicAt >= 0 && /^[\s.,;:]*(?:[\p{Lu}][\p{L}&.-]*\s*){0,4}$/u.test(body.slice(italicAt + lastItalic.length))) {
    // An italic span closing the body is the journal (or a book's title); a Vancouver title may end inside it.
    const split = commaStyle || isJournalLike(lastItalic) ? {} : splitTitleJournal(lastItalic);
    journal = split.journal ?? lastItalic;
    title = body.slice(0, italicAt) + (split.journal ? ` ${split.title}` : "");
    if (!title.trim() || /^\s*(?:in\s*)?$/i.test(title)) title = undefined;
  } else if (commaStyle) {
    // Science: "S. Jessa et al., Title. Nat. Genet." — a sentence title before the journal;
    // RSC prints no title; Elsevier and unquoted IEEE-like styles separate title and journal by a comma.
    const sentence = splitTitleJournal(body);
    const comma = body.lastIndexOf(", ");
    if (sentence.title && sentence.journal && !isJournalLike(sentence.title)) ({ title, journal } = sentence);
    else if (comma > 0) {
      title = body.slice(0, comma);
      journal = body.slice(comma + 2);
    } else journal = body;
  } else if (/\([^)]*$/.test(body)) {
    // A book: "Title (Publisher, 2020)." — the parenthesis holds the imprint, not a journal.
    title = body.slice(0, body.lastIndexOf("("));
  } else {
    ({ title, journal } = splitTitleJournal(body));
  }
  return { authors, corporate: !run && authors.length > 0, etAl: run?.etAl ?? false, title: trimTitle(title), journal: trimJournal(journal, !commaStyle && tail !== null && new RegExp(`^[\\s(]*${YEAR}`).test(tail)), numbers };
}

/** Parse one printed entry (without its number). */
export function parseReferenceEntry(n: number, raw: string, listStyle: ReferenceListStyle = "numbered"): ReferenceEntry {
  // Ligatures (ﬁ, ﬀ) as letters, so names and titles compare as printed words.
  const text = cleanInline(raw).replace(/[\ufb00-\ufb06]/g, (ligature) => ligature.normalize("NFKC")).replace(/\s+/g, " ").trim();
  const cut = IDENTIFIERS.exec(text);
  // "Preprint at https://…" (Nature): the words that introduced the identifier go with it.
  const core = (cut ? text.slice(0, cut.index) : text).replace(/[\s.,]*\b(?:Preprint|Available|Published)(?: online)? (?:at|from)\s*:?$/i, "").trim();
  const fields = readFields(core, text, italics(raw));
  const entry: ReferenceEntry = { n, text, authors: fields.authors, paperKey: "" };
  if (fields.title) entry.title = fields.title;
  if (fields.journal) entry.journal = fields.journal;
  if (fields.numbers.year !== undefined) entry.year = fields.numbers.year;
  if (fields.numbers.volume) entry.volume = fields.numbers.volume;
  if (fields.numbers.pages) entry.pages = fields.numbers.pages;
  const doi = findReferenceDoi(text);
  if (doi) {
    entry.doi = doi;
    entry.url = `https://doi.org/${doi}`;
  } else {
    const url = findUrl(text);
    if (url) entry.url = url;
  }
  const pmid = findPmid(text);
  if (pmid) entry.pmid = pmid;
  if (listStyle === "author-year" && entry.authors.length && entry.year !== undefined) {
    entry.label = referenceLabel(entry.authors, fields.etAl, entry.year, fields.numbers.suffix, fields.corporate);
  }
  entry.paperKey = paperKeyOf(entry);
  return entry;
}

export interface ReferenceList {
  references: ReferenceEntry[];
  /** Numbers absent between 1 and the highest printed entry (numbered lists only). */
  missingReferenceNumbers: number[];
  style: ReferenceListStyle;
}

export function parseReferenceList(entries: RawReferenceEntry[], listStyle: ReferenceListStyle = "numbered"): ReferenceList {
  const byNumber = new Map<number, ReferenceEntry>();
  for (const { n, raw } of entries) if (!byNumber.has(n)) byNumber.set(n, parseReferenceEntry(n, raw, listStyle));
  const references = [...byNumber.values()].sort((a, b) => a.n - b.n);
  const highest = references[references.length - 1]?.n ?? 0;
  const missingReferenceNumbers: number[] = [];
  if (listStyle !== "author-year") for (let n = 1; n <= highest; n++) if (!byNumber.has(n)) missingReferenceNumbers.push(n);
  return { references, missingReferenceNumbers, style: references.length ? listStyle : "none" };
}
