import { describe, expect, it } from "vitest";
import { readAnswerPayload, readReason } from "./read-answer-payload.ts";

describe("readReason", () => {
  it("keeps a value_not_reported reason with its entity and value kind", () => {
    const reason = { code: "value_not_reported", message: "The reviews discuss X but do not report its dose.", entity: "X", valueKind: "dose" };
    expect(readReason(reason)).toEqual(reason);
  });

  it("reads an unknown code as not_covered and drops a reason without a message", () => {
    expect(readReason({ code: "something_new", message: "Declined." })).toEqual({ code: "not_covered", message: "Declined." });
    expect(readReason({ code: "value_not_reported" })).toBeUndefined();
    expect(readReason("value_not_reported")).toBeUndefined();
  });
});

describe("readAnswerPayload", () => {
  it("carries the reason of a refused answer only", () => {
    const reason = { code: "not_covered", message: "The reviews do not cover this question." };
    expect(readAnswerPayload({ answer: "…", refused: true, reason }).reason).toEqual(reason);
    expect(readAnswerPayload({ answer: "…", refused: false, reason })).not.toHaveProperty("reason");
  });
});
