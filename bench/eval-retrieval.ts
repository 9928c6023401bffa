// Retrieval on the QA sets: `npm run eval:retrieval` prints hit@1, hit@5 and MRR@10 for bm25, dense
// and hybrid over the answerable items of the tuning and test parts (a cross-review item counts once
// per expected review), searched in the live index (index/; run `npx review-chat ingest` first).
// Options: --set tune|test|fresh|holdout|all|<file.jsonl> (default: tune and test one after the other), --misses
// (list items not in the top 5), --json, --write-thresholds (with one set: today's figures become the
// CI gate's floors). Fusion settings come from the environment (FUSION_METHOD, FUSION_DENSE_WEIGHT, …;
// see src/retrieve/fusion.ts), so variants can be compared without code changes.
import path from "node:path";
import { parseArgs } from "node:util";
import { PROJECT_ROOT, loadConfig } from "../src/config.ts";
import {
  GATED_RETRIEVAL_FIGURES,
  type RetrievalEvaluation,
  evaluateRetrieval,
  locateItems,
  retrievalFigures,
} from "../src/eval/evaluate-retrieval.ts";
import { loadQaSelection, resolveQaSets } from "../src/eval/qa-sets.ts";
import { thresholdsFrom, writeThresholds } from "../src/eval/quality-thresholds.ts";
import { createEmbeddings } from "../src/index/create-embeddings.ts";
import { SEARCH_MODES } from "../src/retrieve/search-engine.ts";
import { loadIndex } from "../src/store/load-index.ts";

const { values } = parseArgs({
  options: {
    set: { type: "string", default: "both" },
    misses: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    "write-thresholds": { type: "boolean", default: false },
  },
});

const selections = resolveQaSets(values.set);
if (values["write-thresholds"] && selections.length !== 1) throw new Error("--write-thresholds needs one set, e.g. --set test");
const config = loadConfig();
const embeddings = createEmbeddings(config.embeddings);
const { engine } = await loadIndex(config.indexDir, embeddings);
const f = (x: number) => x.toFixed(3);
const json: unknown[] = [];

for (const selection of selections) {
  const items = await loadQaSelection(selection);
  const { located, unlocated } = locateItems(items, engine.chunks);
  const results: RetrievalEvaluation[] = [];
  for (const mode of SEARCH_MODES) results.push(await evaluateRetrieval(engine, located, mode));
  if (values["write-thresholds"]) {
    writeThresholds("retrieval", selection.name, thresholdsFrom(retrievalFigures(results), GATED_RETRIEVAL_FIGURES));
    console.error(`retrieval thresholds for "${selection.name}" written to bench/quality-thresholds.json`);
  }
  if (values.json) {
    json.push({ set: selection.name, config: engine.config, located: located.length, unlocated: unlocated.map((i) => i.id), results });
    continue;
  }
  const files = selection.files.map((file) => path.relative(PROJECT_ROOT, file)).join(" + ");
  const groups = Object.keys(results[0]?.groups ?? {});
  console.log(
    `\n## ${selection.name} (${files}): ${located.length} passages located in ${engine.chunks.length} chunks` +
      (unlocated.length ? `; ${unlocated.length} in no chunk: ${unlocated.map((i) => i.id).join(", ")}` : ""),
  );
  const c = engine.config;
  console.log(
    `fusion ${c.method} bm25=${c.weights.bm25} dense=${c.weights.dense}${c.method === "rrf" ? ` k=${c.rrfK}` : ""}, ` +
      `candidates ${c.candidates}, BM25 ${JSON.stringify(c.bm25)}`,
  );
  console.log(`\n| mode   | hit@1 | hit@5 | MRR@10 | ${groups.map((g) => `hit@5 ${g}`).join(" | ")} | ms/query |`);
  console.log(`|--------|-------|-------|--------|${groups.map(() => "------").join("|")}|----------|`);
  for (const r of results) {
    const perGroup = groups.map((g) => `${f(r.groups[g]!.hit5)} (${r.groups[g]!.n})`).join(" | ");
    console.log(`| ${r.mode.padEnd(6)} | ${f(r.all.hit1)} | ${f(r.all.hit5)} | ${f(r.all.mrr10)}  | ${perGroup} | ${r.msPerQuery.toFixed(1)} |`);
  }
  if (values.misses) {
    for (const r of results) {
      const misses = r.outcomes.filter((o) => o.rank === null || o.rank > 5);
      console.log(`\n${r.mode} misses (rank > 5): ${misses.length}`);
      for (const o of misses) console.log(`  ${o.id} rank ${o.rank ?? "-"}: ${located.find((i) => i.id === o.id)!.question}`);
    }
  }
}
if (values.json) console.log(JSON.stringify(json.length === 1 ? json[0] : json, null, 2));
if ("close" in embeddings && typeof embeddings.close === "function") await embeddings.close();
