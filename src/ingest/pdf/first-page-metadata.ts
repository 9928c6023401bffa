// Metadata hints from the first page's layout and the file's own metadata: the title is the
// largest type on page 1 that reads like a title (not a one-word masthead), the authors the
// line(s) right under it, the DOI from XMP (prism:doi, dc:identifier) or the first page's text,
// journal/volume/year from XMP, the info Subject ("Journal, year, doi:…", "Journal 2019.363:1463")
// or the citation line printed in the masthead, running head or first-page footer.
import type { DocumentMeta } from "../../types.ts";
import { findCitationLine } from "../find-citation-line.ts";
import { findDoi, parseAuthorLine } from "../parse-metadata.ts";
import type { PdfInfo } from "./read-text-items.ts";
import { lineText } from "./line-text.ts";
import type { Line } from "./reading-order.ts";
import type { TextItem } from "./text-item.ts";

export type MetaHints = Partial<Omit<DocumentMeta, "id" | "file">>;

export interface FirstPageMetadata {
  hints: MetaHints;
  titleLines: Set<Line>;
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
const fold = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();

/** Info-dictionary titles that are file names or tool output rather than the paper's title. */
function usableInfoTitle(title: unknown): string | undefined {
  if (typeof title !== "string") return undefined;
  const text = title.replace(/\s+/g, " ").trim();
  if (words(text) < 4 || /\.(?:docx?|pdf|tex|indd|rtf|dvi)\b|^microsoft|^untitled|^doi:|^\S+$/i.test(text)) return undefined;
  return text;
}

/** Lines of the largest type on page 1 that make a plausible title, top to bottom. */
function findTitle(page: Line[], infoTitle?: string): Line[] {
  const candidates = page.filter((line) => line.text.length > 1);
  // A title is set in display type: larger than the size that carries most of page 1's text. A page
  // set in one size throughout (a book, a plain manuscript) has no typographic title.
  const charsBySize = new Map<number, number>();
  for (const line of candidates) {
    const size = Math.round(line.size * 2) / 2;
    charsBySize.set(size, (charsBySize.get(size) ?? 0) + line.text.length);
  }
  const bodySize = [...charsBySize].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
  const sizes = [...charsBySize.keys()].filter((size) => size > bodySize).sort((a, b) => b - a);
  for (const size of sizes.slice(0, 4)) {
    const lines = candidates.filter((line) => Math.abs(line.size - size) < 0.3).sort((a, b) => b.y - a.y || a.x - b.x);
    // Stacks of lines at that size, each close under the one before (a title wraps onto up to five lines).
    const stacks: Line[][] = [];
    for (const line of lines) {
      const stack = stacks.find((open) => {
        const last = open[open.length - 1]!;
        return last.y > line.y && last.y - line.y < 2 * size && line.x < last.right && line.right > last.x;
      });
      if (stack) stack.push(line);
      else stacks.push([line]);
    }
    for (const stack of stacks) {
      const text = stack.map((line) => line.text).join(" ");
      if (infoTitle && fold(infoTitle).startsWith(fold(text).slice(0, 40)) && words(text) >= 2) return stack;
      // A masthead (journal name, "Article", logo text) is short; a title has several words.
      if (words(text) >= 4 && /\p{Ll}/u.test(text) && stack.length <= 5) return stack;
    }
  }
  return [];
}

/** Affiliation and footnote marks printed as superscripts after names. */
const MARKERS = /[⁰¹²³⁴⁵⁶⁷⁸⁹ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ⁺⁻*†‡§✉#]/gu;

/** Pieces of a line separated by gaps wider than two ems (a side panel beside the author line). */
function pieces(line: Line): TextItem[][] {
  const out: TextItem[][] = [];
  for (const item of line.items) {
    const current = out[out.length - 1];
    const last = current?.[current.length - 1];
    if (current && last && item.x - (last.x + last.width) <= 2 * line.size) current.push(item);
    else out.push([item]);
  }
  return out;
}

/** An author line's text: marks dropped, and comma pieces with no letter (stray marks) removed. */
function cleanAuthorText(text: string): string {
  return text
    // A mark becomes a space: "Ghani²and Hana" is two words.
    .replace(MARKERS, " ")
    .replace(/\s+,/g, ",")
    .replace(/,\s*[^\p{L}\s,]{1,3}(?=\s*(?:,|$))/gu, ",")
    .replace(/,+/g, ",")
    .replace(/\s+/g, " ")
    .replace(/,\s*$/, "")
    .trim();
}

/** Names from the lines right under the title, when they read as an author line. */
function findAuthors(page: Line[], titleLines: Line[]): string[] | undefined {
  const last = titleLines[titleLines.length - 1];
  if (!last) return undefined;
  const left = Math.min(...titleLines.map((line) => line.x));
  const right = Math.max(...titleLines.map((line) => line.right));
  const under = page
    .filter((line) => line.y < last.y && last.y - line.y < 6 * last.size && line.x < right && line.right > left)
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const block: string[] = [];
  let previous: Line | undefined;
  for (const line of under) {
    if (previous && (previous.y - line.y > 1.8 * line.size || Math.abs(previous.size - line.size) > 0.3)) break;
    previous = line;
    // Only the pieces of the row under the title: a side panel on the same baseline is not the list.
    const inside = pieces(line).filter((piece) => piece[piece.length - 1]!.x + piece[piece.length - 1]!.width > left && piece[0]!.x < right);
    block.push(inside.length ? lineText(inside.flat()) : line.text);
    if (block.length >= 4) break;
  }
  // The longest run of lines from the top that reads as an author list (affiliations may follow).
  for (let count = block.length; count >= 1; count--) {
    const names = parseAuthorLine(cleanAuthorText(block.slice(0, count).join(" ")));
    if (names) return names;
  }
  return undefined;
}

function fromSubject(subject: unknown): MetaHints {
  if (typeof subject !== "string") return {};
  // "Experimental & Molecular Medicine, doi:10.1038/…", "Nature Communications, 2024, doi:…"
  const match = /^([^,;]{3,80}),\s*(?:((?:19|20)\d{2}),\s*)?(?:doi:\s*)?10\.\d{4,9}\//i.exec(subject.trim());
  if (match) return { journal: match[1]!.trim(), ...(match[2] ? { year: Number(match[2]) } : {}) };
  // A citation in the Subject: "Science 2019.363:1463-1467", "Chemical Science (2022), 13, 1408-1418"
  const cited = findCitationLine([subject.trim().slice(0, 200)]);
  return cited?.journal ? { ...cited } : {};
}

/**
 * `page`: page 1's lines in reading order; `printed`: all of page 1's text, furniture included;
 * `citationLines`: printed lines where a citation line may stand (heads and feet first);
 * `nextPage`: page 2's lines, read for authors when page 1 is a cover.
 */
export function readFirstPageMetadata(
  page: Line[],
  info: PdfInfo,
  printed: string,
  citationLines: string[] = [],
  nextPage: Line[] = [],
): FirstPageMetadata {
  const infoTitle = usableInfoTitle(info.xmp["dc:title"] ?? info.info.Title);
  let titleLines = findTitle(page, infoTitle);
  const hints: MetaHints = {};
  let title = titleLines.map((line) => line.text).join(" ").replace(/\s+/g, " ").replace(MARKERS, "").trim();
  // A cover sheet (repository, "author manuscript") prints its own masthead largest; the info
  // title wins when page 1 prints it too and the largest type says something else.
  const pageWords = fold(page.map((line) => line.text).join(" "));
  if (infoTitle && !fold(title).startsWith(fold(infoTitle).slice(0, 30)) && pageWords.includes(fold(infoTitle).slice(0, 40))) {
    title = infoTitle;
    titleLines = [];
  }
  if (title) hints.title = title;
  else if (infoTitle) hints.title = infoTitle;
  let authors = findAuthors(page, titleLines);
  // A cover or summary page (repository cover sheet, graphical abstract) before the article: the
  // article's first page prints the title again with the full author list under it.
  if (!authors && title && nextPage.length) {
    const repeated = findTitle(nextPage, title);
    if (repeated.length && fold(title).startsWith(fold(repeated.map((line) => line.text).join(" ")).slice(0, 40))) {
      authors = findAuthors(nextPage, repeated);
    }
  }
  if (authors) hints.authors = authors;

  const xmpDoi = findDoi(info.xmp["prism:doi"] ?? "") ?? findDoi(info.xmp["dc:identifier"] ?? "");
  const pageDoi = findDoi(printed);
  const subjectDoi = findDoi(String(info.info.Subject ?? ""));
  const doi = xmpDoi ?? pageDoi ?? subjectDoi;
  if (doi) hints.doi = doi;

  // The file's own metadata first, then the Subject, then the printed citation line.
  const subject = fromSubject(info.info.Subject);
  const printedLine = findCitationLine(citationLines) ?? {};
  const journal = info.xmp["prism:publicationname"] ?? subject.journal ?? printedLine.journal;
  if (journal) hints.journal = journal;
  const xmpVolume = info.xmp["prism:volume"];
  const volume = xmpVolume && /^\d{1,5}$/.test(xmpVolume) ? xmpVolume : (subject.volume ?? printedLine.volume);
  if (volume) hints.volume = volume;
  const date = info.xmp["prism:coverdate"] ?? info.xmp["prism:publicationdate"];
  const year = (date ? Number(/\b((?:19|20)\d{2})\b/.exec(date)?.[1]) : undefined) || subject.year || printedLine.year;
  if (year) hints.year = year;
  return { hints, titleLines: new Set(titleLines) };
}
