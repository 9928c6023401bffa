// BEIR evaluation: index a BEIR corpus into a throwaway search engine (vectors cached by content
// hash, so a rerun skips embedding), rank documents by their best chunk for each judged query,
// and report nDCG@10, Recall@10, Recall@100 and MRR@10 per retrieval method.
import { badRequest } from "../errors.ts";
import type { IdentifiedEmbeddings } from "../index/create-embeddings.ts";
import { SearchEngine, type SearchMode } from "../retrieve/search-engine.ts";
import type { FusionConfig } from "../retrieve/fusion.ts";
import type { SearchResult } from "../types.ts";
import { type BeirChunkOptions, beirCorpusToChunks } from "./beir-chunks.ts";
import type { BeirDataset } from "./beir-dataset.ts";
import { mean, mrrAtK, ndcgAtK, recallAtK } from "./metrics.ts";

export const BEIR_METHODS: readonly SearchMode[] = ["bm25", "dense", "hybrid"];

/** Documents ranked per query: enough for Recall@100. */
export const BEIR_DEPTH = 100;

export interface BeirMetrics {
  ndcg10: number;
  recall10: number;
  recall100: number;
  mrr10: number;
}

export interface BeirQueryResult extends BeirMetrics {
  queryId: string;
  /** Document ids, best first (at most BEIR_DEPTH). */
  ranked: string[];
}

export interface BeirMethodResult {
  method: SearchMode;
  /** Means over the evaluated queries. */
  metrics: BeirMetrics;
  /** Mean wall time of one query's search, in ms. */
  msPerQuery: number;
  /** Mean number of documents ranked per query (below 100 when a method returns fewer, e.g. hybrid's pool). */
  meanDepth: number;
  perQuery: BeirQueryResult[];
}

export interface BeirEvaluation {
  documents: number;
  chunks: number;
  /** Queries with at least one relevant judgement and a text: the ones averaged. */
  queriesEvaluated: number;
  indexSeconds: number;
  methods: BeirMethodResult[];
  /** Mismatches between the files that do not stop the run (e.g. judged ids absent from the corpus). */
  warnings: string[];
}

export interface EvaluateBeirOptions extends BeirChunkOptions {
  embeddings: IdentifiedEmbeddings;
  /** Embedding cache folder (content-addressed; shared across runs). */
  cacheDir?: string;
  methods?: readonly SearchMode[];
  /** Fusion/BM25 overrides on top of the embedder's defaults (and FUSION_* / BM25_* variables). */
  config?: Partial<FusionConfig>;
  /** Embedding progress, in chunks. */
  onProgress?: (done: number, total: number) => void;
  /** Called before each method's queries run and after each query. */
  onQuery?: (method: SearchMode, done: number, total: number) => void;
}

/**
 * Collapse chunk hits into a document ranking: a document's score is its best chunk's
 * (hits arrive best first, so the first hit of a document is its best).
 */
export function rankDocumentsByBestChunk(hits: readonly SearchResult[], depth = BEIR_DEPTH): string[] {
  const ranked: string[] = [];
  const seen = new Set<string>();
  for (const hit of hits) {
    if (seen.has(hit.docId)) continue;
    seen.add(hit.docId);
    ranked.push(hit.docId);
    if (ranked.length === depth) break;
  }
  return ranked;
}

/** The engine's largest k per search. */
const SEARCH_K_LIMIT = 1000;

/**
 * Search deep enough to rank `depth` distinct documents: starts at 1.5 × depth × chunks-per-document
 * hits and doubles while documents are missing and the method has more to give (BM25 only returns
 * chunks sharing a term with the query; hybrid returns its fused candidate pool).
 */
async function rankForQuery(
  engine: SearchEngine,
  query: string,
  mode: SearchMode,
  sizes: { chunks: number; documents: number },
): Promise<string[]> {
  const wanted = Math.min(BEIR_DEPTH, sizes.documents);
  const limit = Math.min(sizes.chunks, SEARCH_K_LIMIT);
  let k = Math.min(limit, Math.ceil(1.5 * wanted * (sizes.chunks / sizes.documents)));
  for (;;) {
    const hits = await engine.search(query, { k, mode, mmr: false });
    const ranked = rankDocumentsByBestChunk(hits);
    if (ranked.length >= wanted || hits.length < k || k >= limit) return ranked;
    k = Math.min(limit, k * 2);
  }
}

function judgedQueries(dataset: BeirDataset, warnings: string[]) {
  const textById = new Map(dataset.queries.map((q) => [q.id, q.text]));
  const docIds = new Set(dataset.corpus.map((d) => d.id));
  const judged: { id: string; text: string; qrels: Map<string, number> }[] = [];
  let missingText = 0;
  let noRelevant = 0;
  const unknownDocs = new Set<string>();
  for (const [queryId, grades] of dataset.qrels) {
    for (const docId of grades.keys()) if (!docIds.has(docId)) unknownDocs.add(docId);
    const text = textById.get(queryId);
    if (text === undefined) missingText++;
    else if (![...grades.values()].some((g) => g > 0)) noRelevant++;
    else judged.push({ id: queryId, text, qrels: grades });
  }
  if (missingText) warnings.push(`${missingText} judged quer${missingText === 1 ? "y is" : "ies are"} absent from the queries file (skipped)`);
  if (noRelevant) warnings.push(`${noRelevant} judged quer${noRelevant === 1 ? "y has" : "ies have"} no relevant document (skipped)`);
  if (unknownDocs.size) {
    const sample = [...unknownDocs].slice(0, 3).join(", ");
    warnings.push(`${unknownDocs.size} judged document id(s) are absent from the corpus, e.g. ${sample} (they count as never retrieved)`);
  }
  return judged;
}

/**
 * Run the BEIR protocol on one dataset.
 * @example
 * const data = await readBeirDataset({ corpus, queries, qrels });
 * const run = await evaluateBeir(data, { embeddings: createEmbeddings(loadConfig().embeddings), cacheDir });
 * run.methods.map((m) => [m.method, m.metrics.ndcg10]);
 */
export async function evaluateBeir(dataset: BeirDataset, options: EvaluateBeirOptions): Promise<BeirEvaluation> {
  const warnings: string[] = [];
  const queries = judgedQueries(dataset, warnings);
  if (queries.length === 0) {
    throw badRequest(`No query to evaluate: no qrels query id has both a text in the queries file and a relevant document. ${warnings.join("; ")}`);
  }
  const chunks = beirCorpusToChunks(dataset.corpus, options);
  const started = performance.now();
  const engine = await SearchEngine.fromChunks(chunks, options.embeddings, {
    cacheDir: options.cacheDir,
    onProgress: options.onProgress,
    config: options.config,
  });
  const indexSeconds = (performance.now() - started) / 1000;
  const sizes = { chunks: chunks.length, documents: dataset.corpus.length };

  // Load the query model outside the timings (a warm cache means fromChunks never needed it).
  if ((options.methods ?? BEIR_METHODS).some((m) => m !== "bm25")) await engine.embedQuery("warm-up");

  const methods: BeirMethodResult[] = [];
  for (const method of options.methods ?? BEIR_METHODS) {
    const perQuery: BeirQueryResult[] = [];
    let searchMs = 0;
    options.onQuery?.(method, 0, queries.length);
    for (const query of queries) {
      const t0 = performance.now();
      const ranked = await rankForQuery(engine, query.text, method, sizes);
      searchMs += performance.now() - t0;
      perQuery.push({
        queryId: query.id,
        ranked,
        ndcg10: ndcgAtK(ranked, query.qrels, 10),
        recall10: recallAtK(ranked, query.qrels, 10),
        recall100: recallAtK(ranked, query.qrels, 100),
        mrr10: mrrAtK(ranked, query.qrels, 10),
      });
      options.onQuery?.(method, perQuery.length, queries.length);
    }
    methods.push({
      method,
      metrics: {
        ndcg10: mean(perQuery.map((q) => q.ndcg10)),
        recall10: mean(perQuery.map((q) => q.recall10)),
        recall100: mean(perQuery.map((q) => q.recall100)),
        mrr10: mean(perQuery.map((q) => q.mrr10)),
      },
      msPerQuery: queries.length ? searchMs / queries.length : 0,
      meanDepth: mean(perQuery.map((q) => q.ranked.length)),
      perQuery,
    });
  }
  return { documents: sizes.documents, chunks: sizes.chunks, queriesEvaluated: queries.length, indexSeconds, methods, warnings };
}

/** One line per method, e.g. `bm25    nDCG@10 0.6650  Recall@10 0.7900  Recall@100 0.9200  MRR@10 0.6300  (…)`. */
export function formatBeirLine(result: BeirMethodResult): string {
  const m = result.metrics;
  const f = (x: number) => x.toFixed(4);
  return (
    `${result.method.padEnd(7)} nDCG@10 ${f(m.ndcg10)}  Recall@10 ${f(m.recall10)}  ` +
    `Recall@100 ${f(m.recall100)}  MRR@10 ${f(m.mrr10)}  ` +
    `(${result.msPerQuery.toFixed(1)} ms/query, ${result.meanDepth.toFixed(0)} docs ranked per query)`
  );
}
