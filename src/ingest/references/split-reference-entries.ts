// The printed reference section → one raw text per entry. Two list shapes:
//   numbered      "1." "1)" "[1]" "(1)" "1 " at the start of a line; numbers kept as printed
//   author–year   unnumbered, alphabetical; an entry opens with an author run followed by its year
// Extraction breaks entries over lines and paragraphs (column and page breaks, an author list
// split from its title, "- " list marks inside an entry) and merges several into one paragraph;
// running heads and page numbers fall between them. Paragraphs that are plainly prose (the end of
// the body displaced by the layout) are handed back.
import type { ReferenceListStyle } from "../../types.ts";
import { countWords, joinLines } from "../clean-text.ts";
import { isFurnitureLine } from "../detect-furniture.ts";
import { readAuthorRun } from "./read-author-run.ts";

export interface RawReferenceEntry {
  /** The printed number, or the 1-based position in an unnumbered list. */
  n: number;
  /** The entry's printed text without its number, emphasis still marked. */
  raw: string;
}

export interface ReferenceSplit {
  style: ReferenceListStyle;
  entries: RawReferenceEntry[];
  /** Paragraphs of prose found among the entries. */
  displaced: string[];
}

type MarkerForm = "dot" | "paren" | "bracket" | "round" | "bare";

interface NumberedStart {
  n: number;
  form: MarkerForm;
  rest: string;
}

const YEAR = /\b(?:1[5-9]\d{2}|20\d{2})[a-z]?\b/;
/** Lowercase surname particles that may open an entry ("de Wispelaere, M."). */
const PARTICLE = "(?:van|von|de|der|den|del|della|di|da|du|dos|le|la|ten|ter)";
const LIST_MARK = /^(?:[-•▪◦*]|\u2022)\s+/;
/** Text that can only continue an entry: a DOI, a bibliographic year, a bold volume, a lowercase start. */
const ENTRY_TAIL = /\bdoi\b|\b10\.\d{4,9}\/|\((?:19|20)\d{2}[a-z]?\)|\b(?:19|20)\d{2};|,\s*(?:19|20)\d{2},|\*\*\w+\*\*|^\p{Ll}|^[.,;:(]/u;

/** "12. Smith …", "[12] Smith …", "(12) Smith …", "12) Smith …", "12 Smith …" → number, marker form, text. */
export function numberedStart(line: string): NumberedStart | null {
  const text = line.trim().replace(LIST_MARK, "");
  const match = /^(?:\[(\d{1,4})\]|\((\d{1,4})\)|(\d{1,4})(\.|\))?)\s*(?=[\p{L}"“‘'*])(.+)$/u.exec(text);
  if (!match) return null;
  const [, bracket, round, plain, punct] = match;
  const form: MarkerForm = bracket ? "bracket" : round ? "round" : punct === "." ? "dot" : punct === ")" ? "paren" : "bare";
  // "12Smith" is not an entry; bare numbers need a space.
  if (form === "bare" && !/^\d{1,4}\s/.test(text)) return null;
  return { n: Number(bracket ?? round ?? plain), form, rest: match[5]!.trim() };
}

/** Does this paragraph open an author–year entry: an author run, then its year? */
function opensAuthorYearEntry(text: string): boolean {
  const run = readAuthorRun(text);
  if (!run || run.shape === "forward") return false;
  return /^\s*[,.]?\s*\(?(?:1[5-9]\d{2}|20\d{2})[a-z]?\b/.test(text.slice(run.end));
}

/** Does this paragraph read like a reference entry (used to find a list printed without a heading)? */
export function isEntryLike(text: string): boolean {
  const numbered = numberedStart(text);
  const body = numbered ? numbered.rest : text.trim();
  if (!YEAR.test(body)) return false;
  if (opensAuthorYearEntry(body)) return true;
  return numbered !== null && readAuthorRun(body) !== null;
}

/** Has the entry reached its end? Not when it stops at the year after the authors (Cell, APA: the title follows). */
function entryIsComplete(raw: string): boolean {
  const text = raw.trim();
  return YEAR.test(text) && /(?:[.)]|\d|\b10\.\d{4,9}\/\S+)$/.test(text) && !/\((?:1[5-9]\d{2}|20\d{2})[a-z]?\)\.?$/.test(text);
}

/** Prose among entries: a long sentence paragraph with nothing bibliographic in it (no year, no closing volume and pages). */
export function isProse(text: string): boolean {
  const trimmed = text.trim();
  return (
    countWords(trimmed) >= 8 &&
    !YEAR.test(trimmed) &&
    !ENTRY_TAIL.test(trimmed) &&
    /[.!?]["”’)]?$/.test(trimmed) &&
    !/\d+[,:]\s*[A-Za-z]?\d+(?:\s*[–−-]\s*[A-Za-z]?\d+)?\.$/.test(trimmed) &&
    !readAuthorRun(trimmed)
  );
}

const SPACING_ACCENTS: Record<string, string> = { "´": "\u0301", "`": "\u0300", "¨": "\u0308", "ˆ": "\u0302", "˜": "\u0303", "ˇ": "\u030c" };

/** "Sa´ nchez" → "Sánchez": a text layer that sets an accent as its own glyph, with a space after it. */
function repairSpacingAccents(line: string): string {
  return line.replace(/(\p{L})([´`¨ˆ˜ˇ]) ?(?=\p{L})/gu, (_m, letter: string, accent: string) => `${letter}${SPACING_ACCENTS[accent]}`).normalize("NFC");
}

function cleanLines(lines: string[]): string[] {
  return lines.map((line) => repairSpacingAccents(line.trim())).filter((line) => line && !isFurnitureLine(line));
}

function append(entry: RawReferenceEntry, text: string): void {
  entry.raw = joinLines([entry.raw, text.replace(LIST_MARK, "")]);
}

/** Split a line at later entry numbers printed inside it ("… 35−46. (3) Hill, …"), each the next in sequence. */
function splitMergedNumbered(line: string, form: MarkerForm, next: number): string[] {
  const out: string[] = [];
  let rest = line;
  let n = next;
  for (;;) {
    const marker = form === "bracket" ? `\\[${n}\\]` : form === "round" ? `\\(${n}\\)` : form === "paren" ? `${n}\\)` : form === "dot" ? `${n}\\.` : `${n}\\s`;
    // A bare number only after an entry's closing full stop ("… 12–49. 2 M. Nikolaou, …").
    const before = form === "bare" ? "(?<=\\.\\s{1,3})" : "(?<=[.)\\d]\\s{1,3})";
    const match = new RegExp(`${before}${marker}\\s*(?=\\p{Lu}|${PARTICLE}\\s)`, "u").exec(rest);
    if (!match || match.index < 20) break;
    out.push(rest.slice(0, match.index).trim());
    rest = rest.slice(match.index);
    n++;
  }
  out.push(rest);
  return out;
}

/** An entry start beyond doubt: several authors (or "et al."), or an author run with a year on the line. */
function isStrongStart(rest: string): boolean {
  const run = readAuthorRun(rest);
  return run !== null && (run.authors.length >= 2 || run.etAl || YEAR.test(rest));
}

function splitNumbered(paragraphs: string[][], form: MarkerForm): ReferenceSplit {
  const entries: RawReferenceEntry[] = [];
  const seen = new Set<number>();
  const displaced: string[] = [];
  /** Entries whose number the text layer lost, numbered as the gap they fill. */
  const inferred = new Set<RawReferenceEntry>();
  for (const paragraph of paragraphs) {
    const lines = cleanLines(paragraph);
    if (!lines.length) continue;
    const last = entries[entries.length - 1];
    const first = numberedStart(lines[0]!);
    if (!(first && first.form === form) && last && entryIsComplete(last.raw) && isProse(joinLines(lines))) {
      displaced.push(joinLines(lines));
      continue;
    }
    if (!(first && first.form === form) && last && entryIsComplete(last.raw) && isStrongStart(lines[0]!) && !seen.has(last.n + 1)) {
      // A complete entry, then a paragraph opening with several authors but no number: the next entry.
      const entry = { n: last.n + 1, raw: joinLines(lines) };
      entries.push(entry);
      inferred.add(entry);
      seen.add(entry.n);
      continue;
    }
    for (const line of lines) {
      const own = numberedStart(line);
      const next = (own && own.form === form ? own.n : (entries[entries.length - 1]?.n ?? 0)) + 1;
      const pieces = splitMergedNumbered(line, form, next);
      for (const piece of pieces) {
        const start = numberedStart(piece);
        const previous = entries[entries.length - 1];
        const expected = (previous?.n ?? 0) + 1;
        // The next numbers open entries; a number further off only with an author run (part of
        // the list lost or read out of order by the text layer), and never one already read.
        const near = start !== null && (previous ? start.n > previous.n && start.n <= previous.n + 25 : start.n <= 5);
        // The list's own form, or the next number bare before an author run: the text layer lost
        // the full stop after it ("12 Smith J, Lee K, …" in a list numbered "11.").
        const ownForm = start !== null && (start.form === form || (start.form === "bare" && start.n === expected && isStrongStart(start.rest)));
        const plausible =
          start !== null &&
          ownForm &&
          (near || (!seen.has(start.n) && isStrongStart(start.rest))) &&
          (form !== "bare" || start.n === expected) &&
          countWords(start.rest) >= 2;
        if (plausible) seen.add(start!.n);
        if (plausible) entries.push({ n: start!.n, raw: start!.rest });
        else if (previous) append(previous, piece);
      }
    }
  }
  // An inferred number stands only when the printed numbering resumes right after it; otherwise the
  // paragraph was part of the entry before.
  const kept: RawReferenceEntry[] = [];
  entries.forEach((entry, i) => {
    const resumes = entries[i + 1]?.n === entry.n + 1 && !inferred.has(entries[i + 1]!);
    if (!inferred.has(entry) || resumes) kept.push(entry);
    else if (kept.length) append(kept[kept.length - 1]!, entry.raw);
  });
  return { style: kept.length ? "numbered" : "none", entries: kept, displaced };
}

const CORPORATE_AUTHOR_YEAR = /^\p{Lu}[^().]{2,100}?[.,]?\s*\((?:1[5-9]\d{2}|20\d{2})[a-z]?\)/u;

/** Offsets where a later author–year entry starts inside a paragraph ("… 180–183. Herff, C., … (2020). …"). */
function authorYearStarts(text: string): number[] {
  const starts = [0];
  // After a full stop, a page number or a DOI (APA and Frontiers end entries with a bare DOI).
  for (const match of text.matchAll(/(?:[.)\d]|\b10\.\d{4,9}\/\S*)\s+(?=\p{Lu})/gu)) {
    const at = match.index + match[0].length;
    if (at - starts[starts.length - 1]! < 20) continue;
    const rest = text.slice(at, at + 800); // an author run and its year fit in far less
    const run = readAuthorRun(rest);
    if (!run || run.shape === "forward") continue;
    const after = rest.slice(run.end);
    // Its year follows, or the run ends the paragraph (the entry goes on in the next one).
    const whole = run.authors.length >= 2 || run.etAl;
    // "(2020)" (APA, Harvard), ". 2020." (CSE name–year), or the run ends the paragraph.
    const year = /^\s*[,.]?\s*(?:\((?:1[5-9]\d{2}|20\d{2})[a-z]?\)|(?:1[5-9]\d{2}|20\d{2})[a-z]?\.\s)/.test(after);
    if (year || (whole && /^[\s,.]*$/.test(after))) starts.push(at);
  }
  return starts;
}

function splitAuthorYear(paragraphs: string[][]): ReferenceSplit {
  const entries: RawReferenceEntry[] = [];
  const displaced: string[] = [];
  for (const paragraph of paragraphs) {
    const lines = cleanLines(paragraph);
    if (!lines.length) continue;
    const text = joinLines(lines.map((line) => line.replace(LIST_MARK, "")));
    const last = entries[entries.length - 1];
    const starts = authorYearStarts(text);
    const pieces = starts.map((start, i) => text.slice(start, starts[i + 1]).trim());
    // An entry opens with its author run and year; or, after a complete entry, with a run of several names.
    // Not while the previous author list is still open ("…, Sachidanandam R," / "Hannon GJ. 2007. …").
    const run = readAuthorRun(text);
    const previousOpen = last !== undefined && !YEAR.test(last.raw) && /(?:[,;&]|\band)$/.test(last.raw.trim());
    const afterComplete = !last || entryIsComplete(last.raw);
    const opens =
      !previousOpen &&
      (opensAuthorYearEntry(text) ||
        (afterComplete && run !== null && run.shape !== "forward" && (run.authors.length >= 2 || run.etAl)) ||
        // A corporate author: "World Health Organization (2020). Title …"
        (afterComplete && last !== undefined && CORPORATE_AUTHOR_YEAR.test(text)));
    if (!opens && last && entryIsComplete(last.raw) && isProse(text)) {
      displaced.push(text);
      continue;
    }
    pieces.forEach((piece, i) => {
      const previous = entries[entries.length - 1];
      if (i === 0 && !opens && previous) append(previous, piece);
      // Before the first entry only an entry opens the list: prose there is the body's, not a reference.
      else if (previous || opens || i > 0 || YEAR.test(piece)) entries.push({ n: entries.length + 1, raw: piece });
      else if (isProse(piece)) displaced.push(piece);
    });
  }
  return { style: entries.length ? "author-year" : "none", entries, displaced };
}

/** The marker form most lines of the section open with, when enough do to call the list numbered. */
function numberedForm(paragraphs: string[][]): MarkerForm | null {
  const counts = new Map<MarkerForm, number>();
  let authorYear = 0;
  for (const paragraph of paragraphs) {
    for (const line of paragraph) {
      const start = numberedStart(line);
      if (start && countWords(start.rest) >= 2) counts.set(start.form, (counts.get(start.form) ?? 0) + 1);
    }
    if (opensAuthorYearEntry(joinLines(paragraph.map((line) => line.replace(LIST_MARK, ""))))) authorYear++;
  }
  const [form, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [null, 0];
  return form && count >= Math.max(1, authorYear) ? form : null;
}

/**
 * Back-matter headings set in capitals and run into the last entry by the text layer
 * ("… (2014). ACKNOWLEDGEMENTS This work …"): the list ends there. Headings as Nature, ACS and
 * Elsevier print them.
 */
const RUN_IN_BACK_MATTER =
  /\s(?:ACKNOWLEDG(?:E)?MENTS?|AUTHOR CONTRIBUTIONS?|AUTHOR INFORMATION|COMPETING INTERESTS?|CONFLICTS? OF INTEREST|DECLARATION OF COMPETING INTEREST|FUNDING|ADDITIONAL INFORMATION|DATA AVAILABILITY|SUPPLEMENTARY (?:MATERIAL|INFORMATION)|ASSOCIATED CONTENT|ABBREVIATIONS)\b(?![a-z])/;

const LONE_MARKER = /^(?:[-•▪◦*]\s+)?(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)])$/;

/** A number printed on a line of its own (hanging indent read as a separate line) belongs to the next line. */
function attachLoneMarkers(paragraphs: string[][]): string[][] {
  const out: string[][] = [];
  let pending: string | null = null;
  for (const paragraph of paragraphs) {
    const lines: string[] = [];
    for (const line of paragraph) {
      const text = line.trim();
      if (LONE_MARKER.test(text)) pending = text;
      else if (pending !== null) {
        lines.push(`${pending} ${text}`);
        pending = null;
      } else lines.push(line);
    }
    if (lines.length) out.push(lines);
  }
  return out;
}

/** Split the reference section's paragraphs (their physical lines) into entries. */
export function splitReferenceEntries(printed: string[][]): ReferenceSplit {
  const paragraphs = attachLoneMarkers(printed);
  const form = numberedForm(paragraphs);
  const split = form ? splitNumbered(paragraphs, form) : splitAuthorYear(paragraphs);
  const ended = split.entries.findIndex((entry) => RUN_IN_BACK_MATTER.test(entry.raw));
  if (ended >= 0) {
    const entry = split.entries[ended]!;
    entry.raw = entry.raw.slice(0, RUN_IN_BACK_MATTER.exec(entry.raw)!.index).trim();
    split.entries.length = ended + 1;
  }
  return split;
}
