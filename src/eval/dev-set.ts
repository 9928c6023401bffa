// The development QA set (bench/qa-dev.jsonl) and what counts as retrieving an item's passage.
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
  kind: z.enum(["text", "table", "lookup"]),
  /** Verbatim text from the corpus that answers the question. */
  passage: z.string().min(1),
  refs: z.array(z.number().int()).default([]),
  keywords: z.array(z.string()).default([]),
  /** Earlier turns, for follow-up questions ("How well did it work in mice?"). */
  history: z.array(turn).optional(),
  lookup: z.object({ docId: z.string(), numbers: z.array(z.number().int()) }).optional(),
});

const unanswerable = z.object({
  id: z.string().min(1),
  question: z.string().min(1),
  answerable: z.literal(false),
  history: z.array(turn).optional(),
});

const devItem = z.discriminatedUnion("answerable", [answerable, unanswerable]);

export type AnswerableDevItem = z.infer<typeof answerable>;
export type UnanswerableDevItem = z.infer<typeof unanswerable>;
export type DevItem = z.infer<typeof devItem>;

/**
 * Read a JSONL dev set; a malformed line is a bad_request error naming the file and line.
 *
 * @example
 * const items = await loadDevSet("bench/qa-dev.jsonl");
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
    const parsed = devItem.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw badRequest(`${path}:${i + 1}: ${issue.path.join(".") || "item"}: ${issue.message}`);
    }
    items.push(parsed.data);
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
