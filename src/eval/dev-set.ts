// The QA sets (bench/qa-tune.jsonl, bench/qa-test.jsonl; format in bench/README.md) and what counts
// as retrieving an item's passage.
import fs from "node:fs/promises";
import { z } from "zod";
import { badRequest } from "../errors.ts";
import type { Chunk } from "../types.ts";

const turn = z.object({ role: z.enum(["user", "assistant"]), content: z.string() });

const answerable = z.object({
  id: z.string().min(1),
  question: z.string().min(1),
  answerable: z.literal(true),
  docId: z.string().min(1),
  /** "claim": "Which references support the claim that …?", the claim paraphrased from a cited sentence. */
  kind: z.enum(["text", "table", "lookup", "claim"]),
  /** Verbatim text from the corpus that answers the question. */
  passage: z.string().min(1),
  refs: z.array(z.number().int()).default([]),
  keywords: z.array(z.string()).default([]),
  /** Earlier turns, for follow-up questions ("How well did it work in mice?"). */
  history: z.array(turn).optional(),
  lookup: z.object({ docId: z.string(), numbers: z.array(z.number().int()) }).optional(),
});

/** A question about both reviews or comparing them: one expected passage per review that covers it. */
const cross = z.object({
  id: z.string().min(1),
  question: z.string().min(1),
  answerable: z.literal(true),
  kind: z.literal("cross"),
  expect: z
    .array(z.object({ docId: z.string().min(1), passage: z.string().min(1), refs: z.array(z.number().int()).default([]) }))
    .min(1),
  keywords: z.array(z.string()).default([]),
  history: z.array(turn).optional(),
});

const unanswerable = z.object({
  id: z.string().min(1),
  question: z.string().min(1),
  answerable: z.literal(false),
  history: z.array(turn).optional(),
});

export const VALUE_KINDS = [
  "dose",
  "schedule",
  "duration",
  "hazard-ratio",
  "ic50",
  "size",
  "zeta-potential",
  "percentage",
  "count",
  "year",
  "p-value",
  "trial-id",
  "side-effects",
] as const;

/** Asks for a value the reviews never report about an entity they do discuss: the answer must decline. */
const nearMiss = unanswerable.extend({
  kind: z.literal("near-miss"),
  entity: z.string().min(1),
  valueKind: z.enum(VALUE_KINDS),
});

/** The schema a line must match, chosen by `answerable` and `kind` so errors name the right fields. */
function schemaFor(json: unknown) {
  const { answerable: isAnswerable, kind } = (typeof json === "object" && json !== null ? json : {}) as Record<string, unknown>;
  if (isAnswerable === false) return kind === "near-miss" ? nearMiss : unanswerable;
  return kind === "cross" ? cross : answerable;
}

export type AnswerableDevItem = z.infer<typeof answerable>;
export type CrossDevItem = z.infer<typeof cross>;
export type UnanswerableDevItem = z.infer<typeof unanswerable>;
export type NearMissDevItem = z.infer<typeof nearMiss>;
export type DevItem = AnswerableDevItem | CrossDevItem | UnanswerableDevItem | NearMissDevItem;
export type ItemKind = AnswerableDevItem["kind"] | "cross" | "near-miss" | "unanswerable";

/** The item's kind; plain unanswerable items carry none in the file. */
export function itemKind(item: DevItem): ItemKind {
  return "kind" in item ? item.kind : "unanswerable";
}

/**
 * Read a JSONL QA set; a malformed line is a bad_request error naming the file and line.
 *
 * @example
 * const items = await loadDevSet("bench/qa-tune.jsonl");
 */
export async function loadDevSet(path: string): Promise<DevItem[]> {
  let raw: string;
  try {
    raw = await fs.readFile(path, "utf8");
  } catch (cause) {
    throw badRequest(`Cannot read the dev set ${path}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
  const items: DevItem[] = [];
  for (const [i, line] of raw.split("\n").entries()) {
    if (!line.trim()) continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw badRequest(`${path}:${i + 1}: not valid JSON`);
    }
    const parsed = schemaFor(json).safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw badRequest(`${path}:${i + 1}: ${issue.path.join(".") || "item"}: ${issue.message}`);
    }
    items.push(parsed.data as DevItem);
  }
  return items;
}

/**
 * Text compared for hits: lowercase letters and digits only, with no spaces at all (the corpus
 * prints "NF- κ B" where the clean text has "NF-κB"). Citation markers (superscripts, ^{…}) are
 * dropped because the parser may keep or remove them.
 */
export function normalizeForMatch(text: string): string {
  return text
    .replace(/\^\{[^}]*\}/g, "")
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁽⁾]+/g, "")
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/**
 * Does this chunk answer the item? It must contain the passage (case, spacing and punctuation
 * ignored) or, when the passage straddles a chunk boundary, hold most of it: end with more than
 * half of the passage's beginning, or start with more than half of its end.
 *
 * @example
 * isHit(chunk, { docId: "guan2024", passage: "CS/Lf/PTS-SLNs, prepared by Aly et al., …" });
 */
export function isHit(chunk: Pick<Chunk, "text" | "docId">, item: Pick<AnswerableDevItem, "passage" | "docId">): boolean {
  if (chunk.docId !== item.docId) return false;
  const haystack = normalizeForMatch(chunk.text);
  const passage = normalizeForMatch(item.passage);
  if (passage === "") return false;
  if (haystack.includes(passage)) return true;
  for (let k = passage.length - 1; k * 2 > passage.length; k--) {
    if (haystack.endsWith(passage.slice(0, k)) || haystack.startsWith(passage.slice(passage.length - k))) return true;
  }
  return false;
}

/**
 * The retrieval query for an item: a follow-up ("Why were its trials stopped?") carries the earlier
 * turns, both sides, as a chat would (the assistant's answer names what "it" is).
 */
export function retrievalQuery(item: Pick<DevItem, "question" | "history">): string {
  return [...(item.history ?? []).map((turn) => turn.content), item.question].join(" ");
}
