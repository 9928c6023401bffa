// The parts of the QA questions: the tuning part (answer heuristics may be tuned on it), the held-out
// test part (measured, never tuned on), and the fresh, holdout and blind parts (each written later by someone
// who had not read the answer code; measured on request only; the blind part only when a session closes). `--set` on the evaluation commands picks them.
import fs from "node:fs";
import path from "node:path";
import type { ChatTurn } from "../answer/answer-payload.ts";
import { PROJECT_ROOT } from "../config.ts";
import { badRequest } from "../errors.ts";
import { type DevItem, loadDevSet } from "./dev-set.ts";

export const QA_SET_FILES = {
  tune: path.join(PROJECT_ROOT, "bench", "qa-tune.jsonl"),
  test: path.join(PROJECT_ROOT, "bench", "qa-test.jsonl"),
  fresh: path.join(PROJECT_ROOT, "bench", "qa-fresh.jsonl"),
  holdout: path.join(PROJECT_ROOT, "bench", "qa-holdout.jsonl"),
  blind: path.join(PROJECT_ROOT, "bench", "qa-blind.jsonl"),
} as const;

export type QaSetName = keyof typeof QA_SET_FILES;

/** A named set of question files, evaluated together. */
export interface QaSelection {
  name: string;
  files: string[];
}

/**
 * What `--set` selects: "tune", "test", "fresh", "holdout" or "blind" (one part), "all" (tune and test as one set),
 * "both" (tune and test each on its own, reported side by side; the default) or a path to another JSONL
 * file. The fresh, holdout and blind parts stay out of "both" and "all" so that they are read only when asked for.
 *
 * @example
 * resolveQaSets("both"); // [{ name: "tune", files: [".../qa-tune.jsonl"] }, { name: "test", … }]
 */
export function resolveQaSets(set = "both"): QaSelection[] {
  if (Object.hasOwn(QA_SET_FILES, set)) return [{ name: set, files: [QA_SET_FILES[set as QaSetName]] }];
  if (set === "both") return (["tune", "test"] as const).map((name) => ({ name, files: [QA_SET_FILES[name]] }));
  if (set === "all") return [{ name: "all", files: [QA_SET_FILES.tune, QA_SET_FILES.test] }];
  if (!set.endsWith(".jsonl")) throw badRequest(`--set must be tune, test, fresh, holdout, blind, both, all or a .jsonl file; got "${set}"`);
  return [{ name: path.basename(set, ".jsonl"), files: [path.resolve(set)] }];
}

/** Every item of the selection's files, in file order. */
export async function loadQaSelection(selection: QaSelection): Promise<DevItem[]> {
  return (await Promise.all(selection.files.map((file) => loadDevSet(file)))).flat();
}

/**
 * The questions (with their history) of the selection's files, read as they are, for the latency and
 * load benchmarks, which need only something realistic to ask.
 */
export function readQuestions(selection: QaSelection): { question: string; history?: ChatTurn[] }[] {
  return selection.files.flatMap((file) =>
    fs
      .readFileSync(file, "utf8")
      .split("\n")
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as { question: string; history?: ChatTurn[] })
      .map(({ question, history }) => ({ question, ...(history ? { history } : {}) })),
  );
}
