import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkThresholds, figureAt, readThresholds, thresholdsFrom, writeThresholds } from "./quality-thresholds.ts";

const summary = { answerable: { keywordAccuracy: 0.81234, falseRefusals: 0.02111 }, byKind: { cross: { items: 0 } } };

describe("quality thresholds", () => {
  it("reads figures by dotted path", () => {
    expect(figureAt(summary, "answerable.keywordAccuracy")).toBe(0.81234);
    expect(figureAt(summary, "answerable.missing")).toBeUndefined();
    expect(figureAt(summary, "byKind.cross")).toBeUndefined();
  });

  it("rounds floors down and ceilings up, so today's figures pass their own thresholds", () => {
    const section = thresholdsFrom(summary, { min: ["answerable.keywordAccuracy", "nowhere.figure"], max: ["answerable.falseRefusals"] });
    expect(section).toEqual({ min: { "answerable.keywordAccuracy": 0.812 }, max: { "answerable.falseRefusals": 0.022 } });
    expect(checkThresholds(summary, section)).toEqual([]);
  });

  it("names every figure below its floor, above its ceiling or missing", () => {
    const broken = checkThresholds(
      { answerable: { keywordAccuracy: 0.7, falseRefusals: 0.1 } },
      { min: { "answerable.keywordAccuracy": 0.812, "claimFound": 0.5 }, max: { "answerable.falseRefusals": 0.05 } },
    );
    expect(broken).toEqual([
      "answerable.keywordAccuracy 0.700 < 0.812",
      "claimFound missing (threshold 0.5)",
      "answerable.falseRefusals 0.100 > 0.050",
    ]);
  });

  it("writes one evaluation's section and keeps the other's", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "thresholds-")), "t.json");
    writeThresholds("answers", "test", { min: { a: 0.5 }, max: {} }, file);
    writeThresholds("retrieval", "test", { min: { "hybrid.hit5": 0.9 }, max: {} }, file);
    const written = readThresholds(file);
    expect(written.answers.min).toEqual({ a: 0.5 });
    expect(written.retrieval.min).toEqual({ "hybrid.hit5": 0.9 });
    expect(written.about).toMatch(/--write-thresholds/);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });
});
