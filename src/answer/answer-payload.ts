// The shapes an answer travels in: the request, the numbered sources, the resolved references.
import type { Chunk, ChunkKind, ReferenceEntry } from "../types.ts";
import type { LlmFailureReason } from "./chat-model.ts";
import type { ValueKind } from "./requested-value.ts";

export type AnswerMode = "extractive" | "llm";

export interface ChatTurn {
  role: "user" | "assistant";
  content: string;
}

export interface AskRequest {
  question: string;
  /** Earlier turns, oldest first; follow-ups are rewritten against them. */
  history?: ChatTurn[];
  /** Restrict the answer to these document ids. */
  docs?: string[];
  /** How many passages to retrieve as sources (1–20). */
  k?: number;
}

/** A retrieved passage, numbered as the answer's `[n]` markers print it. */
export interface AnswerSource {
  n: number;
  /** Chunk id, e.g. "guan2024:0042". */
  id: string;
  docId: string;
  docTitle: string;
  section: string;
  kind: ChunkKind;
  text: string;
  refs: number[];
  score: number;
}

export function sourceFromChunk(chunk: Chunk, n: number, score: number, docTitle: string): AnswerSource {
  return {
    n,
    id: chunk.id,
    docId: chunk.docId,
    docTitle,
    section: chunk.section,
    kind: chunk.kind,
    text: chunk.text,
    refs: chunk.refs,
    score,
  };
}

/** A review's reference entry behind a cited sentence; absent fields are null so every key is always there. */
export interface AnswerReference {
  docId: string;
  /** Printed number; in an author–year paper, the entry's position in its list. */
  n: number;
  /** How an author–year paper cites the entry ("Smith et al., 2020a"); null in numbered papers. */
  label: string | null;
  text: string;
  authors: string[];
  title: string | null;
  journal: string | null;
  year: number | null;
  doi: string | null;
  url: string | null;
}

/** An entry in the shape answers and the API print. */
export function toAnswerReference(entry: ReferenceEntry & { docId: string }): AnswerReference {
  return {
    docId: entry.docId,
    n: entry.n,
    label: entry.label ?? null,
    text: entry.text,
    authors: entry.authors,
    title: entry.title ?? null,
    journal: entry.journal ?? null,
    year: entry.year ?? null,
    doi: entry.doi ?? null,
    url: entry.url ?? null,
  };
}

/** How closely a claim lookup's quoted sentence matches the claim asked about. */
/**
 * The reference entries for (docId, n) pairs, once each, in citation order; numbers a list lacks are skipped.
 *
 * @example
 * referenceEntries((docId, n) => corpus.reference(docId, n), [{ docId: "guan2024", n: 43 }]);
 */
export function referenceEntries(
  lookup: (docId: string, n: number) => (ReferenceEntry & { docId: string }) | undefined,
  cited: readonly { docId: string; n: number }[],
): AnswerReference[] {
  const seen = new Set<string>();
  const out: AnswerReference[] = [];
  for (const { docId, n } of cited) {
    const key = `${docId}#${n}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const entry = lookup(docId, n);
    if (entry) out.push(toAnswerReference(entry));
  }
  return out;
}

export type ClaimMatchStrength = "strong" | "partial";
export interface ClaimMatch {
  strength: ClaimMatchStrength;
  /** The alignment score, 0–1 (lexical coverage both ways and embedding similarity). */
  score: number;
}

/**
 * Why an answer was declined: `not_covered` when the reviews hold no supporting evidence,
 * `value_not_reported` when they discuss the entity asked about but print no value of the kind asked
 * for (its dose, hazard ratio, size…).
 */
export interface AnswerReason {
  code: "value_not_reported" | "not_covered";
  /** One sentence for the user. */
  message: string;
  /** What the question asks about, as it names it (value_not_reported only). */
  entity?: string;
  /** The kind of value asked for (value_not_reported only). */
  valueKind?: ValueKind;
}

export interface AnswerPayload {
  answer: string;
  /** True when the reviews hold no supporting evidence; `sources` are then the closest passages. */
  refused: boolean;
  /** Present when `refused`: why. */
  reason?: AnswerReason;
  mode: AnswerMode;
  sources: AnswerSource[];
  references: AnswerReference[];
  /** Claim lookups only: how closely the quoted sentence matches the claim. */
  match?: ClaimMatch;
  warnings?: string[];
}

/** Hooks for streaming: sources as soon as they are known, then answer text as it is produced. */
export interface AnswerEvents {
  onSources?: (sources: AnswerSource[]) => void;
  onDelta?: (text: string) => void;
  /** The configured LLM failed (or timed out) and the answer falls back to extractive. */
  onLlmFallback?: (reason: LlmFailureReason) => void;
  signal?: AbortSignal;
}
