// Answer quality on the dev set (bench/qa-dev.jsonl), in process against the real index:
// keyword accuracy, reference recall/precision against the printed reference numbers, correct
// refusals on unanswerable questions, false refusals on answerable ones, latency p50/p95.
//
//   npm run eval:answers                 # extractive mode (LLM settings in the environment are ignored)
//   npm run eval:answers -- --llm        # the LLM configured by OPENAI_API_KEY / LLM_BASE_URL / LLM_MODEL
//   npm run eval:answers -- --verbose    # print every miss
//   npm run eval:answers -- --json       # machine-readable summary
//   npm run eval:answers -- --phases     # latency split: the query embedding vs the rest of answering
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { Answerer } from "../src/answer/answer-question.ts";
import type { AnswerPayload, ChatTurn } from "../src/answer/answer-payload.ts";
import { createAnswerResources } from "../src/answer/answer-resources.ts";
import { condenseFollowUp } from "../src/answer/condense-question.ts";
import { PROJECT_ROOT, loadConfig } from "../src/config.ts";
import { createEmbeddings } from "../src/index/create-embeddings.ts";
import { loadIndex } from "../src/store/load-index.ts";

interface DevItem {
  id: string;
  question: string;
  answerable: boolean;
  docId?: string;
  kind?: "text" | "table" | "lookup";
  passage?: string;
  refs?: number[];
  keywords?: string[];
  history?: ChatTurn[];
}

interface ItemResult {
  item: DevItem;
  payload: AnswerPayload;
  ms: number;
  keywordShare?: number;
  recall?: number;
  precision?: number;
}

const { values: args } = parseArgs({
  options: {
    file: { type: "string", default: path.join(PROJECT_ROOT, "bench/qa-dev.jsonl") },
    llm: { type: "boolean", default: false },
    k: { type: "string" },
    verbose: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    phases: { type: "boolean", default: false },
  },
});

// Compare text loosely: case, dashes and spacing differ between questions, keywords and the corpus.
const loose = (text: string) =>
  text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\s+/g, " ");

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

function score(item: DevItem, payload: AnswerPayload, ms: number): ItemResult {
  const result: ItemResult = { item, payload, ms };
  if (!item.answerable || payload.refused) return result;
  const answer = loose(payload.answer);
  const keywords = item.keywords ?? [];
  if (keywords.length) result.keywordShare = keywords.filter((kw) => answer.includes(loose(kw))).length / keywords.length;
  const gold = new Set((item.refs ?? []).map((n) => `${item.docId}#${n}`));
  const predicted = new Set(payload.references.map((ref) => `${ref.docId}#${ref.n}`));
  const hits = [...predicted].filter((key) => gold.has(key)).length;
  if (gold.size) result.recall = hits / gold.size;
  // An answer that prints references where the passage prints none is imprecise, not exempt.
  if (predicted.size) result.precision = hits / predicted.size;
  return result;
}

const config = loadConfig(args.llm ? process.env : {});
const items: DevItem[] = fs
  .readFileSync(args.file, "utf8")
  .split("\n")
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as DevItem);
const index = await loadIndex(config.indexDir, createEmbeddings(config.embeddings));
const answerer = new Answerer(createAnswerResources(index.corpus, index.engine), { llm: config.llm });
const k = args.k ? Number(args.k) : undefined;

// Load the embedding model before timing anything.
await answerer.answer({ question: "warm-up question about liposomes" });

const results: ItemResult[] = [];
const embeddingMs: number[] = [];
for (const item of items) {
  if (args.phases) {
    // Embed the question the answerer will search with first, so `ms` below is everything else.
    const embedStarted = performance.now();
    await index.engine.embedQuery(condenseFollowUp(item.question, item.history, answerer.res.sentences).question);
    embeddingMs.push(performance.now() - embedStarted);
  }
  const started = performance.now();
  const payload = await answerer.answer({ question: item.question, history: item.history, k });
  results.push(score(item, payload, performance.now() - started));
}

const answerable = results.filter((r) => r.item.answerable);
const unanswerable = results.filter((r) => !r.item.answerable);
const latencies = results.map((r) => r.ms);
const latencySummary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? 0 };
};
const summarize = (rs: ItemResult[]) => {
  const defined = <T,>(values: (T | undefined)[]) => values.filter((v): v is T => v !== undefined);
  const keywordShares = defined(rs.map((r) => r.keywordShare));
  return {
    items: rs.length,
    keywordAccuracy: mean(rs.filter((r) => r.item.keywords?.length).map((r) => r.keywordShare ?? 0)),
    allKeywords: keywordShares.length ? rs.filter((r) => r.keywordShare === 1).length / rs.filter((r) => r.item.keywords?.length).length : 0,
    refRecall: mean(rs.filter((r) => r.item.refs?.length).map((r) => r.recall ?? 0)),
    refPrecision: mean(defined(rs.map((r) => r.precision))),
    falseRefusals: rs.length ? rs.filter((r) => r.payload.refused).length / rs.length : 0,
  };
};
const summary = {
  mode: answerer.mode,
  answerable: summarize(answerable),
  byKind: Object.fromEntries(
    (["text", "table", "lookup"] as const).map((kind) => [kind, summarize(answerable.filter((r) => r.item.kind === kind))]),
  ),
  followUps: summarize(answerable.filter((r) => r.item.history?.length)),
  unanswerable: { items: unanswerable.length, correctRefusals: mean(unanswerable.map((r) => (r.payload.refused ? 1 : 0))) },
  latencyMs: latencySummary(latencies),
  ...(args.phases ? { queryEmbeddingMs: latencySummary(embeddingMs) } : {}),
};

if (args.verbose) {
  for (const r of results) {
    const miss = r.item.answerable
      ? r.payload.refused || (r.recall ?? 1) < 1 || (r.precision ?? 1) < 1 || (r.keywordShare ?? 1) < 1
      : !r.payload.refused;
    if (!miss) continue;
    const refs = r.payload.references.map((ref) => `${ref.docId}#${ref.n}`).join(" ");
    console.log(`\n${r.item.id} [${r.item.kind ?? "unanswerable"}] ${r.item.question}`);
    console.log(`  gold refs ${r.item.refs?.join(",") ?? "-"} · got ${refs || "-"}${r.payload.refused ? " · REFUSED" : ""}`);
    console.log(`  kw ${r.keywordShare?.toFixed(2) ?? "-"} · answer: ${r.payload.answer.slice(0, 400)}`);
  }
}

const f = (x: number) => x.toFixed(3);
if (args.json) {
  console.log(JSON.stringify(summary, null, 2));
} else {
  const row = (name: string, s: ReturnType<typeof summarize>) =>
    `${name.padEnd(12)} n=${String(s.items).padStart(3)}  keywords ${f(s.keywordAccuracy)} (all ${f(s.allKeywords)})  ` +
    `ref recall ${f(s.refRecall)}  precision ${f(s.refPrecision)}  false refusals ${f(s.falseRefusals)}`;
  console.log(`mode ${summary.mode} · ${items.length} questions from ${path.relative(PROJECT_ROOT, args.file)}`);
  console.log(row("answerable", summary.answerable));
  for (const [kind, s] of Object.entries(summary.byKind)) console.log(row(`  ${kind}`, s));
  console.log(row("  follow-ups", summary.followUps));
  console.log(`unanswerable n=${summary.unanswerable.items}  correct refusals ${f(summary.unanswerable.correctRefusals)}`);
  const phase = args.phases ? " (answering with the query vector already computed)" : "";
  console.log(`latency ms   p50 ${summary.latencyMs.p50.toFixed(1)}  p95 ${summary.latencyMs.p95.toFixed(1)}  max ${summary.latencyMs.max.toFixed(1)}${phase}`);
  if (summary.queryEmbeddingMs) {
    const e = summary.queryEmbeddingMs;
    console.log(`query embedding ms  p50 ${e.p50.toFixed(1)}  p95 ${e.p95.toFixed(1)}  max ${e.max.toFixed(1)}`);
  }
}
