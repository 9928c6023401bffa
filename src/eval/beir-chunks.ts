// A BEIR document (title + abstract-length text) as search-engine chunks. Each passage is
// prefixed by the title, as BEIR baselines index "title + text", so both the lexical and the
// dense side see it; `section` carries the title too. Texts longer than `maxWords` are split
// into balanced passages of whole sentences, and a document is scored by its best passage.
import { splitSentences } from "../ingest/split-sentences.ts";
import type { Chunk, Sentence } from "../types.ts";
import type { BeirDocument } from "./beir-dataset.ts";

export interface BeirChunkOptions {
  /** Longest passage in words (title excluded). SciFact abstracts average ~200 words: one passage each. */
  maxWords?: number;
}

export const DEFAULT_BEIR_PASSAGE_WORDS = 300;

const wordCount = (s: string) => (s.match(/\S+/g) ?? []).length;

/** Group consecutive sentences into `ceil(words / maxWords)` passages of about equal length. */
function groupIntoPassages<T extends { words: number }>(sentences: T[], maxWords: number): T[][] {
  const total = sentences.reduce((sum, s) => sum + s.words, 0);
  const count = Math.max(1, Math.ceil(total / maxWords));
  const target = total / count;
  const passages: T[][] = [];
  let current: T[] = [];
  let words = 0;
  for (const sentence of sentences) {
    // Close the passage when adding this sentence would overshoot the target by more than it undershoots.
    if (current.length > 0 && passages.length < count - 1 && words + sentence.words / 2 > target) {
      passages.push(current);
      current = [];
      words = 0;
    }
    current.push(sentence);
    words += sentence.words;
  }
  if (current.length > 0) passages.push(current);
  return passages;
}

/**
 * Chunks of one BEIR document, ids `<_id>:<ordinal>`, docId the BEIR `_id`.
 * Offsets point into `title + "\n" + text` (just `text` when there is no title).
 * @example beirDocumentToChunks({ id: "4983", title: "Microstructural development…", text: "Alterations of…" })
 */
export function beirDocumentToChunks(doc: BeirDocument, options: BeirChunkOptions = {}): Chunk[] {
  const maxWords = Math.max(20, options.maxWords ?? DEFAULT_BEIR_PASSAGE_WORDS);
  const title = doc.title.replace(/\s+/g, " ").trim();
  const offset = title ? title.length + 1 : 0;
  const titleSentence: Sentence | undefined = title ? { text: title, refs: [], start: 0, end: title.length } : undefined;
  const body = splitSentences(doc.text).map(({ start, end }) => {
    const text = doc.text.slice(start, end).replace(/\s+/g, " ");
    return { text, refs: [] as number[], start: start + offset, end: end + offset, words: wordCount(text) };
  });
  const passages = body.length > 0 ? groupIntoPassages(body, maxWords) : [[]];
  return passages.map((passage, ordinal) => {
    const sentences: Sentence[] = passage.map(({ text, refs, start, end }) => ({ text, refs, start, end }));
    if (titleSentence) sentences.unshift({ ...titleSentence });
    const bodyText = passage.map((s) => s.text).join(" ");
    return {
      id: `${doc.id}:${String(ordinal).padStart(4, "0")}`,
      docId: doc.id,
      section: title,
      // A BEIR document is one section: its title.
      sectionId: doc.id,
      kind: "text",
      text: title && bodyText ? `${title}\n${bodyText}` : title || bodyText,
      sentences,
      refs: [],
      start: passage[0]?.start ?? 0,
      end: passage.at(-1)?.end ?? offset - 1,
    };
  });
}

/** Chunks of a whole BEIR corpus, in corpus order. */
export function beirCorpusToChunks(docs: readonly BeirDocument[], options: BeirChunkOptions = {}): Chunk[] {
  return docs.flatMap((doc) => beirDocumentToChunks(doc, options));
}
