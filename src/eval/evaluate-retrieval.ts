// Retrieval quality on a QA set: hit@1, hit@5 and MRR@10 per search mode over the passages of
// answerable items that can be located in the index's chunks. A cross-review item expects one passage
// per review and counts once per expected review.
import { SEARCH_MODES, type SearchEngine, type SearchMode } from "../retrieve/search-engine.ts";
import type { Chunk } from "../types.ts";
import type { ChatTurn } from "../answer/answer-payload.ts";
import { type DevItem, isHit, retrievalQuery } from "./dev-set.ts";

/** One passage to retrieve for one question. */
export interface RetrievalTarget {
  /** The item's id; "x003:guan2024" for one review of a cross-review item. */
  id: string;
  question: string;
  history?: ChatTurn[];
  docId: string;
  passage: string;
  /** The group it is reported under: the item's kind, or "follow-up" for items with history. */
  group: string;
}

/** The passages an item expects to be retrieved: one, or one per review for a cross-review item. */
export function retrievalTargets(item: DevItem): RetrievalTarget[] {
  if (!item.answerable) return [];
  const group = item.history?.length ? "follow-up" : item.kind;
  const base = { question: item.question, ...(item.history ? { history: item.history } : {}), group };
  if (item.kind !== "cross") return [{ ...base, id: item.id, docId: item.docId, passage: item.passage }];
  return item.expect.map((e) => ({ ...base, id: `${item.id}:${e.docId}`, docId: e.docId, passage: e.passage }));
}

export interface RetrievalMetrics {
  hit1: number;
  hit5: number;
  mrr10: number;
  n: number;
}

export interface ItemOutcome {
  id: string;
  /** Rank of the first hit within the top 10, or null. */
  rank: number | null;
}

export interface RetrievalEvaluation {
  mode: SearchMode;
  all: RetrievalMetrics;
  /** Per item kind ("text", "table", "lookup", "claim", "cross") and "follow-up" for items with history. */
  groups: Record<string, RetrievalMetrics>;
  outcomes: ItemOutcome[];
  msPerQuery: number;
}

/** The items' retrieval targets split into those with a chunk that holds their passage and those without. */
export function locateItems(items: DevItem[], chunks: readonly Chunk[]) {
  const located: RetrievalTarget[] = [];
  const unlocated: RetrievalTarget[] = [];
  for (const target of items.flatMap(retrievalTargets)) {
    (chunks.some((chunk) => isHit(chunk, target)) ? located : unlocated).push(target);
  }
  return { located, unlocated };
}

function summarize(ranks: (number | null)[]): RetrievalMetrics {
  const n = ranks.length;
  if (n === 0) return { hit1: 0, hit5: 0, mrr10: 0, n };
  let hit1 = 0;
  let hit5 = 0;
  let mrr = 0;
  for (const rank of ranks) {
    if (rank === null) continue;
    if (rank <= 1) hit1++;
    if (rank <= 5) hit5++;
    mrr += 1 / rank;
  }
  return { hit1: hit1 / n, hit5: hit5 / n, mrr10: mrr / n, n };
}

/**
 * Run every located target through `engine.search` in `mode` (top 10) and score the ranks.
 *
 * @example
 * const result = await evaluateRetrieval(engine, located, "hybrid");
 */
export async function evaluateRetrieval(
  engine: SearchEngine,
  items: readonly RetrievalTarget[],
  mode: SearchMode,
): Promise<RetrievalEvaluation> {
  const outcomes: ItemOutcome[] = [];
  const byGroup = new Map<string, (number | null)[]>();
  const started = performance.now();
  for (const item of items) {
    const results = await engine.search(retrievalQuery(item), { k: 10, mode });
    const at = results.findIndex((result) => isHit(result, item));
    const rank = at >= 0 ? at + 1 : null;
    outcomes.push({ id: item.id, rank });
    byGroup.set(item.group, [...(byGroup.get(item.group) ?? []), rank]);
  }
  const msPerQuery = items.length ? (performance.now() - started) / items.length : 0;
  const groups: Record<string, RetrievalMetrics> = {};
  for (const [group, ranks] of [...byGroup].sort()) groups[group] = summarize(ranks);
  return { mode, all: summarize(outcomes.map((o) => o.rank)), groups, outcomes, msPerQuery };
}

/** Every mode's figures in one object ("hybrid.hit5", "hybrid.groups.cross.hit5"), as thresholds name them. */
export function retrievalFigures(results: readonly RetrievalEvaluation[]) {
  return Object.fromEntries(results.map((r) => [r.mode, { ...r.all, groups: r.groups }]));
}

/** The retrieval figures the CI quality gate holds (bench/quality-thresholds.json). */
export const GATED_RETRIEVAL_FIGURES = {
  min: [
    ...SEARCH_MODES.flatMap((mode) => [`${mode}.hit1`, `${mode}.hit5`, `${mode}.mrr10`]),
    "hybrid.groups.claim.hit5",
    "hybrid.groups.cross.hit5",
  ],
  max: [],
};
