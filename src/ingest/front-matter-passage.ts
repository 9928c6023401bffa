// The front matter a reader checks a paper's own facts against: the publisher's panels (editors,
// correspondence, received/accepted/published dates, citation line), the author line and the
// affiliations, plus correspondence or affiliation footnotes printed further on (a first-page footnote
// a layout reader placed after the first heading). The parser drops all of these from the clean text
// (detect-furniture.ts); answering quotes them for "Who is the corresponding author?", "When was it
// received?", "Which institutions are the authors affiliated with?" (src/answer/document-facts.ts).
import { cleanInline, countWords, endsSentence } from "./clean-text.ts";
import { affiliationEntries, isAffiliation, isFurniture } from "./detect-furniture.ts";
import type { Block } from "./parse-blocks.ts";

/** Longest passage kept, in characters: a first page's panels and author block fit well within it. */
const MAX_CHARS = 4000;
/** Paragraphs this long are prose or a licence, not a panel line. */
const MAX_PANEL_WORDS = 60;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const CORRESPONDENCE = /^\W*correspond/i;

/**
 * The front-matter lines of a document, one per line, or undefined when it prints none.
 * `front` are the blocks before the first heading, `all` every block (for footnotes printed later);
 * `sectioned` false when no heading ends the front matter: then it ends at the second prose paragraph
 * (the abstract is one, or the body's first).
 */
export function frontMatterPassage(front: readonly Block[], all: readonly Block[], sectioned = true): string | undefined {
  const kept: string[] = [];
  let prose = 0;
  for (const block of front) {
    if (block.kind !== "text" && block.kind !== "heading") continue;
    const text = cleanInline(block.kind === "text" ? block.text : block.title).trim();
    if (!text) continue;
    const words = countWords(text);
    // Numbered affiliations printed as one paragraph ("1. Department of …, China. 2. …") are kept one per line.
    const entries = affiliationEntries(text);
    if (entries) {
      kept.push(...entries);
      continue;
    }
    // A correspondence block naming several authors' addresses runs long but says what it is.
    if (CORRESPONDENCE.test(text) && EMAIL.test(text)) {
      kept.push(text);
      continue;
    }
    if (words >= 30 && endsSentence(text) && ++prose >= 2 && !sectioned) break;
    if (isAffiliation(text) || (words <= MAX_PANEL_WORDS && !(words >= 30 && endsSentence(text)))) kept.push(text);
  }
  const frontSet = new Set(front);
  for (const block of all) {
    if (frontSet.has(block) || block.kind !== "text") continue;
    const text = cleanInline(block.text).trim();
    // A correspondence or affiliation footnote: an address with an e-mail, which the body drops as furniture.
    if (EMAIL.test(text) && isFurniture(text) && countWords(text) <= 80) kept.push(text);
  }
  const passage = [...new Set(kept)].join("\n");
  if (!passage) return undefined;
  return passage.length > MAX_CHARS ? passage.slice(0, passage.lastIndexOf("\n", MAX_CHARS) > 0 ? passage.lastIndexOf("\n", MAX_CHARS) : MAX_CHARS) : passage;
}
