// The pieces of a chunk that get their own dense vector. USE-lite is a sentence encoder: one vector
// for a 250-word chunk blurs it, while a question matches one or two sentences. On the dev set,
// scoring a chunk by its best window of ≤ 60 words raised dense-only hit@5 from 0.33 to 0.51
// (BENCHMARKS.md, "Retrieval on the dev set"). Strong embedders keep one vector per chunk.
// USE-lite also reads only a text's first 128 SentencePiece tokens (~70 words of scientific prose):
// a whole chunk's vector stands for its opening; a 60-word window is usually read whole.
import { intFromEnv } from "../config.ts";
import type { Chunk } from "../types.ts";

/**
 * Words per window for an embedder: 0 means one vector for the whole chunk. VECTOR_WINDOW_WORDS
 * overrides it: with USE-lite, 0 embeds ~2.5× faster at equal hit@5 but lower hit@1 (BENCHMARKS.md,
 * "Ingest on all cores").
 */
export function defaultWindowWords(modelId: string, env: NodeJS.ProcessEnv = process.env): number {
  return intFromEnv(env, "VECTOR_WINDOW_WORDS", modelId.startsWith("use-lite") ? 60 : 0);
}

/** The chunk's sentences as the parser gave them, else a plain split on sentence ends and lines. */
export function chunkSentences(chunk: Pick<Chunk, "text"> & Partial<Pick<Chunk, "sentences">>): string[] {
  if (chunk.sentences && chunk.sentences.length > 0) return chunk.sentences.map((s) => s.text);
  return chunk.text.split(/(?<=[.!?])\s+(?=[A-Z0-9(])|\n+/).filter((s) => s.trim() !== "");
}

const countWords = (text: string) => (text.match(/\S+/g) ?? []).length;

/**
 * Consecutive sentences grouped greedily into windows of at most `maxWords` words (a longer
 * sentence stands alone). `maxWords` 0 returns the whole chunk text as the only window.
 *
 * @example
 * sentenceWindows(chunk, 60); // ["First sentence. Second one.", "Third sentence …"]
 */
export function sentenceWindows(chunk: Pick<Chunk, "text"> & Partial<Pick<Chunk, "sentences">>, maxWords: number): string[] {
  if (maxWords <= 0) return [chunk.text];
  const windows: string[] = [];
  let current: string[] = [];
  let words = 0;
  for (const sentence of chunkSentences(chunk)) {
    const n = countWords(sentence);
    if (current.length > 0 && words + n > maxWords) {
      windows.push(current.join(" "));
      current = [];
      words = 0;
    }
    current.push(sentence.trim());
    words += n;
  }
  if (current.length > 0) windows.push(current.join(" "));
  return windows.length > 0 ? windows : [chunk.text];
}
