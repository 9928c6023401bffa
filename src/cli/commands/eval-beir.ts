import path from "node:path";
import { type Command, InvalidArgumentError } from "commander";
import { PROJECT_ROOT, loadConfig } from "../../config.ts";
import { BEIR_METHODS, evaluateBeir, formatBeirLine } from "../../eval/beir.ts";
import { DEFAULT_BEIR_PASSAGE_WORDS } from "../../eval/beir-chunks.ts";
import { readBeirDataset } from "../../eval/beir-dataset.ts";
import { createEmbeddings } from "../../index/create-embeddings.ts";
import type { SearchMode } from "../../retrieve/search-engine.ts";
import { createProgressBar } from "../progress-bar.ts";

/** Where BEIR vectors are cached by default: outside the live index, git-ignored. */
export const DEFAULT_BEIR_CACHE_DIR = path.join(PROJECT_ROOT, ".bench-cache", "embeddings");

function parseMethods(value: string): SearchMode[] {
  const methods = value.split(",").map((m) => m.trim()).filter(Boolean);
  const unknown = methods.filter((m) => !BEIR_METHODS.includes(m as SearchMode));
  if (methods.length === 0 || unknown.length > 0) {
    throw new InvalidArgumentError(`expected a comma-separated list of ${BEIR_METHODS.join(", ")}, got "${value}"`);
  }
  return methods as SearchMode[];
}

function parseMaxWords(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 20) throw new InvalidArgumentError(`expected an integer ≥ 20, got "${value}"`);
  return n;
}

interface EvalBeirOptions {
  corpus: string;
  queries: string;
  qrels: string;
  json?: boolean;
  methods?: SearchMode[];
  cacheDir?: string;
  maxWords?: number;
}

/**
 * `review-chat eval-beir --corpus corpus.jsonl --queries queries.jsonl --qrels qrels.tsv [--json]`
 * prints nDCG@10, Recall@10, Recall@100 and MRR@10 for bm25, dense and hybrid, one line each.
 */
export function registerEvalBeirCommand(program: Command): void {
  program
    .command("eval-beir")
    .description(
      "evaluate bm25, dense and hybrid retrieval on a dataset in the BEIR format " +
        "(fusion and BM25 settings come from the FUSION_* and BM25_* environment variables)",
    )
    .requiredOption("--corpus <file>", "corpus.jsonl: {\"_id\",\"title\",\"text\"} per line")
    .requiredOption("--queries <file>", "queries.jsonl: {\"_id\",\"text\"} per line")
    .requiredOption("--qrels <file>", "qrels TSV with the header query-id, corpus-id, score (e.g. qrels/test.tsv)")
    .option("--methods <list>", `comma-separated subset of ${BEIR_METHODS.join(",")}`, parseMethods)
    .option("--cache-dir <dir>", "embedding cache folder", DEFAULT_BEIR_CACHE_DIR)
    .option("--max-words <n>", "longest passage in words; longer documents are split", parseMaxWords, DEFAULT_BEIR_PASSAGE_WORDS)
    .option("--json", "print JSON")
    .action(async (options: EvalBeirOptions) => {
      const config = loadConfig(process.env);
      const embeddings = createEmbeddings(config.embeddings);
      const dataset = await readBeirDataset({ corpus: options.corpus, queries: options.queries, qrels: options.qrels });
      const progress = createProgressBar();
      let started = false;
      const run = await evaluateBeir(dataset, {
        embeddings,
        cacheDir: options.cacheDir,
        methods: options.methods,
        maxWords: options.maxWords,
        onProgress: (done, total) => {
          if (!started) progress.start("embed", total);
          started = true;
          progress.update(done);
        },
        onQuery: (method, done) => {
          if (started && done === 0) {
            progress.stop();
            started = false;
          }
          if (done === 0) console.error(`Searching with ${method}…`);
        },
      });
      if (started) progress.stop();
      for (const warning of run.warnings) console.error(`warning: ${warning}`);
      if (options.json) {
        const methods = run.methods.map(({ method, metrics, msPerQuery, meanDepth }) => ({ method, ...metrics, msPerQuery, meanDepth }));
        const { documents, chunks, queriesEvaluated, indexSeconds, warnings } = run;
        console.log(
          JSON.stringify({ embedder: embeddings.modelId, documents, chunks, queriesEvaluated, indexSeconds, methods, warnings }, null, 2),
        );
        return;
      }
      console.log(
        `${run.documents} documents → ${run.chunks} chunks (${embeddings.modelId}, indexed in ${run.indexSeconds.toFixed(1)} s), ` +
          `${run.queriesEvaluated} queries`,
      );
      for (const result of run.methods) console.log(formatBeirLine(result));
    });
}
