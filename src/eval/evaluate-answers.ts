// Answer quality on a QA set: each item asked once, each payload scored against the item, the scores
// summarized per kind. Shared by `npm run eval:answers` and the CI quality gate.
import type { AnswerPayload, AskRequest } from "../answer/answer-payload.ts";
import { sanitizeCitationMarkers } from "../answer/citation-markers.ts";
import { type DevItem, type ItemKind, itemKind } from "./dev-set.ts";

export interface ItemResult {
  item: DevItem;
  payload: AnswerPayload;
  ms: number;
  /** Share of the item's keywords the answer contains (answerable items with keywords, not refused). */
  keywordShare?: number;
  recall?: number;
  precision?: number;
  /** Answerable: answered as the kind requires (see `isCorrect`). Unanswerable: declined. */
  correct: boolean;
}

/** Compare text loosely: case, dashes and spacing differ between questions, keywords and the corpus. */
const loose = (text: string) =>
  text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\s+/g, " ");

/** The documents of the sources the answer cites with `[n]` markers. */
export function citedDocIds(payload: Pick<AnswerPayload, "answer" | "sources">): Set<string> {
  const { cited } = sanitizeCitationMarkers(payload.answer, payload.sources.length);
  return new Set(cited.map((n) => payload.sources[n - 1]!.docId));
}

/** `reason.code` of a payload that explains a refusal (e.g. "value_not_reported"), when it carries one. */
export function reasonCode(payload: AnswerPayload): string | undefined {
  const reason = (payload as { reason?: { code?: unknown } }).reason;
  return typeof reason?.code === "string" ? reason.code : undefined;
}

/** The gold references of an item, as "docId#n". */
function goldRefs(item: DevItem): Set<string> {
  if (!item.answerable) return new Set();
  const expected = item.kind === "cross" ? item.expect : [item];
  return new Set(expected.flatMap((e) => e.refs.map((n) => `${e.docId}#${n}`)));
}

/**
 * Score one answer. Correct means: unanswerable and near-miss items refused; claim items not refused
 * with at least one gold reference; cross items citing a source from every expected review (and not
 * refused when only one review covers the question); other answerable items not refused.
 *
 * @example
 * const result = scoreAnswer(item, await answerer.answer({ question: item.question }), 42);
 */
export function scoreAnswer(item: DevItem, payload: AnswerPayload, ms: number): ItemResult {
  if (!item.answerable) return { item, payload, ms, correct: payload.refused };
  const result: ItemResult = { item, payload, ms, correct: !payload.refused };
  const gold = goldRefs(item);
  const predicted = new Set(payload.references.map((ref) => `${ref.docId}#${ref.n}`));
  const hits = [...predicted].filter((key) => gold.has(key)).length;
  if (item.kind === "claim") result.correct = !payload.refused && hits > 0;
  if (item.kind === "cross") {
    const cited = citedDocIds(payload);
    const fromEvery = item.expect.every((e) => cited.has(e.docId));
    result.correct = fromEvery && (item.expect.length > 1 || !payload.refused);
  }
  if (payload.refused) return result;
  const answer = loose(payload.answer);
  if (item.keywords.length) result.keywordShare = item.keywords.filter((kw) => answer.includes(loose(kw))).length / item.keywords.length;
  if (gold.size) result.recall = hits / gold.size;
  // An answer that prints references where the passage prints none is imprecise, not exempt.
  if (predicted.size) result.precision = hits / predicted.size;
  return result;
}

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);
const share = (rs: ItemResult[], test: (r: ItemResult) => boolean) => (rs.length ? rs.filter(test).length / rs.length : 0);

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export interface LatencySummary {
  p50: number;
  p95: number;
  max: number;
}

export function latencySummary(values: readonly number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? 0 };
}

/** Figures over a group of answerable items. */
export interface AnswerableFigures {
  items: number;
  /** Mean keyword share over items with keywords; a refused item scores 0. */
  keywordAccuracy: number;
  /** Share of items with keywords whose answer holds all of them. */
  allKeywords: number;
  /** Mean over items with gold references; a refused item scores 0. */
  refRecall: number;
  /** Mean over answers that print references. */
  refPrecision: number;
  falseRefusals: number;
  /** Share answered as the kind requires (claim: found; cross: from every expected review). */
  correct: number;
}

export interface RefusalFigures {
  items: number;
  correctRefusals: number;
}

export interface AnswerSummary {
  items: number;
  answerable: AnswerableFigures;
  byKind: Record<"text" | "table" | "lookup" | "claim" | "cross", AnswerableFigures>;
  followUps: AnswerableFigures;
  /** Claim items: not refused and at least one gold reference among the answer's references. */
  claimFound: number;
  /** Cross items: the answer's `[n]` markers cite every expected review. */
  crossFromEveryReview: number;
  unanswerable: RefusalFigures & {
    plain: RefusalFigures;
    nearMiss: RefusalFigures & {
      /** Share of near-miss items declined with reason.code "value_not_reported"; null while no payload carries a reason. */
      valueNotReported: number | null;
    };
  };
  latencyMs: LatencySummary;
}

function answerableFigures(rs: ItemResult[]): AnswerableFigures {
  const withKeywords = rs.filter((r) => r.item.answerable && r.item.keywords.length);
  const withRefs = rs.filter((r) => goldRefs(r.item).size);
  return {
    items: rs.length,
    keywordAccuracy: mean(withKeywords.map((r) => r.keywordShare ?? 0)),
    allKeywords: share(withKeywords, (r) => r.keywordShare === 1),
    refRecall: mean(withRefs.map((r) => r.recall ?? 0)),
    refPrecision: mean(rs.flatMap((r) => (r.precision === undefined ? [] : [r.precision]))),
    falseRefusals: share(rs, (r) => r.payload.refused),
    correct: share(rs, (r) => r.correct),
  };
}

const refusals = (rs: ItemResult[]): RefusalFigures => ({ items: rs.length, correctRefusals: share(rs, (r) => r.payload.refused) });

/** Summarize scored answers per kind. */
export function summarizeAnswers(results: ItemResult[]): AnswerSummary {
  const ofKind = (...kinds: ItemKind[]) => results.filter((r) => kinds.includes(itemKind(r.item)));
  const answerable = results.filter((r) => r.item.answerable);
  const nearMiss = ofKind("near-miss");
  const byKind = Object.fromEntries(
    (["text", "table", "lookup", "claim", "cross"] as const).map((kind) => [kind, answerableFigures(ofKind(kind))]),
  ) as AnswerSummary["byKind"];
  return {
    items: results.length,
    answerable: answerableFigures(answerable),
    byKind,
    followUps: answerableFigures(answerable.filter((r) => r.item.history?.length)),
    claimFound: byKind.claim.correct,
    crossFromEveryReview: byKind.cross.correct,
    unanswerable: {
      ...refusals(ofKind("unanswerable", "near-miss")),
      plain: refusals(ofKind("unanswerable")),
      nearMiss: {
        ...refusals(nearMiss),
        valueNotReported: results.some((r) => reasonCode(r.payload) !== undefined)
          ? share(nearMiss, (r) => r.payload.refused && reasonCode(r.payload) === "value_not_reported")
          : null,
      },
    },
    latencyMs: latencySummary(results.map((r) => r.ms)),
  };
}

/** Whatever answers a question: the in-process Answerer, or an HTTP client of /api/ask. */
export interface AnswersQuestions {
  answer(request: AskRequest): Promise<AnswerPayload>;
}

/**
 * Ask every item once, in order, and score each answer; `beforeEach` runs outside the timing.
 *
 * @example
 * const results = await answerItems(answerer, items);
 * console.log(summarizeAnswers(results).answerable.keywordAccuracy);
 */
export async function answerItems(
  answerer: AnswersQuestions,
  items: readonly DevItem[],
  options: { k?: number; beforeEach?: (item: DevItem) => Promise<void> } = {},
): Promise<ItemResult[]> {
  const results: ItemResult[] = [];
  for (const item of items) {
    await options.beforeEach?.(item);
    const started = performance.now();
    const payload = await answerer.answer({ question: item.question, history: item.history, k: options.k });
    results.push(scoreAnswer(item, payload, performance.now() - started));
  }
  return results;
}

/** Did this result miss in any way worth printing under --verbose? */
export function isMiss(r: ItemResult): boolean {
  if (!r.correct) return true;
  return r.item.answerable && ((r.recall ?? 1) < 1 || (r.precision ?? 1) < 1 || (r.keywordShare ?? 1) < 1);
}

/** The answer figures the CI quality gate holds (bench/quality-thresholds.json). */
export const GATED_ANSWER_FIGURES = {
  min: [
    "answerable.keywordAccuracy",
    "answerable.refRecall",
    "answerable.refPrecision",
    "unanswerable.plain.correctRefusals",
    "unanswerable.nearMiss.correctRefusals",
    // Null (left out) until answers carry a reason; from then on a dropped reason fails the gate.
    "unanswerable.nearMiss.valueNotReported",
    "claimFound",
    "crossFromEveryReview",
  ],
  max: ["answerable.falseRefusals"],
} as const;
