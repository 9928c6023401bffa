// Retrieval on the dev set: `npm run eval:retrieval` prints hit@1, hit@5 and MRR@10 for bm25, dense
// and hybrid over the answerable items of bench/qa-dev.jsonl, searched in the live index (index/;
// run `npx review-chat ingest` first). Options: --dev <file>, --misses (list items not in the top 5),
// --json. Fusion settings come from the environment (FUSION_METHOD, FUSION_DENSE_WEIGHT, …; see
// src/retrieve/fusion.ts), so variants can be compared without code changes.
import path from "node:path";
import { parseArgs } from "node:util";
import { PROJECT_ROOT, loadConfig } from "../src/config.ts";
import { loadDevSet } from "../src/eval/dev-set.ts";
import { type RetrievalEvaluation, evaluateRetrieval, locateItems } from "../src/eval/evaluate-retrieval.ts";
import { createEmbeddings } from "../src/index/create-embeddings.ts";
import { SEARCH_MODES } from "../src/retrieve/search-engine.ts";
import { loadIndex } from "../src/store/load-index.ts";

const { values } = parseArgs({
  options: {
    dev: { type: "string", default: path.join(PROJECT_ROOT, "bench", "qa-dev.jsonl") },
    misses: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  },
});

const config = loadConfig();
const embeddings = createEmbeddings(config.embeddings);
const { engine } = await loadIndex(config.indexDir, embeddings);
const items = await loadDevSet(values.dev!);
const { located, unlocated } = locateItems(items, engine.chunks);

const results: RetrievalEvaluation[] = [];
for (const mode of SEARCH_MODES) results.push(await evaluateRetrieval(engine, located, mode));

if (values.json) {
  console.log(JSON.stringify({ config: engine.config, located: located.length, unlocated: unlocated.map((i) => i.id), results }, null, 2));
} else {
  const f = (x: number) => x.toFixed(3);
  const groups = Object.keys(results[0]?.groups ?? {});
  console.log(
    `${located.length} answerable items located in ${engine.chunks.length} chunks` +
      (unlocated.length ? `; ${unlocated.length} whose passage is in no chunk: ${unlocated.map((i) => i.id).join(", ")}` : ""),
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
if ("close" in embeddings && typeof embeddings.close === "function") await embeddings.close();
