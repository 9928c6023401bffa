// Answer quality on the QA sets, in process against the real index (scoring: src/eval/evaluate-answers.ts):
// keyword accuracy, reference recall/precision, false refusals, per kind; correct refusals (plain and
// near-miss); claim references found; cross-review answers citing every expected review; latency.
//
//   npm run eval:answers                         # tune and test parts side by side, extractive mode
//   npm run eval:answers -- --set test           # one part (tune | test | fresh | holdout | blind | all | path/to/file.jsonl)
//   npm run eval:answers -- --llm                # the LLM configured by OPENAI_API_KEY / LLM_BASE_URL / LLM_MODEL
//   npm run eval:answers -- --verbose            # print every miss
//   npm run eval:answers -- --json               # machine-readable summaries
//   npm run eval:answers -- --phases             # latency split: the query embedding vs the rest of answering
//   npm run eval:answers -- --set test --write-thresholds   # today's figures become the CI gate's floors
import path from "node:path";
import { parseArgs } from "node:util";
import { Answerer } from "../src/answer/answer-question.ts";
import { createAnswerResources } from "../src/answer/answer-resources.ts";
import { condenseFollowUp } from "../src/answer/condense-question.ts";
import { PROJECT_ROOT, loadConfig } from "../src/config.ts";
import { itemKind } from "../src/eval/dev-set.ts";
import {
  type AnswerSummary,
  GATED_ANSWER_FIGURES,
  type ItemResult,
  answerItems,
  isMiss,
  latencySummary,
  summarizeAnswers,
} from "../src/eval/evaluate-answers.ts";
import { loadQaSelection, resolveQaSets } from "../src/eval/qa-sets.ts";
import { thresholdsFrom, writeThresholds } from "../src/eval/quality-thresholds.ts";
import { createEmbeddings } from "../src/index/create-embeddings.ts";
import { loadIndex } from "../src/store/load-index.ts";

const { values: args } = parseArgs({
  options: {
    set: { type: "string", default: "both" },
    llm: { type: "boolean", default: false },
    k: { type: "string" },
    verbose: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    phases: { type: "boolean", default: false },
    "write-thresholds": { type: "boolean", default: false },
  },
});

const selections = resolveQaSets(args.set);
if (args["write-thresholds"] && selections.length !== 1) throw new Error("--write-thresholds needs one set, e.g. --set test");
const config = loadConfig(args.llm ? process.env : {});
const index = await loadIndex(config.indexDir, createEmbeddings(config.embeddings));
const answerer = new Answerer(createAnswerResources(index.corpus, index.engine), { llm: config.llm });
const k = args.k ? Number(args.k) : undefined;

// Load the embedding model before timing anything.
await answerer.answer({ question: "warm-up question about liposomes" });

interface SetRun {
  name: string;
  files: string[];
  results: ItemResult[];
  summary: AnswerSummary;
  queryEmbeddingMs?: ReturnType<typeof latencySummary>;
}

const runs: SetRun[] = [];
for (const selection of selections) {
  const items = await loadQaSelection(selection);
  const embeddingMs: number[] = [];
  // Embed the question the answerer will search with first, so the timed part is everything else.
  const beforeEach = args.phases
    ? async (item: (typeof items)[number]) => {
        const started = performance.now();
        await index.engine.embedQuery(condenseFollowUp(item.question, item.history, answerer.res.sentences).question);
        embeddingMs.push(performance.now() - started);
      }
    : undefined;
  const results = await answerItems(answerer, items, { k, beforeEach });
  runs.push({
    ...selection,
    results,
    summary: summarizeAnswers(results),
    ...(args.phases ? { queryEmbeddingMs: latencySummary(embeddingMs) } : {}),
  });
}

if (args.verbose) {
  for (const run of runs) {
    for (const r of run.results.filter(isMiss)) {
      const refs = r.payload.references.map((ref) => `${ref.docId}#${ref.n}`).join(" ");
      const gold = r.item.answerable ? (r.item.kind === "cross" ? r.item.expect.flatMap((e) => e.refs) : r.item.refs) : [];
      console.log(`\n${run.name} ${r.item.id} [${itemKind(r.item)}] ${r.item.question}`);
      console.log(`  gold refs ${gold.join(",") || "-"} · got ${refs || "-"}${r.payload.refused ? " · REFUSED" : ""}`);
      console.log(`  kw ${r.keywordShare?.toFixed(2) ?? "-"} · answer: ${r.payload.answer.slice(0, 400)}`);
    }
  }
}

if (args["write-thresholds"]) {
  writeThresholds("answers", runs[0]!.name, thresholdsFrom(runs[0]!.summary, GATED_ANSWER_FIGURES));
  console.log(`answer thresholds for "${runs[0]!.name}" written to bench/quality-thresholds.json`);
}

if (args.json) {
  const json = runs.map(({ name, files, summary, queryEmbeddingMs }) => ({
    set: name,
    files: files.map((file) => path.relative(PROJECT_ROOT, file)),
    mode: answerer.mode,
    ...summary,
    ...(queryEmbeddingMs ? { queryEmbeddingMs } : {}),
  }));
  console.log(JSON.stringify(json.length === 1 ? json[0] : json, null, 2));
} else {
  printTable(runs);
}

/** Answerable slices one row per set; refusals, claims, cross-review answers and latency one column per set. */
function printTable(sets: SetRun[]) {
  const f = (x: number | null) => (x === null ? "-" : x.toFixed(3));
  const ms = (x: number) => x.toFixed(1);
  const sources = sets.map((s) => `${s.name}: ${s.files.map((file) => path.relative(PROJECT_ROOT, file)).join(" + ")}`);
  console.log(`mode ${answerer.mode} · ${sources.join(" · ")}\n`);
  console.log("| slice | set | n | keyword acc. (all) | ref recall | ref precision | false refusals | correct |");
  console.log("|---|---|---|---|---|---|---|---|");
  type Slice = [name: string, pick: (s: AnswerSummary) => AnswerSummary["answerable"]];
  const slices: Slice[] = [
    ["answerable", (s) => s.answerable],
    ...(["text", "table", "lookup", "claim", "cross"] as const).map((kind): Slice => [kind, (s) => s.byKind[kind]]),
    ["follow-ups", (s) => s.followUps],
  ];
  for (const [slice, pick] of slices) {
    for (const run of sets) {
      const g = pick(run.summary);
      if (g.items === 0) continue;
      console.log(
        `| ${slice} | ${run.name} | ${g.items} | ${f(g.keywordAccuracy)} (${f(g.allKeywords)}) | ${f(g.refRecall)} | ${f(g.refPrecision)} | ` +
          `${f(g.falseRefusals)} | ${f(g.correct)} |`,
      );
    }
  }
  type Row = [label: string, value: (s: AnswerSummary, run: SetRun) => string];
  const of = (x: number, n: number) => `${f(x)} of ${n}`;
  const rows: Row[] = [
    ["claim: found (not refused, ≥1 gold ref)", (s) => of(s.claimFound, s.byKind.claim.items)],
    ["cross: cites every expected review", (s) => of(s.crossFromEveryReview, s.byKind.cross.items)],
    ["unanswerable: correct refusals", (s) => of(s.unanswerable.correctRefusals, s.unanswerable.items)],
    ["  plain", (s) => of(s.unanswerable.plain.correctRefusals, s.unanswerable.plain.items)],
    ["  near-miss", (s) => of(s.unanswerable.nearMiss.correctRefusals, s.unanswerable.nearMiss.items)],
    ["  near-miss with reason value_not_reported", (s) => f(s.unanswerable.nearMiss.valueNotReported)],
    [`latency ms p50 / p95${args.phases ? " (query vector precomputed)" : ""}`, (s) => `${ms(s.latencyMs.p50)} / ${ms(s.latencyMs.p95)}`],
  ];
  if (args.phases) rows.push(["query embedding ms p50 / p95", (_s, run) => `${ms(run.queryEmbeddingMs!.p50)} / ${ms(run.queryEmbeddingMs!.p95)}`]);
  console.log(`\n| figure | ${sets.map((s) => s.name).join(" | ")} |`);
  console.log(`|---|${sets.map(() => "---").join("|")}|`);
  for (const [label, value] of rows) console.log(`| ${label} | ${sets.map((run) => value(run.summary, run)).join(" | ")} |`);
}
