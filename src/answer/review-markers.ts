// A quoted sentence without the review's own citation markers. The answer cites its source as [n]
// and lists the review references behind it, so "cells.³² [1]" or "tumor resistance (8) [2]" would
// print the same citation twice, once in the review's numbering. Only markers that resolve to the
// sentence's own references are removed: "(1) inherited genetic alterations" (an enumeration),
// "(n = 5)" or "Fe₃O₄" stay as printed. In an author–year paper the bracketed groups go
// ("… decoded (Willett et al., 2021)." → "… decoded."); a narrative cite is part of the sentence
// ("Willett et al. (2021) developed …") and stays.
import { findAuthorYearCitations } from "../ingest/citations/find-author-year-citations.ts";
import { type NumberedCitationStyle, findCitationMarkers } from "../ingest/citations/resolve-citation-markers.ts";

const STYLES: readonly NumberedCitationStyle[] = ["superscript", "parenthetical", "bracket"];

/**
 * @example
 * withoutReviewMarkers("…properties in cancer cells.³²", [32]) // "…properties in cancer cells."
 * withoutReviewMarkers("…can lead to tumor resistance (8).", [8]) // "…can lead to tumor resistance."
 * withoutReviewMarkers("…in real time (Willett et al., 2023).", [142]) // "…in real time."
 */
export function withoutReviewMarkers(text: string, refs: readonly number[]): string {
  if (refs.length === 0) return text;
  const cited = new Set(refs);
  const maxNumber = Math.max(...refs);
  const numbered = STYLES.flatMap((style) => findCitationMarkers(text, { style, maxNumber })).filter((marker) =>
    marker.numbers.every((n) => cited.has(n)),
  );
  const authorYear = findAuthorYearCitations(text).filter((citation) => !citation.narrative);
  const spans = [...numbered, ...authorYear].sort((a, b) => b.start - a.start);
  let out = text;
  let lastStart = Infinity;
  for (const { start, end } of spans) {
    if (end > lastStart) continue; // overlapping matches of two styles: the first removal wins
    // The space before a marker goes with it ("resistance (8)." → "resistance.").
    const from = /\s$/.test(out.slice(0, start)) ? out.slice(0, start).trimEnd().length : start;
    out = out.slice(0, from) + out.slice(end);
    lastStart = from;
  }
  return out;
}
