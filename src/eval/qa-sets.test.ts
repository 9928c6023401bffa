import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ReviewChatError } from "../errors.ts";
import { QA_SET_FILES, loadQaSelection, readQuestions, resolveQaSets } from "./qa-sets.ts";

describe("resolveQaSets", () => {
  it("reports the two parts side by side by default, or one, or both as one set", () => {
    expect(resolveQaSets().map((s) => s.name)).toEqual(["tune", "test"]);
    expect(resolveQaSets("test")).toEqual([{ name: "test", files: [QA_SET_FILES.test] }]);
    expect(resolveQaSets("fresh")).toEqual([{ name: "fresh", files: [QA_SET_FILES.fresh] }]);
    expect(fs.existsSync(QA_SET_FILES.fresh)).toBe(true);
    expect(resolveQaSets("holdout")).toEqual([{ name: "holdout", files: [QA_SET_FILES.holdout] }]);
    expect(fs.existsSync(QA_SET_FILES.holdout)).toBe(true);
    expect(resolveQaSets("all")).toEqual([{ name: "all", files: [QA_SET_FILES.tune, QA_SET_FILES.test] }]);
    expect(resolveQaSets("extra/my-questions.jsonl")).toEqual([{ name: "my-questions", files: [path.resolve("extra/my-questions.jsonl")] }]);
  });

  it("rejects anything else with a clear error", () => {
    const error = (() => {
      try {
        resolveQaSets("dev");
      } catch (e) {
        return e;
      }
    })();
    expect(ReviewChatError.isInstance(error) && error.code).toBe("bad_request");
    expect((error as Error).message).toMatch(/tune, test, fresh, holdout, blind, both, all or a \.jsonl file/);
  });
});

describe("loading a selection", () => {
  it("concatenates the files in order, items and questions alike", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qa-sets-"));
    const a = path.join(dir, "a.jsonl");
    const b = path.join(dir, "b.jsonl");
    fs.writeFileSync(a, `{"id":"u901","question":"Is the moon made of cheese?","answerable":false}\n`);
    const history = [
      { role: "user", content: "What is MRX34?" },
      { role: "assistant", content: "A miR-34a mimic." },
    ];
    fs.writeFileSync(b, `${JSON.stringify({ id: "u902", question: "Why was it stopped?", answerable: false, history })}\n`);
    const selection = { name: "ab", files: [a, b] };
    expect((await loadQaSelection(selection)).map((i) => i.id)).toEqual(["u901", "u902"]);
    expect(readQuestions(selection)).toEqual([{ question: "Is the moon made of cheese?" }, { question: "Why was it stopped?", history }]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
