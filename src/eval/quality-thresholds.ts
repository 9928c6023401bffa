// The CI quality gate's thresholds (bench/quality-thresholds.json): per evaluation, floors ("min")
// and ceilings ("max") for figures named by their path in the evaluation's summary
// ("answerable.keywordAccuracy", "hybrid.hit5"). Written from a measured run, checked by
// bench/quality-gate.test.ts.
import fs from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../config.ts";

export const QUALITY_THRESHOLDS_FILE = path.join(PROJECT_ROOT, "bench", "quality-thresholds.json");

export interface ThresholdSection {
  min: Record<string, number>;
  max: Record<string, number>;
}

export type Evaluation = "answers" | "retrieval";

export interface QualityThresholds {
  about: string;
  /** The QA set the thresholds were measured on. */
  set: string;
  answers: ThresholdSection;
  retrieval: ThresholdSection;
}

/** Which figures the gate holds: higher is better for `min`, lower is better for `max`. */
export interface GatedFigures {
  min: readonly string[];
  max: readonly string[];
}

const ABOUT =
  "Floors (min) and ceilings (max) that bench/quality-gate.test.ts holds the test part to. Written from a measured run " +
  "(floors rounded down, ceilings up, to 3 decimals) by `npm run eval:answers -- --set test --write-thresholds` and " +
  "`npm run eval:retrieval -- --set test --write-thresholds`; rerun both after a change that is meant to move them.";

/** The number at a dotted path ("byKind.claim.correct"), or undefined when there is none. */
export function figureAt(summary: unknown, dotted: string): number | undefined {
  let value: unknown = summary;
  for (const key of dotted.split(".")) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** Today's figures as thresholds; figures the summary lacks (no items of that kind) are left out. */
export function thresholdsFrom(summary: unknown, gated: GatedFigures): ThresholdSection {
  const section: ThresholdSection = { min: {}, max: {} };
  for (const key of gated.min) {
    const value = figureAt(summary, key);
    if (value !== undefined) section.min[key] = Math.floor(value * 1000 + 1e-9) / 1000;
  }
  for (const key of gated.max) {
    const value = figureAt(summary, key);
    if (value !== undefined) section.max[key] = Math.ceil(value * 1000 - 1e-9) / 1000;
  }
  return section;
}

/**
 * The thresholds the summary breaks, one line each; a figure the summary lacks breaks its threshold.
 *
 * @example
 * checkThresholds({ answerable: { keywordAccuracy: 0.8 } }, { min: { "answerable.keywordAccuracy": 0.85 }, max: {} });
 * // ["answerable.keywordAccuracy 0.800 < 0.850"]
 */
export function checkThresholds(summary: unknown, section: ThresholdSection): string[] {
  const broken: string[] = [];
  const check = (key: string, limit: number, fails: (value: number) => boolean, sign: string) => {
    const value = figureAt(summary, key);
    if (value === undefined) broken.push(`${key} missing (threshold ${limit})`);
    else if (fails(value)) broken.push(`${key} ${value.toFixed(3)} ${sign} ${limit.toFixed(3)}`);
  };
  for (const [key, limit] of Object.entries(section.min)) check(key, limit, (v) => v < limit, "<");
  for (const [key, limit] of Object.entries(section.max)) check(key, limit, (v) => v > limit, ">");
  return broken;
}

export function readThresholds(file = QUALITY_THRESHOLDS_FILE): QualityThresholds {
  return JSON.parse(fs.readFileSync(file, "utf8")) as QualityThresholds;
}

/** Replace one evaluation's thresholds in the file, keeping the other's. */
export function writeThresholds(evaluation: Evaluation, set: string, section: ThresholdSection, file = QUALITY_THRESHOLDS_FILE): void {
  const empty: ThresholdSection = { min: {}, max: {} };
  const current: QualityThresholds = fs.existsSync(file) ? readThresholds(file) : { about: ABOUT, set, answers: empty, retrieval: empty };
  const next: QualityThresholds = { ...current, about: ABOUT, set, [evaluation]: section };
  fs.writeFileSync(file, `${JSON.stringify(next, null, 2)}\n`);
}
