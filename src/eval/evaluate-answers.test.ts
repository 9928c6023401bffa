import { describe, expect, it } from "vitest";
import type { AnswerPayload, AnswerReference, AnswerSource } from "../answer/answer-payload.ts";
import type { DevItem } from "./dev-set.ts";
import { answerItems, citedDocIds, isMiss, scoreAnswer, summarizeAnswers } from "./evaluate-answers.ts";

const source = (n: number, docId: string): AnswerSource => ({
  n,
  id: `${docId}:000${n}`,
  docId,
  docTitle: docId,
  section: "Body",
  kind: "text",
  text: "…",
  refs: [],
  score: 1,
});
const reference = (docId: string, n: number): AnswerReference => ({
  docId,
  n,
  label: null,
  text: "",
  authors: [],
  title: null,
  journal: null,
  year: null,
  doi: null,
  url: null,
});
const payload = (answer: string, extra: Partial<AnswerPayload> = {}): AnswerPayload => ({
  answer,
  refused: false,
  mode: "extractive",
  sources: [source(1, "alpha"), source(2, "beta")],
  references: [],
  ...extra,
});
const refused = (extra: Record<string, unknown> = {}) => ({ ...payload("The papers do not say."), refused: true, ...extra }) as AnswerPayload;

const textItem: DevItem = {
  id: "d900",
  question: "What do gold particles carry?",
  answerable: true,
  docId: "alpha",
  kind: "text",
  passage: "Gold particles carry siRNA into tumour cells (12, 13).",
  refs: [12, 13],
  keywords: ["siRNA", "tumour cells"],
};
const claimItem: DevItem = { ...textItem, id: "c900", kind: "claim", question: "Which references support the claim that gold particles deliver siRNA?" };
const crossItem: DevItem = {
  id: "x900",
  question: "What do both papers say about gold particles?",
  answerable: true,
  kind: "cross",
  expect: [
    { docId: "alpha", passage: "Gold particles carry siRNA.", refs: [12] },
    { docId: "beta", passage: "Gold particles heat tumours.", refs: [4] },
  ],
  keywords: [],
};
const plain: DevItem = { id: "u900", question: "What is the boiling point of gold?", answerable: false };
const nearMiss: DevItem = {
  id: "m900",
  question: "What dose of gold particles was given?",
  answerable: false,
  kind: "near-miss",
  entity: "gold particles",
  valueKind: "dose",
};

describe("scoreAnswer", () => {
  it("scores keywords loosely, references by document and number", () => {
    const r = scoreAnswer(textItem, payload("They carry SIRNA into tumour\ncells [1].", { references: [reference("alpha", 12), reference("beta", 12)] }), 5);
    expect(r).toMatchObject({ keywordShare: 1, recall: 0.5, precision: 0.5, correct: true, ms: 5 });
  });

  it("counts a refused answerable item as a miss with no keyword or reference figures", () => {
    const r = scoreAnswer(textItem, refused(), 5);
    expect(r.correct).toBe(false);
    expect(r.keywordShare).toBeUndefined();
    expect(isMiss(r)).toBe(true);
  });

  it("finds a claim only with a gold reference", () => {
    expect(scoreAnswer(claimItem, payload("Gold carries siRNA [1].", { references: [reference("alpha", 13)] }), 1).correct).toBe(true);
    expect(scoreAnswer(claimItem, payload("Gold carries siRNA [1].", { references: [reference("alpha", 40)] }), 1).correct).toBe(false);
    expect(scoreAnswer(claimItem, refused({ references: [reference("alpha", 13)] }), 1).correct).toBe(false);
  });

  it("credits a cross-review answer only when its markers cite every expected review", () => {
    expect(scoreAnswer(crossItem, payload("Alpha says so [1]; beta too [2]."), 1).correct).toBe(true);
    expect(scoreAnswer(crossItem, payload("Alpha says so [1, 2]."), 1).correct).toBe(true);
    expect(scoreAnswer(crossItem, payload("Alpha says so [1]."), 1).correct).toBe(false);
    // A source listed but not cited does not count.
    expect(scoreAnswer(crossItem, payload("Nothing cited."), 1).correct).toBe(false);
    const oneReview: DevItem = { ...crossItem, expect: [crossItem.expect[0]!] };
    expect(scoreAnswer(oneReview, payload("Only alpha covers it [1]."), 1).correct).toBe(true);
    expect(scoreAnswer(oneReview, refused({ answer: "Only alpha covers it [1]." }), 1).correct).toBe(false);
  });

  it("credits unanswerable items for declining", () => {
    expect(scoreAnswer(plain, refused(), 1).correct).toBe(true);
    expect(scoreAnswer(nearMiss, payload("Gold particles were studied [1]."), 1).correct).toBe(false);
  });
});

describe("citedDocIds", () => {
  it("maps [n] markers, lists and ranges to their sources' documents, ignoring markers with no source", () => {
    expect([...citedDocIds(payload("See [2] and [9]."))]).toEqual(["beta"]);
    expect([...citedDocIds(payload("See [1–2]."))].sort()).toEqual(["alpha", "beta"]);
  });
});

describe("summarizeAnswers", () => {
  it("reports per kind, plain and near-miss refusals, and value_not_reported only once payloads carry a reason", () => {
    const results = [
      scoreAnswer(textItem, payload("siRNA only [1].", { references: [reference("alpha", 12)] }), 10),
      scoreAnswer(claimItem, payload("Gold carries siRNA [1].", { references: [reference("alpha", 13)] }), 20),
      scoreAnswer(crossItem, payload("Alpha says so [1]."), 30),
      scoreAnswer(plain, refused(), 40),
      scoreAnswer(nearMiss, refused(), 50),
    ];
    const summary = summarizeAnswers(results);
    expect(summary.items).toBe(5);
    expect(summary.byKind.text).toMatchObject({ items: 1, keywordAccuracy: 0.5, allKeywords: 0, refRecall: 0.5, refPrecision: 1 });
    expect(summary.answerable.items).toBe(3);
    expect(summary.claimFound).toBe(1);
    expect(summary.crossFromEveryReview).toBe(0);
    expect(summary.unanswerable).toMatchObject({ items: 2, correctRefusals: 1, plain: { items: 1 }, nearMiss: { items: 1, valueNotReported: null } });
    expect(summary.latencyMs).toEqual({ p50: 30, p95: 50, max: 50 });

    const withReason = summarizeAnswers([scoreAnswer(nearMiss, refused({ reason: { code: "value_not_reported" } }), 1), scoreAnswer(nearMiss, refused(), 1)]);
    expect(withReason.unanswerable.nearMiss.valueNotReported).toBe(0.5);
  });
});

describe("answerItems", () => {
  it("asks each item with its history and scores the answers in order", async () => {
    const asked: string[] = [];
    const answerer = {
      answer: async (request: { question: string }) => {
        asked.push(request.question);
        return request.question === plain.question ? refused() : payload("siRNA reaches tumour cells [1].", { references: [reference("alpha", 12)] });
      },
    };
    const results = await answerItems(answerer, [textItem, plain]);
    expect(asked).toEqual([textItem.question, plain.question]);
    expect(results.map((r) => r.correct)).toEqual([true, true]);
  });
});
