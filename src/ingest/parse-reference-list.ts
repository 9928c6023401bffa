// A review's own numbered reference list → structured entries. Two styles are read:
//   Vancouver-like:  Aly S, El-Kamel AH, et al. Title. *Int J Pharm*. (2023) 642:123163. doi: 10.…
//                    (also "Journal. 2023;642:123163")
//   RSC:             S. Dallavalle, … and R. Fruttero, *Drug Resist. Updates*, 2020, **50**, 100682.
// Numbers are kept as printed: gaps are reported, never renumbered.
import type { ReferenceEntry } from "../types.ts";
import { cleanInline } from "./clean-text.ts";
import { normalizeDoi } from "./parse-metadata.ts";
import { paperKeyOf } from "./paper-key.ts";
import type { RawReferenceEntry } from "./parse-sections.ts";

const YEAR = "(?:19|20)\\d{2}";
const EMPHASIS = /(?<![*\w])\*(?!\*)([^*]+?)\*(?!\*)/g;

function stripEmphasis(text: string): string {
  return cleanInline(text);
}

function findDoi(raw: string): string | undefined {
  const match =
    /\bdoi:?\s*(10\.\d{4,9}\/\S+)/i.exec(raw) ??
    /https?:\/\/(?:dx\.)?doi\.org\/(10\.\d{4,9}\/\S+)/i.exec(raw) ??
    /\b(10\.\d{4,9}\/[^\s,;]+)/.exec(raw);
  return match ? normalizeDoi(match[1]!.replace(/\*+$/, "")) : undefined;
}

function clean(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const value = stripEmphasis(text).replace(/^[\s.,;:]+|[\s.,;:]+$/g, "");
  return value || undefined;
}

/** Split a Vancouver author run from the rest: "Aly S, El-Kamel AH, Sheta E. Title…" */
function splitVancouverAuthors(raw: string): { authors: string[]; rest: string } {
  const match = /^(.*? (?:et al|\p{Lu}{1,4}))\.\s+(.*)$/su.exec(raw);
  if (!match || match[1]!.length > 600) return { authors: [], rest: raw };
  const authors = match[1]!
    .split(/\s*,\s*/)
    .map((name) => name.trim())
    .filter((name) => name && !/^et al$/i.test(name));
  return { authors, rest: match[2]! };
}

function parseVancouver(raw: string): Partial<ReferenceEntry> {
  const { authors, rest } = splitVancouverAuthors(raw);
  const entry: Partial<ReferenceEntry> = { authors };
  // Frontiers: "(2023) 642:123163"; classic Vancouver: "2023;642(3):123-9" or "2023 Jan;642:…"
  const frontiers = new RegExp(`\\((${YEAR})\\)\\s*(?:([\\w-]+)(?:\\((\\w+)\\))?:\\s*([\\w–-]+)|([\\w]+[–-][\\w]+))?`).exec(rest);
  const classic = new RegExp(`\\b(${YEAR})(?:\\s+[A-Z][a-z]{2}(?:\\s+\\d{1,2})?)?;\\s*([\\w-]+)(?:\\((\\w+)\\))?:\\s*([\\w–-]+)`).exec(rest);
  const found = frontiers ?? classic;
  if (!found) return entry;
  entry.year = Number(found[1]);
  if (found[2]) entry.volume = found[2];
  const pages = found[4] ?? found[5];
  if (pages) entry.pages = pages;
  const before = rest.slice(0, found.index).trim();
  const emphasized = [...before.matchAll(EMPHASIS)];
  const lastEmphasis = emphasized[emphasized.length - 1];
  let title: string;
  let journal: string | undefined;
  if (lastEmphasis && before.slice(lastEmphasis.index + lastEmphasis[0].length).replace(/[\s.,]/g, "") === "") {
    journal = lastEmphasis[1]!;
    title = before.slice(0, lastEmphasis.index);
    // Vancouver journal abbreviations carry no inner full stops: "*in vitro. Photodiagnosis …*"
    const split = /^(.*\.)\s+([^.]+\.?)$/s.exec(journal.trim());
    if (split) {
      title = `${title} ${split[1]}`;
      journal = split[2]!;
    }
  } else {
    const segments = before.split(/\.\s+/).filter((segment) => segment.trim());
    if (segments.length >= 2) {
      journal = segments.pop();
      title = segments.join(". ");
    } else {
      title = before;
    }
  }
  const cleanTitle = clean(title);
  const cleanJournal = clean(journal);
  if (cleanTitle) entry.title = cleanTitle;
  if (cleanJournal) entry.journal = cleanJournal;
  return entry;
}

function splitRscAuthors(text: string): string[] {
  return text
    .split(/\s*,\s*(?:and\s+)?|\s+and\s+/)
    .map((name) => name.trim())
    .filter((name) => name && !/^et al\.?$/i.test(name));
}

function parseRsc(raw: string): Partial<ReferenceEntry> {
  const journalMatch = /,\s*(in\s+)?\*(?!\*)([^*]+?)\*(?!\*)/.exec(raw);
  const entry: Partial<ReferenceEntry> = {};
  let after: string;
  if (journalMatch) {
    entry.authors = splitRscAuthors(raw.slice(0, journalMatch.index));
    // RSC abbreviations keep their final full stop ("J. Clin."): only the emphasis goes.
    const journal = stripEmphasis(journalMatch[2]!).replace(/^[\s,;:]+|[\s,;:]+$/g, "") || undefined;
    if (journal) entry.journal = journal;
    after = raw.slice(journalMatch.index + journalMatch[0].length);
  } else {
    const year = new RegExp(`,\\s*${YEAR}\\b`).exec(raw);
    entry.authors = splitRscAuthors(year ? raw.slice(0, year.index) : raw.replace(/\.$/, ""));
    after = year ? raw.slice(year.index) : "";
  }
  const year = new RegExp(`(?:^|,)\\s*(${YEAR})\\b`).exec(after);
  if (year) {
    entry.year = Number(year[1]);
    after = after.slice(year.index + year[0].length);
  }
  const volume = /^\s*,\s*\*\*([^*]+)\*\*(?:\s*\(\w+\))?/.exec(after);
  if (volume) {
    entry.volume = volume[1]!.trim();
    after = after.slice(volume[0].length);
  }
  const pages = /^\s*,\s*(?:pp?\.\s*)?([\w]+(?:[–-][\w]+)?)\s*\.?\s*$/.exec(after) ?? /pp?\.\s*([\w]+(?:[–-][\w]+)?)/.exec(after);
  if (pages) entry.pages = pages[1];
  return entry;
}

/** Parse one printed entry (without its number). */
export function parseReferenceEntry(n: number, raw: string): ReferenceEntry {
  const text = stripEmphasis(raw).replace(/\s+/g, " ").trim();
  const isVancouver = new RegExp(`\\(${YEAR}\\)|\\b${YEAR}(?:\\s+[A-Z][a-z]{2})?;\\s*\\w`).test(raw);
  const isRsc = !isVancouver && new RegExp(`,\\s*(?:in\\s+)?\\*[^*]+\\*\\s*,|,\\s*${YEAR}\\b`).test(raw);
  const parsed = isVancouver ? parseVancouver(raw) : isRsc ? parseRsc(raw) : parseVancouver(raw);
  const authors = (parsed.authors ?? []).map((name) => stripEmphasis(name)).filter(Boolean);
  const entry: ReferenceEntry = { n, text, authors, paperKey: "" };
  if (parsed.title) entry.title = parsed.title;
  if (parsed.journal) entry.journal = parsed.journal;
  if (parsed.year !== undefined) entry.year = parsed.year;
  else {
    const year = new RegExp(`\\b(${YEAR})\\b`).exec(text);
    if (year) entry.year = Number(year[1]);
  }
  if (parsed.volume) entry.volume = parsed.volume;
  if (parsed.pages) entry.pages = parsed.pages;
  const doi = findDoi(raw);
  if (doi) {
    entry.doi = doi;
    entry.url = `https://doi.org/${doi}`;
  }
  entry.paperKey = paperKeyOf(entry);
  return entry;
}

export interface ReferenceList {
  references: ReferenceEntry[];
  /** Numbers absent between 1 and the highest printed entry. */
  missingReferenceNumbers: number[];
}

export function parseReferenceList(entries: RawReferenceEntry[]): ReferenceList {
  const byNumber = new Map<number, ReferenceEntry>();
  for (const { n, raw } of entries) if (!byNumber.has(n)) byNumber.set(n, parseReferenceEntry(n, raw));
  const references = [...byNumber.values()].sort((a, b) => a.n - b.n);
  const highest = references[references.length - 1]?.n ?? 0;
  const missingReferenceNumbers: number[] = [];
  for (let n = 1; n <= highest; n++) if (!byNumber.has(n)) missingReferenceNumbers.push(n);
  return { references, missingReferenceNumbers };
}
