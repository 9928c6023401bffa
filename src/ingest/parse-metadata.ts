// Front matter → metadata (title, authors, journal, year, volume, DOI) and the abstract.
// Publisher side panels (editors, correspondence, licence, "Cite this:") are read for the
// bibliographic facts they print and otherwise dropped.
import type { DocumentMeta } from "../types.ts";
import { cleanInline, countWords, endsSentence } from "./clean-text.ts";
import { PANEL_LABEL, isAffiliation, isFurniture } from "./detect-furniture.ts";
import type { Block } from "./parse-blocks.ts";

export type FrontMatterMeta = Omit<DocumentMeta, "id" | "file">;

export interface FrontMatter {
  meta: FrontMatterMeta;
  /** Prose paragraphs of the abstract (explicitly labelled, or the prose after the authors). */
  abstract: Block[];
  /** Everything after the author line that is neither abstract nor furniture (prose of unsectioned documents). */
  rest: Block[];
}

const DOI = /\b(10\.\d{4,9}\/[^\s"<>]+)/;
const NAME_TOKEN = /^(?:\p{Lu}[\p{L}'’-]*\.?|\p{Lu}\.(?:-?\p{L}\.)*|van|von|de|der|den|da|di|del|la|le|dos|du)$/u;

/** "10.3389/FIMMU.2024.1492546." → "10.3389/fimmu.2024.1492546" */
export function normalizeDoi(doi: string): string {
  return doi.replace(/[.,;:)\]]+$/, "").toLowerCase();
}

export function findDoi(text: string): string | undefined {
  const match = DOI.exec(text);
  return match ? normalizeDoi(match[1]!) : undefined;
}

/** Personal names of an author line, or null when the line is not one. */
export function parseAuthorLine(text: string): string[] | null {
  // Affiliation digits glued to a name by text extraction ("Pengrui Tai1,2, Peng Ding1,2*") are
  // superscripts that lost their raising.
  const GLUED = /(?<=\p{Ll})\d{1,2}(?:,\d{1,2})*(?=[\s,*†‡]|$)/gu;
  // Footnote marks (* † ‡ § ¶ ‖, and Ϯ, Coptic dei, printed as a dagger), superscript digits and
  // letters (affiliations "ᵃ", "ᵇ"), symbol-font glyphs in the private-use area.
  const MARKS = /[¹²³⁴⁵⁶⁷⁸⁹⁰*†‡§¶‖✉Ϯ\u1D43-\u1D5B\u1D9C-\u1DBF\uE000-\uF8FF]/gu;
  const hadMarker = /[¹²³⁴⁵⁶⁷⁸⁹*†‡§¶‖Ϯ\u1D43-\u1D5B\u1D9C-\u1DBF\uE000-\uF8FF]|\^\{|<sup>/u.test(text) || GLUED.test(text);
  const stripped = text
    .replace(/<sup>[^<]*<\/sup>/gi, " ")
    .replace(GLUED, "")
    .replace(/\^\{[^}]*\}/g, " ")
    // Marks become spaces: "Lamm³and Heather" is two words.
    .replace(MARKS, " ")
    // Affiliation numbers a layout reader moved off their names ("1 ✉ Eun-Young Lee ¹, …").
    .replace(/(?<=^|[\s,])\d{1,2}(?:,\d{1,2})*(?=$|[\s,])/g, "")
    .replace(/\((?:19|20)\d{2}\)/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (!stripped || /[.;:!?]$/.test(stripped.replace(/\b\p{Lu}\.$/u, ""))) return null;
  const parts = stripped
    .split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/)
    .map((part) => part.trim())
    .filter(Boolean);
  const isName = (part: string) => {
    const tokens = part.split(/\s+/);
    return tokens.length >= 2 && tokens.length <= 4 && tokens.every((token) => NAME_TOKEN.test(token));
  };
  if (!parts.length || !parts.every(isName)) return null;
  if (parts.length === 1 && !hadMarker) return null;
  return parts;
}

/** Publication dates a layout reader read into the author line from a side column ("Received: 4 May 2023 Ada Lovelace¹ … Accepted: …"). */
const DATE_LABEL = /\b(?:received|revised|accepted|published(?: online)?)\s*:?\s*(?:\d{1,2}\s+\p{L}+\s+\d{4}|\p{L}+\s+\d{1,2},?\s+\d{4})/giu;

/** An author line, possibly with side-column date labels in it; `continued` accepts one unmarked name. */
function readAuthorBlock(text: string, continued = false): string[] | null {
  const line = withoutDateLabels(text);
  const names = parseAuthorLine(text) ?? (line ? parseAuthorLine(line) : null);
  if (names || !continued) return names;
  return line ? parseAuthorLine(`${line}*`) : null;
}

/** The text before the first date label that follows a name, without leading date labels. */
function withoutDateLabels(text: string): string {
  const parts = text.split(DATE_LABEL).map((part) => part.trim());
  return parts.find((part) => part !== "") ?? "";
}

function isTitleCandidate(block: Block): block is Extract<Block, { kind: "text" }> {
  return block.kind === "text" && isTitleText(block.text);
}

function isTitleText(text: string): boolean {
  const words = countWords(text);
  return (
    words >= 3 &&
    words <= 40 &&
    !PANEL_LABEL.test(text) &&
    !isFurniture(text) &&
    !/[.!?]$/.test(text) &&
    !isAffiliation(text) &&
    // A line carrying a DOI is a masthead or citation line ("TYPE Review PUBLISHED … DOI 10.…"), never the title.
    !DOI.test(text) &&
    parseAuthorLine(text) === null
  );
}

interface Bibliographic {
  journal?: string;
  year?: number;
  volume?: string;
}

/** Journal, year and volume from the lines publishers print in the front matter. */
function parseBibliographic(rawFront: string): Bibliographic {
  // "Cite this: *Nanoscale Adv.*, 2024, **6**, 6079" (RSC), "Cite This: ACS Chem. Biol. 2023, 18, 1228" (ACS)
  const rsc = /cite this:\s*\*?([^*,\n]+?)\*?,?\s+((?:19|20)\d{2}),\s*\**(\d+)\**/i.exec(rawFront);
  if (rsc) return { journal: rsc[1]!.trim(), year: Number(rsc[2]), volume: rsc[3] };
  const result: Bibliographic = {};
  // "Journal Abbrev. 15:1492546" (volume:article number, Frontiers/PLOS/eLife style), on its own
  // line or after the title sentence of a "how to cite" panel.
  const frontiers = /(?:^|\.\s+)((?:\p{Lu}[\p{L}]*\.?\s+){0,6}\p{Lu}[\p{L}]*\.?)\s+(\d{1,4}):([\w-]+)(?=\.?(?:\s|$))/mu.exec(
    rawFront,
  );
  if (frontiers) {
    result.journal = frontiers[1]!.trim();
    result.volume = frontiers[2];
  }
  // Vancouver: "Journal Name. 2024;15:1492546"
  const vancouver = /([\p{Lu}][\p{L}. ]+?)\.?[ \t]+((?:19|20)\d{2});\s*(\d+)(?:\(\w+\))?:/u.exec(rawFront);
  if (vancouver && !result.journal) {
    result.journal = vancouver[1]!.trim();
    result.year = Number(vancouver[2]);
    result.volume = vancouver[3];
  }
  // "Journal Name (2023) 55:2116–2126" (the how-to-cite line of Nature-family and Springer journals)
  const parenthesised = /^(\p{Lu}[\p{L}&.' -]+?)\s+\(((?:19|20)\d{2})\)\s+(\d{1,4}):\s?[\w-]+/mu.exec(rawFront);
  if (parenthesised && !result.journal) {
    result.journal = parenthesised[1]!.trim();
    result.year = Number(parenthesised[2]);
    result.volume = parenthesised[3];
  }
  // "2023; 19(15): 4931-4947" on a masthead line of its own (year; volume(issue): pages)
  const masthead = /^((?:19|20)\d{2});\s*(\d{1,4})(?:\(\w+\))?:\s?[\w-]+/m.exec(rawFront);
  if (masthead && result.year === undefined) {
    result.year = Number(masthead[1]);
    result.volume ??= masthead[2];
  }
  // Last resort: a masthead line that is a journal's name. Nouns journal titles are built from
  // (NLM Catalog title words: "International Journal of …", "Annals of …", "Proceedings of …").
  if (!result.journal) {
    for (const line of rawFront.split("\n")) {
      const name = line.replace(/^#{1,6}\s+/, "").trim();
      const words = name.split(/\s+/);
      const titleCase = words.every((word) => /^(?:\p{Lu}[\p{L}&-]*|of|and|the|in|for|on|&)$/u.test(word));
      if (words.length >= 2 && words.length <= 10 && titleCase && /\b(?:Journal|Annals|Archives|Proceedings|Transactions|Bulletin)\b/.test(name)) {
        result.journal = name;
        break;
      }
    }
  }
  if (result.year === undefined) {
    const published = /\b(?:published|accepted)(?: online)?:?\s+[^\n]*?\b((?:19|20)\d{2})\b/i.exec(rawFront);
    const cited = /\(((?:19|20)\d{2})\)/.exec(rawFront);
    const copyright = /©\s*((?:19|20)\d{2})/.exec(rawFront);
    const year = cited?.[1] ?? published?.[1] ?? copyright?.[1];
    if (year) result.year = Number(year);
  }
  return result;
}

/**
 * Read the blocks before the first section heading. `sectioned` says whether the document has
 * numbered sections: if it does, the prose after the authors is the abstract; if not, only an
 * explicitly labelled abstract is, and the rest is returned for an unnumbered body.
 */
export function parseFrontMatter(blocks: Block[], sectioned: boolean): FrontMatter {
  const rawFront = blocks.map((block) => block.raw).join("\n\n");
  let titleIndex = -1;
  let authorIndex = -1;
  let authors: string[] = [];
  for (const [i, block] of blocks.entries()) {
    if (block.kind !== "text") continue;
    const names = parseAuthorLine(block.text);
    const previous = blocks[i - 1];
    if (names && previous && isTitleCandidate(previous)) {
      titleIndex = i - 1;
      authorIndex = i;
      authors = names;
      break;
    }
  }
  // Markdown names its title: "# Title" (or, from converters that never use "#", the first
  // title-like heading). Its authors are the first author line after it, before any prose
  // (masthead lines, article-type labels and dates may come between).
  let markdownTitle = blocks.findIndex((block) => block.kind === "text" && /^#\s/.test(block.raw));
  if (markdownTitle < 0) {
    markdownTitle = blocks.findIndex((block) => block.kind === "heading" && block.number === "" && isTitleText(block.title));
  }
  if (markdownTitle >= 0 && markdownTitle !== titleIndex) {
    titleIndex = markdownTitle;
    authorIndex = -1;
    authors = [];
    for (let i = markdownTitle + 1; i < Math.min(blocks.length, markdownTitle + 9); i++) {
      const block = blocks[i]!;
      if (block.kind !== "text" && block.kind !== "heading") continue;
      const text = block.kind === "text" ? block.text : block.title;
      const names = readAuthorBlock(text);
      if (names) {
        authorIndex = i;
        authors = names;
        // A list the layout reader broke around side-column lines (dates, moved affiliation numbers).
        let open = /(?:[,&]|\band)[\s¹²³⁴⁵⁶⁷⁸⁹⁰,*†‡]*$/u.test(withoutDateLabels(text));
        for (let j = i + 1; j < Math.min(blocks.length, i + 4); j++) {
          const next = blocks[j]!;
          const nextText = next.kind === "text" ? next.text : next.kind === "heading" ? next.title : "";
          if (!withoutDateLabels(nextText) || /^[\d,\s]+$/.test(nextText)) continue;
          const joiner = /^[\s¹²³⁴⁵⁶⁷⁸⁹⁰,*†‡]*(?:&|and\b)\s*/u;
          // An unmarked name continues the list only after a dangling comma or before an "& …".
          const more = readAuthorBlock(nextText.replace(joiner, ""), open || joiner.test(nextText));
          if (!more) break;
          authors = [...authors, ...more];
          authorIndex = j;
          open = /(?:[,&]|\band)[\s¹²³⁴⁵⁶⁷⁸⁹⁰,*†‡]*$/u.test(nextText);
        }
        break;
      }
      if (countWords(text) >= 30 && endsSentence(text)) break;
    }
  }
  if (titleIndex < 0) titleIndex = blocks.findIndex(isTitleCandidate);
  const titleBlock = blocks[titleIndex];
  const titleText = titleBlock?.kind === "text" ? titleBlock.text : titleBlock?.kind === "heading" ? titleBlock.title : "";
  const title = titleText.replace(/[.:]$/, "");
  const doiSource = rawFront.match(/\bdoi:?\s*(10\.\d{4,9}\/[^\s"<>]+)/i)?.[1];
  const doi = doiSource ? normalizeDoi(doiSource) : findDoi(rawFront);
  const bibliographic = parseBibliographic(rawFront);
  if (bibliographic.year === undefined && doi) {
    const fromDoi = /[./]((?:19|20)\d{2})[./]/.exec(doi);
    if (fromDoi) bibliographic.year = Number(fromDoi[1]);
  }

  const abstract: Block[] = [];
  const rest: Block[] = [];
  const start = Math.max(authorIndex, titleIndex) + 1;
  let skipNext = false;
  let inAbstract = false;
  for (const block of blocks.slice(start)) {
    if (block.kind === "text") {
      const text = block.text;
      if (/^abstract[:.]?$/i.test(text) || /^summary[:.]?$/i.test(text)) {
        inAbstract = true;
        continue;
      }
      const isProse = countWords(text) >= 30 && endsSentence(text);
      if (PANEL_LABEL.test(text) || /^keywords?\b/i.test(text)) {
        // A bare label ("KEYWORDS", "EDITED BY") is followed by its content: the short lines up to
        // the next prose paragraph. A label with content inline carries it.
        skipNext = /^\*?[\p{Lu} ]+[:.]?$/u.test(text) || /^keywords?[:.]?$/i.test(text);
        inAbstract = false;
        continue;
      }
      if (skipNext && !isProse) continue;
      skipNext = false;
      if (isFurniture(text) || isAffiliation(text)) continue;
      if (inAbstract || (sectioned && isProse)) abstract.push(block);
      else if (!sectioned) rest.push(block);
    } else if (!sectioned) {
      rest.push(block);
    }
  }
  const meta: FrontMatterMeta = { title: cleanInline(title), authors };
  if (bibliographic.journal) meta.journal = cleanInline(bibliographic.journal);
  if (bibliographic.year !== undefined) meta.year = bibliographic.year;
  if (bibliographic.volume) meta.volume = bibliographic.volume;
  if (doi) {
    meta.doi = doi;
    meta.url = `https://doi.org/${doi}`;
  }
  return { meta, abstract, rest };
}
