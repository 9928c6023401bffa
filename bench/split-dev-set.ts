// Splits the old development set (bench/qa-dev.jsonl, 166 items) into a tuning part and a held-out test
// part, and checks both parts against the corpus.
//
//   node --import tsx bench/split-dev-set.ts            # split: (re)writes the old items in both parts
//   node --import tsx bench/split-dev-set.ts --check    # check bench/qa-tune.jsonl, qa-test.jsonl, qa-fresh.jsonl, qa-holdout.jsonl and qa-blind.jsonl
//
// The old set is read from git (commit OLD_SET_COMMIT, before it was deleted); the items written since (new
// ids and kinds) are kept in each part, after the old ones.
//
// The split is by passage: items whose passages overlap (one contains the other or they share a 6-word run)
// form one group, and a group goes to one part whole. Within each stratum (kind × review, follow-ups and
// unanswerable items on their own) the groups are ordered by a seeded hash of their normalised passage
// (unanswerable items: of the question) and the first ~60 % of items go to the tuning part.
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { normalizeForMatch } from "../src/eval/dev-set.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BENCH = path.join(ROOT, "bench");
const SEED = "issue-11-split-v1";
const OLD_SET_COMMIT = "c71cf23";
/** The old set's highest ids: items above them (and the new kinds) were written for the two parts. */
const OLD_MAX = { d: 141, u: 25 } as const;
const TUNE_SHARE = 0.6;
/** Word-run length at which two passages count as overlapping. */
const OVERLAP_RUN = 6;
/** Longest word run a question may copy from its passage (rule: never 5 or more). */
const MAX_COPIED_RUN = 4;

interface Expectation {
  docId: string;
  passage: string;
  refs: number[];
}
interface Item {
  id: string;
  question: string;
  answerable: boolean;
  kind?: string;
  docId?: string;
  passage?: string;
  refs?: number[];
  keywords?: string[];
  history?: unknown[];
  lookup?: { docId: string; numbers: number[] };
  expect?: Expectation[];
  entity?: string;
  valueKind?: string;
}

const VALUE_KINDS = new Set([
  "dose", "schedule", "duration", "hazard-ratio", "ic50", "size", "zeta-potential", "percentage", "count", "year", "p-value",
]);

const parseItems = (text: string): Item[] =>
  text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Item);

const readItems = (file: string): Item[] => (existsSync(file) ? parseItems(readFileSync(file, "utf8")) : []);

function isOldItem(x: Item): boolean {
  const m = /^([du])(\d{3})$/.exec(x.id);
  return m !== null && Number(m[2]) <= OLD_MAX[m[1] as "d" | "u"] && ["text", "table", "lookup", undefined].includes(x.kind);
}

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

function wordRuns(text: string, n: number): Set<string> {
  const w = words(text);
  const runs = new Set<string>();
  for (let i = 0; i + n <= w.length; i++) runs.add(w.slice(i, i + n).join(" "));
  return runs;
}

/** Do two passages overlap: one holds the other (normalised), or they share a run of OVERLAP_RUN words? */
function overlaps(a: string, b: string): boolean {
  const na = normalizeForMatch(a);
  const nb = normalizeForMatch(b);
  if (na.includes(nb) || nb.includes(na)) return true;
  const runs = wordRuns(a, OVERLAP_RUN);
  for (const run of wordRuns(b, OVERLAP_RUN)) if (runs.has(run)) return true;
  return false;
}

const passagesOf = (x: Item): string[] => [...(x.passage ? [x.passage] : []), ...(x.expect ?? []).map((e) => e.passage)];

const hash = (text: string) => createHash("sha256").update(`${SEED}:${text}`).digest("hex");

function stratum(x: Item): string {
  if (!x.answerable) return "unanswerable";
  if (x.history) return "follow-up";
  return `${x.kind}/${x.docId}`;
}

function split(items: Item[]): { tune: Item[]; test: Item[] } {
  // Union-find over overlapping passages.
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const pi = passagesOf(items[i]!);
      const pj = passagesOf(items[j]!);
      if (pi.some((a) => pj.some((b) => overlaps(a, b)))) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, Item[]>();
  items.forEach((x, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), x]));

  const byStratum = new Map<string, { key: string; members: Item[] }[]>();
  for (const members of groups.values()) {
    const keys = members.map((x) => normalizeForMatch(x.passage ?? x.question)).sort();
    const s = stratum(members[0]!);
    byStratum.set(s, [...(byStratum.get(s) ?? []), { key: hash(keys[0]!), members }]);
  }
  const tuneIds = new Set<string>();
  for (const groupsInStratum of byStratum.values()) {
    const total = groupsInStratum.reduce((n, g) => n + g.members.length, 0);
    const target = Math.round(total * TUNE_SHARE);
    let taken = 0;
    for (const g of groupsInStratum.sort((a, b) => a.key.localeCompare(b.key))) {
      if (taken >= target) break;
      g.members.forEach((x) => tuneIds.add(x.id));
      taken += g.members.length;
    }
  }
  return { tune: items.filter((x) => tuneIds.has(x.id)), test: items.filter((x) => !tuneIds.has(x.id)) };
}

// ---- checking ---------------------------------------------------------------------------------------

const SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/** A review's text: raw, whitespace-collapsed (with each collapsed character's raw offset) and normalised. */
function corpusText(docId: string): { raw: string; flat: string; rawOffset: number[]; norm: string } {
  const file = readdirSync(path.join(ROOT, "corpus")).find((f) => f.startsWith(`${docId}-`));
  if (!file) throw new Error(`no corpus file for ${docId}`);
  const raw = readFileSync(path.join(ROOT, "corpus", file), "utf8");
  let flat = "";
  const rawOffset: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const space = /\s/.test(raw[i]!);
    if (space && (flat === "" || flat.endsWith(" "))) continue;
    flat += space ? " " : raw[i];
    rawOffset.push(i);
  }
  return { raw, flat, rawOffset, norm: normalizeForMatch(flat) };
}

/** Reference numbers printed in a stretch of text: "(12)", "(1–3)", "(19, 20)", "¹⁷⁻¹⁹", "^{74,89}", a table's last cell. */
function printedNumbers(text: string): number[] {
  const lists: string[] = [];
  for (const m of text.matchAll(/\((\d{1,3}(?:\s*[–-]\s*\d{1,3})?(?:\s*,\s*\d{1,3}(?:\s*[–-]\s*\d{1,3})?)*)\)/g)) lists.push(m[1]!);
  for (const m of text.matchAll(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:[⁻,][⁰¹²³⁴⁵⁶⁷⁸⁹]+)*/g)) {
    lists.push(m[0].replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]/g, (c) => (c === "⁻" ? "-" : String(SUPERSCRIPTS.indexOf(c)))));
  }
  for (const m of text.matchAll(/\^\{([\d,\s–-]+)\}/g)) lists.push(m[1]!);
  for (const m of text.matchAll(/\t(\d{1,3}(?:, ?\d{1,3})*)[ \t]*$/gm)) lists.push(m[1]!);
  const numbers: number[] = [];
  for (const part of lists.join(",").split(",")) {
    const [from, to] = part.split(/[–-]/).map((s) => Number(s.trim()));
    if (!Number.isInteger(from)) continue;
    if (to === undefined || !Number.isInteger(to) || to < from! || to - from! > 30) numbers.push(from!);
    else for (let n = from!; n <= to; n++) numbers.push(n);
  }
  return numbers;
}

/** Problems with one passage: not verbatim (normalised), or refs not printed within 300 characters after it. */
function passageProblems(docId: string, passage: string, refs: number[], corpora: Map<string, ReturnType<typeof corpusText>>) {
  const doc = corpora.get(docId);
  if (!doc) return [`unknown docId ${docId}`];
  const problems: string[] = [];
  const norm = normalizeForMatch(passage);
  if (!doc.norm.includes(norm)) return [`passage not in ${docId}: "${passage.slice(0, 60)}…"`];
  const flatPassage = passage.replace(/\s+/g, " ").trim();
  const at = doc.flat.indexOf(flatPassage);
  if (at < 0) problems.push(`passage only matches after normalisation: "${passage.slice(0, 60)}…"`);
  else {
    // The raw text keeps tabs and line ends, so a table row's last cell (its References column) is found.
    const rawEnd = doc.rawOffset[Math.min(doc.flat.length - 1, at + flatPassage.length + 300)]!;
    const printed = new Set(printedNumbers(doc.raw.slice(doc.rawOffset[at], rawEnd)));
    const missing = refs.filter((n) => !printed.has(n));
    if (missing.length > 0) problems.push(`refs ${missing.join(",")} not printed near "${passage.slice(0, 50)}…"`);
  }
  const n = words(passage).length;
  if (n < 10 || n > 60) problems.push(`passage has ${n} words`);
  return problems;
}

function itemProblems(x: Item, corpora: Map<string, ReturnType<typeof corpusText>>): string[] {
  const problems: string[] = [];
  for (const p of passagesOf(x)) {
    const copied = [...wordRuns(x.question, MAX_COPIED_RUN + 1)].find((run) => wordRuns(p, MAX_COPIED_RUN + 1).has(run));
    if (copied && !isOldItem(x)) problems.push(`question copies "${copied}"`);
  }
  if (x.passage && x.docId && x.kind !== "lookup") problems.push(...passageProblems(x.docId, x.passage, x.refs ?? [], corpora));
  for (const e of x.expect ?? []) problems.push(...passageProblems(e.docId, e.passage, e.refs, corpora));
  for (const k of x.keywords ?? []) {
    if (!passagesOf(x).some((p) => normalizeForMatch(p).includes(normalizeForMatch(k)))) problems.push(`keyword "${k}" not in passage`);
  }
  if (x.kind === "near-miss") {
    if (x.answerable || !x.entity || !VALUE_KINDS.has(x.valueKind ?? "")) problems.push("near-miss needs entity and a known valueKind");
    const mentioned = [...corpora.values()].some((d) => d.norm.includes(normalizeForMatch(x.entity ?? "")));
    if (!mentioned) problems.push(`near-miss entity "${x.entity}" is not in the corpus`);
  }
  if (x.kind === "claim" && (!x.refs || x.refs.length === 0)) problems.push("claim without refs");
  if (x.kind === "cross" && (!x.expect || x.expect.length < 1 || x.expect.length > 2)) problems.push("cross needs 1–2 expect entries");
  const prefix = { "near-miss": "m", claim: "c", cross: "x" }[x.kind ?? ""] ?? (x.answerable ? "d" : "u");
  if (!new RegExp(`^${prefix}\\d{3}$`).test(x.id)) problems.push(`id should be ${prefix}###`);
  return problems;
}

function check(): number {
  const corpora = new Map(["guan2024", "verma2024"].map((id) => [id, corpusText(id)]));
  const tune = readItems(path.join(BENCH, "qa-tune.jsonl"));
  const test = readItems(path.join(BENCH, "qa-test.jsonl"));
  const fresh = readItems(path.join(BENCH, "qa-fresh.jsonl"));
  const holdout = readItems(path.join(BENCH, "qa-holdout.jsonl"));
  const blind = readItems(path.join(BENCH, "qa-blind.jsonl"));
  let failures = 0;
  const report = (where: string, problem: string) => {
    failures++;
    console.log(`${where}: ${problem}`);
  };
  const all = [...tune, ...test, ...fresh, ...holdout, ...blind];
  const ids = all.map((x) => x.id);
  for (const id of ids.filter((id, i) => ids.indexOf(id) !== i)) report(id, "duplicate id");
  for (const x of all) for (const p of itemProblems(x, corpora)) report(x.id, p);
  // Each later part is checked against every earlier one: test against tune, fresh against both, holdout
  // against all three, blind against all four.
  const tuning = { name: "tuning", items: tune };
  const testing = { name: "test", items: test };
  const earlier = [
    { part: test, against: [tuning] },
    { part: fresh, against: [tuning, testing] },
    { part: holdout, against: [tuning, testing, { name: "fresh", items: fresh }] },
    { part: blind, against: [tuning, testing, { name: "fresh", items: fresh }, { name: "holdout", items: holdout }] },
  ];
  for (const { part, against } of earlier) {
    for (const { name, items } of against) {
      const passages = items.flatMap(passagesOf);
      for (const x of part) {
        for (const p of passagesOf(x)) {
          const clash = passages.find((t) => overlaps(p, t));
          if (clash) report(x.id, `passage overlaps a ${name} passage: "${clash.slice(0, 60)}…"`);
        }
      }
    }
  }
  for (const [name, part] of [["tune", tune], ["test", test], ["fresh", fresh], ["holdout", holdout], ["blind", blind]] as const) {
    const counts = new Map<string, number>();
    for (const x of part) {
      const k = x.kind ?? "unanswerable";
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    console.log(`${name}: ${part.length} items`, Object.fromEntries(counts));
  }
  console.log(failures === 0 ? "check passed" : `${failures} problem(s)`);
  return failures === 0 ? 0 : 1;
}

if (process.argv.includes("--check")) {
  process.exitCode = check();
} else {
  const old = parseItems(execFileSync("git", ["show", `${OLD_SET_COMMIT}:bench/qa-dev.jsonl`], { cwd: ROOT, encoding: "utf8" }));
  const parts = split(old);
  for (const name of ["tune", "test"] as const) {
    const file = path.join(BENCH, `qa-${name}.jsonl`);
    const written = readItems(file).filter((x) => !isOldItem(x));
    const lines = [...parts[name], ...written].map((x) => JSON.stringify(x));
    writeFileSync(file, lines.join("\n") + "\n");
    console.log(`${file}: ${parts[name].length} old items, ${written.length} new`);
  }
}
