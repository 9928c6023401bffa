// A large synthetic corpus for the search-speed benchmark: chunks made by recombining real
// sentences of the two reviews (so BM25 sees the field's real vocabulary and term statistics),
// plus a cheap deterministic pseudo-embedder for its vectors.
//
// Why a pseudo-embedder: USE-lite embeds ~5–10 chunks/s here, so 30,000 real vectors would take
// well over 1.5 hours. The pseudo-embedder only replaces the *document* vectors; queries are still
// embedded by the real model, and the query path (HNSW search, BM25, fusion) is the real engine.
// Rankings on this corpus are meaningless; only its timings and sizes are reported.
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { Embeddings } from "@langchain/core/embeddings";
import { splitSentences } from "../src/ingest/split-sentences.ts";
import type { IdentifiedEmbeddings } from "../src/index/create-embeddings.ts";
import type { Chunk, Sentence } from "../src/types.ts";

/** Prose sentences of every .txt/.md file in `corpusDir`: tables (tab-separated lines) and fragments dropped. */
export async function loadCorpusSentences(corpusDir: string): Promise<string[]> {
  const files = (await fs.readdir(corpusDir)).filter((f) => /\.(txt|md)$/i.test(f)).sort();
  const sentences: string[] = [];
  for (const file of files) {
    const raw = await fs.readFile(path.join(corpusDir, file), "utf8");
    for (const paragraph of raw.split(/\n\s*\n/)) {
      if (paragraph.includes("\t")) continue;
      const text = paragraph.replace(/\s+/g, " ").trim();
      for (const { start, end } of splitSentences(text)) {
        const sentence = text.slice(start, end);
        const words = sentence.split(" ").length;
        if (words >= 6 && words <= 80) sentences.push(sentence);
      }
    }
  }
  return sentences;
}

/** mulberry32: a tiny seeded PRNG, so the same options always give the same corpus. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticCorpusOptions {
  /** Total chunks to generate. */
  chunks: number;
  /** Chunks per synthetic document (the two real reviews have a few hundred each). */
  chunksPerDoc?: number;
  seed?: number;
}

const SECTIONS = ["1 Introduction", "2 Mechanisms of resistance", "3 Nanocarriers", "3.1 Liposomes", "4 miRNA therapeutics", "5 Conclusions"];

/**
 * `options.chunks` chunks of 4–9 real sentences each (~120–250 words, like ingest's chunks),
 * grouped into documents `syn0000`, `syn0001`, …; refs are random small numbers.
 */
export function generateSyntheticChunks(sentences: readonly string[], options: SyntheticCorpusOptions): Chunk[] {
  if (sentences.length === 0) throw new Error("no source sentences");
  const perDoc = options.chunksPerDoc ?? 300;
  const random = prng(options.seed ?? 42);
  const pick = (n: number) => Math.floor(random() * n);
  const chunks: Chunk[] = [];
  for (let i = 0; i < options.chunks; i++) {
    const docId = `syn${String(Math.floor(i / perDoc)).padStart(4, "0")}`;
    const ordinal = i % perDoc;
    const count = 4 + pick(6);
    const parts: Sentence[] = [];
    let offset = 0;
    for (let s = 0; s < count; s++) {
      const text = sentences[pick(sentences.length)]!;
      const refs = random() < 0.5 ? [1 + pick(200)] : [];
      parts.push({ text, refs, start: offset, end: offset + text.length });
      offset += text.length + 1;
    }
    const sectionIndex = Math.min(SECTIONS.length - 1, Math.floor((ordinal / perDoc) * SECTIONS.length));
    chunks.push({
      id: `${docId}:${String(ordinal).padStart(4, "0")}`,
      docId,
      section: SECTIONS[sectionIndex]!,
      sectionId: `${docId}-s${sectionIndex}`,
      kind: "text",
      text: parts.map((p) => p.text).join(" "),
      sentences: parts,
      refs: [...new Set(parts.flatMap((p) => p.refs))].sort((a, b) => a - b),
      start: 0,
      end: offset - 1,
    });
  }
  return chunks;
}

const DIMENSIONS = 512;

/**
 * Feature-hashed bag of words (512 dimensions, signed, L2-normalised): deterministic and ~10⁴×
 * cheaper than USE-lite, with the clustered structure of real text vectors rather than uniform
 * noise. Queries go to `queryEmbeddings` (the real model) so query latency stays honest; pass
 * `config: resolveFusionConfig(queryEmbeddings.modelId)` to the engine so fusion is the real model's too.
 */
export class PseudoDocumentEmbeddings extends Embeddings implements IdentifiedEmbeddings {
  readonly modelId: string;

  constructor(private readonly queryEmbeddings: IdentifiedEmbeddings) {
    super({});
    // Prefixed by the query model's id so the vector index applies that model's policy (USE-lite:
    // one vector per ≤ 60-word sentence window), giving the synthetic index the real one's shape.
    this.modelId = `${queryEmbeddings.modelId}+pseudo-hash-docs`;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map(hashVector);
  }

  embedQuery(text: string): Promise<number[]> {
    return this.queryEmbeddings.embedQuery(text);
  }
}

// word → signed slot (slot + 1, negated for -1); the vocabulary is small, so hashing once per word pays.
const slotCache = new Map<string, number>();

function signedSlot(word: string): number {
  let slot = slotCache.get(word);
  if (slot === undefined) {
    const digest = createHash("md5").update(word).digest();
    slot = ((digest.readUInt16LE(0) % DIMENSIONS) + 1) * (digest[2]! & 1 ? 1 : -1);
    slotCache.set(word, slot);
  }
  return slot;
}

export function hashVector(text: string): number[] {
  const vector = new Array<number>(DIMENSIONS).fill(0);
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    const slot = signedSlot(word);
    vector[Math.abs(slot) - 1]! += Math.sign(slot);
  }
  const norm = Math.hypot(...vector) || 1;
  return vector.map((x) => x / norm);
}
