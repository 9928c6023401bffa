// A parsed document's health record: what style was detected, how much of the reference list
// and of the in-text citations was read, and how much extracted text survived cleaning. Its
// warnings are what ingest prints and what the API and viewer show beside the document.
import type { Chunk, CitationStats, CitationStyle, DocumentQuality, ReferenceEntry, ReferenceListStyle } from "../types.ts";

/** Below this share of markers resolving to an entry, ingest warns. */
export const MIN_RESOLVED_RATIO = 0.9;

export interface QualityInput {
  citationStyle: CitationStyle;
  referenceStyle: ReferenceListStyle;
  references: ReferenceEntry[];
  missingReferenceNumbers: number[];
  citationStats: CitationStats;
  chunks: Chunk[];
  extractedChars: number;
  keptChars: number;
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
const percent = (value: number): string => `${Math.round(value * 100)}%`;

export function assessQuality(input: QualityInput): DocumentQuality {
  const { references, citationStats } = input;
  const numbered = input.referenceStyle === "numbered";
  const span = numbered ? (references[references.length - 1]?.n ?? 0) : references.length;
  const bodySentences = input.chunks.filter((chunk) => chunk.kind === "text").flatMap((chunk) => chunk.sentences);
  const citing = bodySentences.filter((sentence) => sentence.refs.length > 0).length;
  const quality: DocumentQuality = {
    citationStyle: input.citationStyle,
    referenceStyle: input.referenceStyle,
    references: { parsed: references.length, span, missing: input.missingReferenceNumbers.length },
    citations: {
      found: citationStats.markers,
      resolved: citationStats.resolved,
      resolvedRatio: ratio(citationStats.resolved, citationStats.markers),
    },
    citingSentenceShare: ratio(citing, bodySentences.length),
    text: {
      extractedChars: input.extractedChars,
      keptChars: input.keptChars,
      keptRatio: ratio(Math.min(input.keptChars, input.extractedChars), input.extractedChars),
    },
    warnings: [],
  };
  const warnings = quality.warnings;
  if (!references.length) warnings.push("no reference list found");
  else if (numbered && quality.references.missing > 0) {
    warnings.push(`${quality.references.missing} of ${span} reference numbers have no entry`);
  }
  if (citationStats.markers === 0) warnings.push("no in-text citations found");
  else if ((quality.citations.resolvedRatio ?? 0) < MIN_RESOLVED_RATIO) {
    warnings.push(`only ${percent(quality.citations.resolvedRatio ?? 0)} of in-text citations resolve to a reference entry`);
  }
  return quality;
}

/**
 * The record in words, for the docs CLI and the source viewer: the reference list, then the
 * citations, then how much text survived. Never "100% resolve" or "missing: none" when nothing
 * was found: an absent list or absent citations are said to be absent.
 */
export function describeQuality(quality: DocumentQuality, missingNumbers: number[] = []): { list: string; citations: string } {
  const refs = quality.references;
  let list = "no reference list found";
  if (refs.parsed > 0) {
    list =
      quality.referenceStyle === "numbered"
        ? `${refs.parsed} references, numbered 1–${refs.span}`
        : `${refs.parsed} references (${quality.referenceStyle})`;
    if (refs.missing > 0) {
      const shown = missingNumbers.slice(0, 12).join(", ");
      list += ` · missing reference numbers: ${shown || refs.missing}${missingNumbers.length > 12 ? ", …" : ""}`;
    }
  }
  const cites = quality.citations;
  let citations = "no in-text citations found";
  if (cites.found > 0) {
    citations = `${cites.found} citation markers (${quality.citationStyle})`;
    if (cites.resolvedRatio !== null) citations += `, ${(cites.resolvedRatio * 100).toFixed(1)}% resolve to an entry`;
  }
  if (quality.citingSentenceShare !== null && cites.found > 0) {
    citations += ` · ${percent(quality.citingSentenceShare)} of body sentences cite`;
  }
  if (quality.text.keptRatio !== null) citations += ` · ${percent(quality.text.keptRatio)} of extracted text kept`;
  return { list, citations };
}
