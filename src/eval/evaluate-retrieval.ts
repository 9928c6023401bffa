// Retrieval quality on the dev set: hit@1, hit@5 and MRR@10 per search mode over the answerable
// items whose passage can be located in the index's chunks.
import type { SearchEngine, SearchMode } from "../retrieve/search-engine.ts";
import type { Chunk } from "../types.ts";
import { type AnswerableDevItem, type DevItem, isHit, retrievalQuery } from "./dev-set.ts";

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
  /** Per item kind ("text", "table", "lookup") and "follow-up" for items with history. */
  groups: Record<string, RetrievalMetrics>;
  outcomes: ItemOutcome[];
  msPerQuery: number;
}

/** Answerable items split into those with a chunk that holds their passage and those without. */
export function locateItems(items: DevItem[], chunks: readonly Chunk[]) {
  const located: AnswerableDevItem[] = [];
  const unlocated: AnswerableDevItem[] = [];
  for (const item of items) {
    if (!item.answerable) continue;
    (chunks.some((chunk) => isHit(chunk, item)) ? located : unlocated).push(item);
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
 * Run every located item through `engine.search` in `mode` (top 10) and score the ranks.
 *
 * @example
 * const result = await evaluateRetrieval(engine, located, "hybrid");
 */
export async function evaluateRetrieval(
  engine: SearchEngine,
  items: readonly AnswerableDevItem[],
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
    const group = item.history?.length ? "follow-up" : item.kind;
    byGroup.set(group, [...(byGroup.get(group) ?? []), rank]);
  }
  const msPerQuery = items.length ? (performance.now() - started) / items.length : 0;
  const groups: Record<string, RetrievalMetrics> = {};
  for (const [group, ranks] of [...byGroup].sort()) groups[group] = summarize(ranks);
  return { mode, all: summarize(outcomes.map((o) => o.rank)), groups, outcomes, msPerQuery };
}
