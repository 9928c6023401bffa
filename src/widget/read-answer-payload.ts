// The server's JSON is data from the network: coerce it into the answer shapes before rendering, so a
// malformed or hostile payload can degrade the display but never break the widget.
import type { AnswerPayload, AnswerReason, AnswerReference, AnswerSource } from "../answer/answer-payload.ts";
import type { ValueKind } from "../answer/requested-value.ts";

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose => typeof value === "object" && value !== null;
const text = (value: unknown): string => (typeof value === "string" ? value : "");
const textOrNull = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);
const count = (value: unknown): number => (typeof value === "number" && Number.isFinite(value) ? value : 0);
const numbers = (value: unknown): number[] =>
  Array.isArray(value) ? value.filter((n): n is number => typeof n === "number" && Number.isInteger(n)) : [];

export function readSource(value: unknown): AnswerSource | undefined {
  if (!isObject(value) || !Number.isInteger(value.n)) return undefined;
  const kind = value.kind === "table" || value.kind === "caption" ? value.kind : "text";
  return {
    n: value.n as number,
    id: text(value.id),
    docId: text(value.docId),
    docTitle: text(value.docTitle),
    section: text(value.section),
    kind,
    text: text(value.text),
    refs: numbers(value.refs),
    score: count(value.score),
  };
}

export function readSources(value: unknown): AnswerSource[] {
  const list = isObject(value) && Array.isArray(value.sources) ? value.sources : Array.isArray(value) ? value : [];
  return list.map(readSource).filter((source): source is AnswerSource => source !== undefined);
}

export function readReference(value: unknown): AnswerReference | undefined {
  if (!isObject(value) || !Number.isInteger(value.n)) return undefined;
  return {
    docId: text(value.docId),
    n: value.n as number,
    label: textOrNull(value.label),
    text: text(value.text),
    authors: Array.isArray(value.authors) ? value.authors.filter((a): a is string => typeof a === "string") : [],
    title: textOrNull(value.title),
    journal: textOrNull(value.journal),
    year: typeof value.year === "number" && Number.isInteger(value.year) ? value.year : null,
    doi: textOrNull(value.doi),
    url: textOrNull(value.url),
  };
}

/** Why an answer was declined; a code the widget does not know reads as "not covered". */
export function readReason(value: unknown): AnswerReason | undefined {
  if (!isObject(value) || !text(value.message)) return undefined;
  if (value.code !== "value_not_reported") return { code: "not_covered", message: text(value.message) };
  return {
    code: "value_not_reported",
    message: text(value.message),
    ...(text(value.entity) ? { entity: text(value.entity) } : {}),
    ...(text(value.valueKind) ? { valueKind: text(value.valueKind) as ValueKind } : {}),
  };
}

export function readAnswerPayload(value: unknown): AnswerPayload {
  const payload = isObject(value) ? value : {};
  const references = Array.isArray(payload.references) ? payload.references : [];
  const warnings = Array.isArray(payload.warnings) ? payload.warnings.filter((w): w is string => typeof w === "string") : [];
  const refused = payload.refused === true;
  const reason = refused ? readReason(payload.reason) : undefined;
  return {
    answer: text(payload.answer),
    refused,
    ...(reason ? { reason } : {}),
    mode: payload.mode === "llm" ? "llm" : "extractive",
    sources: readSources(payload.sources),
    references: references.map(readReference).filter((ref): ref is AnswerReference => ref !== undefined),
    ...(warnings.length ? { warnings } : {}),
  };
}
