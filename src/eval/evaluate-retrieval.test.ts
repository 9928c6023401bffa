import { describe, expect, it } from "vitest";
import type { DevItem } from "./dev-set.ts";
import { locateItems, retrievalTargets } from "./evaluate-retrieval.ts";

const cross: DevItem = {
  id: "x901",
  question: "What do both papers say about gold?",
  answerable: true,
  kind: "cross",
  expect: [
    { docId: "alpha", passage: "Gold particles carry siRNA.", refs: [1] },
    { docId: "beta", passage: "Gold particles heat tumours.", refs: [2] },
  ],
  keywords: [],
};
const text: DevItem = {
  id: "d901",
  question: "What do gold particles carry?",
  answerable: true,
  docId: "alpha",
  kind: "text",
  passage: "Gold particles carry siRNA.",
  refs: [1],
  keywords: [],
};

describe("retrievalTargets", () => {
  it("expects one passage per answerable item and one per review of a cross-review item", () => {
    expect(retrievalTargets(text)).toEqual([{ id: "d901", question: text.question, docId: "alpha", passage: "Gold particles carry siRNA.", group: "text" }]);
    expect(retrievalTargets(cross).map((t) => [t.id, t.docId, t.group])).toEqual([
      ["x901:alpha", "alpha", "cross"],
      ["x901:beta", "beta", "cross"],
    ]);
    expect(retrievalTargets({ id: "u901", question: "Is it safe?", answerable: false })).toEqual([]);
  });

  it("locates each review's passage on its own", () => {
    const chunks = [{ id: "alpha:0001", docId: "alpha", text: "Intro. Gold particles carry siRNA. More.", section: "", kind: "text", refs: [] }];
    const { located, unlocated } = locateItems([text, cross], chunks as never);
    expect(located.map((t) => t.id)).toEqual(["d901", "x901:alpha"]);
    expect(unlocated.map((t) => t.id)).toEqual(["x901:beta"]);
  });
});
