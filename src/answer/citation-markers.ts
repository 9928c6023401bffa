// Inline [n] markers in generated text: keep those that point at a source, drop the rest (with a
// warning), and derive the review references from the cited passages' own sentences.
import type { AnswerSource } from "./answer-payload.ts";
import { questionTerms } from "./question-terms.ts";
import type { SentenceIndex } from "./sentence-index.ts";

const MARKER = /\s*\[(\d{1,4}(?:\s*[,;–—-]\s*\d{1,4})*)\]/g;
// A marker still being written at the end of a streamed chunk: "[", "[1", "[1, 2".
const OPEN_MARKER_TAIL = /\[[\d\s,;–—-]{0,16}$/;

/** "2, 4–6" → [2, 4, 5, 6]; ranges longer than 20 are not markers anyone meant. */
function parseMarkerBody(body: string): number[] {
  const numbers: number[] = [];
  for (const part of body.split(/[,;]/)) {
    const [from, to] = part.split(/[–—-]/).map((value) => Number(value.trim()));
    if (from === undefined || !Number.isInteger(from)) continue;
    if (to !== undefined && Number.isInteger(to) && to >= from && to - from <= 20) {
      for (let n = from; n <= to; n++) numbers.push(n);
    } else {
      numbers.push(from);
    }
  }
  return numbers;
}

export interface SanitizedMarkers {
  text: string;
  /** Valid source numbers in order of first citation. */
  cited: number[];
  /** Numbers that pointed at no source, in order of appearance. */
  invalid: number[];
}

/** Keep markers that point at sources 1..sourceCount; drop the others. */
export function sanitizeCitationMarkers(text: string, sourceCount: number): SanitizedMarkers {
  const cited: number[] = [];
  const invalid: number[] = [];
  const cleaned = text.replace(MARKER, (whole, body: string) => {
    const numbers = parseMarkerBody(body);
    const valid = numbers.filter((n) => n >= 1 && n <= sourceCount);
    for (const n of numbers) if (!valid.includes(n) && !invalid.includes(n)) invalid.push(n);
    for (const n of valid) if (!cited.includes(n)) cited.push(n);
    if (valid.length === 0) return "";
    const leading = /^\s*/.exec(whole)![0];
    return `${leading}[${[...new Set(valid)].join(", ")}]`;
  });
  return { text: cleaned, cited, invalid };
}

export function invalidMarkerWarning(invalid: readonly number[], sourceCount: number): string {
  const list = invalid.map((n) => `[${n}]`).join(", ");
  return `Removed citation marker${invalid.length > 1 ? "s" : ""} ${list} that point${invalid.length > 1 ? "" : "s"} at no source (there ${sourceCount === 1 ? "is 1 source" : `are ${sourceCount} sources`})`;
}

/**
 * Streams text while removing invalid markers: a possibly unfinished marker at the end of a chunk is
 * held back until the next chunk shows how it ends.
 */
export class MarkerStreamFilter {
  private pending = "";
  constructor(private readonly sourceCount: number) {}

  push(delta: string): string {
    this.pending += delta;
    const tail = OPEN_MARKER_TAIL.exec(this.pending);
    // Whitespace before a marker goes with it, so a dropped marker leaves no double space.
    const cut = tail ? this.pending.slice(0, tail.index).search(/\s*$/) : this.pending.search(/\s*$/);
    const ready = this.pending.slice(0, cut);
    this.pending = this.pending.slice(cut);
    return sanitizeCitationMarkers(ready, this.sourceCount).text;
  }

  flush(): string {
    const rest = sanitizeCitationMarkers(this.pending, this.sourceCount).text;
    this.pending = "";
    return rest;
  }
}

/** A claim sharing less than this (weighted) share of its terms with every sentence of the passage it cites matches none of them. */
export const MIN_CLAIM_MATCH = 0.3;

export interface CitedReference {
  docId: string;
  n: number;
}

/** Split generated text into claims: sentence-sized pieces, markers attached to the piece before them. */
function splitClaims(text: string): string[] {
  return text.split(/(?<=[.!?]["”’)]?)\s+(?=[A-Z0-9“"(])/).filter((claim) => claim.trim());
}

/**
 * The review references behind an answer's claims: for each claim and each source it cites, the
 * source sentences that match the claim best, and the numbers those sentences print. The model's own
 * text never contributes a reference number.
 */
export function referencesForCitedClaims(
  answer: string,
  sources: readonly AnswerSource[],
  index: SentenceIndex,
): CitedReference[] {
  const found: CitedReference[] = [];
  const seen = new Set<string>();
  for (const claim of splitClaims(answer)) {
    const markers = [...claim.matchAll(MARKER)].flatMap((match) => parseMarkerBody(match[1]!));
    if (markers.length === 0) continue;
    const claimTerms = questionTerms(claim.replace(MARKER, ""));
    for (const n of new Set(markers)) {
      const source = sources.find((s) => s.n === n);
      if (!source) continue;
      const sentences = index.sentencesOf(source.id);
      const scored = sentences.map((sentence) => ({ sentence, score: index.coverage(claimTerms, sentence.terms) }));
      const best = Math.max(0, ...scored.map((item) => item.score));
      if (best < MIN_CLAIM_MATCH) continue;
      for (const { sentence, score } of scored) {
        if (score < best * 0.75) continue;
        for (const ref of sentence.sentence.refs) {
          const key = `${source.docId}#${ref}`;
          if (seen.has(key)) continue;
          seen.add(key);
          found.push({ docId: source.docId, n: ref });
        }
      }
    }
  }
  return found;
}
