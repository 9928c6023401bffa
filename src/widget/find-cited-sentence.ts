// Where in a passage is the sentence an answer cites? Extractive answers quote it (whitespace and
// tab cells flattened), so a match on letters and digits alone finds it exactly; paraphrases from an
// LLM fall back to the passage sentence sharing the most words with the claim.

export interface TextRange {
  start: number;
  end: number;
}

/** Minimum share of the claim's words a passage sentence must contain to be highlighted. */
const MIN_RECALL = 0.5;

/** Lowercased letters and digits of `text`, with each kept character's offset in the original. */
function skeleton(text: string): { chars: string; offsets: number[] } {
  let chars = "";
  const offsets: number[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]/gu)) {
    chars += match[0].toLowerCase();
    offsets.push(match.index);
  }
  return { chars, offsets };
}

const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []);

/** Sentence spans of a passage: ends at . ! ? followed by space, or at blank lines and tab-separated rows. */
export function passageSentences(passage: string): TextRange[] {
  const ranges: TextRange[] = [];
  const boundary = /[.!?]["”’)]?(?=\s)|\n\s*\n|\n(?=[^\n]*\t)/g;
  let start = 0;
  for (const match of passage.matchAll(boundary)) {
    const end = match.index + (match[0].startsWith("\n") ? 0 : match[0].length);
    if (passage.slice(start, end).trim()) ranges.push(trim(passage, { start, end }));
    start = end;
  }
  if (passage.slice(start).trim()) ranges.push(trim(passage, { start, end: passage.length }));
  return ranges;
}

function trim(text: string, range: TextRange): TextRange {
  let { start, end } = range;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** The range of `passage` that `claim` cites, or undefined when nothing matches well enough. */
export function findCitedSentence(passage: string, claim: string): TextRange | undefined {
  const needle = skeleton(claim).chars;
  if (needle.length >= 12) {
    const hay = skeleton(passage);
    const at = hay.chars.indexOf(needle);
    if (at !== -1) {
      const start = hay.offsets[at]!;
      let end = hay.offsets[at + needle.length - 1]! + 1;
      // Take the sentence's closing punctuation along.
      while (end < passage.length && /[.!?"”’)]/.test(passage[end]!)) end++;
      return { start, end };
    }
  }
  const claimWords = words(claim);
  if (claimWords.size === 0) return undefined;
  let best: { range: TextRange; score: number } | undefined;
  const sentences = passageSentences(passage);
  // Windows of up to two sentences: a claim may join a sentence split by a column break.
  for (let i = 0; i < sentences.length; i++) {
    for (let width = 1; width <= 2 && i + width <= sentences.length; width++) {
      const range = { start: sentences[i]!.start, end: sentences[i + width - 1]!.end };
      const candidate = words(passage.slice(range.start, range.end));
      let shared = 0;
      for (const word of claimWords) if (candidate.has(word)) shared++;
      const recall = shared / claimWords.size;
      const precision = candidate.size ? shared / candidate.size : 0;
      const score = recall * 0.7 + precision * 0.3;
      if (recall >= MIN_RECALL && (!best || score > best.score)) best = { range, score };
    }
  }
  return best?.range;
}
