import { describe, expect, it } from "vitest";
import type { ReferenceEntry } from "../types.ts";
import { referenceEntries } from "./answer-payload.ts";

const entry = (docId: string, n: number): ReferenceEntry & { docId: string } => ({ docId, n, text: `Entry ${n} of ${docId}.`, authors: [], paperKey: `${docId}-${n}` });

describe("referenceEntries", () => {
  it("resolves each cited pair once, in citation order, and skips numbers the list lacks", () => {
    const lookup = (docId: string, n: number) => (n <= 50 ? entry(docId, n) : undefined);
    const cited = [
      { docId: "a", n: 7 },
      { docId: "b", n: 7 },
      { docId: "a", n: 7 },
      { docId: "a", n: 99 },
      { docId: "a", n: 3 },
    ];
    expect(referenceEntries(lookup, cited).map((ref) => `${ref.docId}#${ref.n}`)).toEqual(["a#7", "b#7", "a#3"]);
  });
});
