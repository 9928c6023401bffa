// Validates the QA parts (bench/qa-tune.jsonl, qa-test.jsonl, qa-fresh.jsonl, qa-holdout.jsonl, qa-blind.jsonl) against the real
// corpus: every passage must be findable verbatim, every reference number must be printed next to it,
// questions must paraphrase rather than copy, ids are unique across the parts and no passage is shared
// between them.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { normalizeForMatch } from "../src/eval/dev-set.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CORPUS_DIR = path.join(ROOT, "corpus");
const PARTS = {
  tune: path.join(ROOT, "bench", "qa-tune.jsonl"),
  test: path.join(ROOT, "bench", "qa-test.jsonl"),
  fresh: path.join(ROOT, "bench", "qa-fresh.jsonl"),
  holdout: path.join(ROOT, "bench", "qa-holdout.jsonl"),
  blind: path.join(ROOT, "bench", "qa-blind.jsonl"),
};
type Part = keyof typeof PARTS;

/** How each review prints its in-text citations and its reference-list entries. */
const CITATION_STYLE = {
  guan2024: "parenthesized", // (43), (19, 20), (1–3); list entries "45. Da RM, …"
  verma2024: "superscript", // ¹⁷⁻¹⁹, ^{74,89,90}, table column "…\t56"; list entries "100 D. S. Hong, …"
} as const;
type DocId = keyof typeof CITATION_STYLE;
const DOC_IDS = Object.keys(CITATION_STYLE) as [DocId, ...DocId[]];

/** Characters after the passage start (or 200 after its end, if later) in which its markers must appear. */
const MARKER_WINDOW = 300;
const MARKER_TAIL = 200;

const turn = z.object({ role: z.enum(["user", "assistant"]), content: z.string().min(1) });
const question = z.string().min(10).max(300);
const refs = z.array(z.number().int().positive());
const answerable = z
  .object({
    id: z.string().regex(/^d\d{3}$/),
    question,
    docId: z.enum(DOC_IDS),
    answerable: z.literal(true),
    kind: z.enum(["text", "table", "lookup"]),
    passage: z.string().min(20),
    refs,
    keywords: z.array(z.string().min(1)).min(1).max(4),
    lookup: z.object({ docId: z.enum(DOC_IDS), numbers: z.array(z.number().int().positive()).min(1) }).strict().optional(),
    history: z.array(turn).min(2).max(20).optional(),
  })
  .strict();
/** "Which references support the claim that …?": the claim paraphrased from a cited sentence. */
const claim = answerable
  .omit({ lookup: true, history: true })
  .extend({ id: z.string().regex(/^c\d{3}$/), kind: z.literal("claim"), keywords: z.array(z.string().min(1)).max(4) })
  .strict();
/** A question about both reviews or comparing them: one expected passage per review that covers it. */
const cross = z
  .object({
    id: z.string().regex(/^x\d{3}$/),
    question,
    answerable: z.literal(true),
    kind: z.literal("cross"),
    expect: z.array(z.object({ docId: z.enum(DOC_IDS), passage: z.string().min(20), refs }).strict()).min(1).max(2),
    keywords: z.array(z.string().min(1)).max(4).optional(),
  })
  .strict();
const unanswerable = z
  .object({
    id: z.string().regex(/^u\d{3}$/),
    question,
    answerable: z.literal(false),
    history: z.array(turn).min(2).max(20).optional(),
  })
  .strict();
/** Asks for a value the reviews never report about an entity they do discuss. */
const nearMiss = z
  .object({
    id: z.string().regex(/^m\d{3}$/),
    question,
    answerable: z.literal(false),
    kind: z.literal("near-miss"),
    entity: z.string().min(2),
    valueKind: z.enum(["dose", "schedule", "duration", "hazard-ratio", "ic50", "size", "zeta-potential", "percentage", "count", "year", "p-value"]),
  })
  .strict();
type Answerable = z.infer<typeof answerable>;
type Claim = z.infer<typeof claim>;
type Cross = z.infer<typeof cross>;
type Item = z.infer<typeof answerable | typeof claim | typeof cross | typeof unanswerable | typeof nearMiss> & { part: Part };
/** One passage an item expects: the item's own, or one per review of a cross-review item. */
interface Expectation {
  id: string;
  part: Part;
  docId: DocId;
  passage: string;
  refs: number[];
  kind: Answerable["kind"] | "claim" | "cross";
}

const SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/** Turns superscript digits and the superscript minus into ASCII, e.g. "¹⁷⁻¹⁹" → "17-19". */
function normaliseSuperscripts(text: string): string {
  return text.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]/g, (c) => (c === "⁻" ? "-" : String(SUPERSCRIPT_DIGITS.indexOf(c))));
}

/** "19, 20" → [19, 20]; "1–3" → [1, 2, 3]. */
function expandNumberList(list: string): number[] {
  const numbers: number[] = [];
  for (const part of list.split(",")) {
    const [from, to] = part.split(/[–-]/).map((s) => Number(s.trim()));
    if (from === undefined || !Number.isInteger(from)) continue;
    if (to === undefined || !Number.isInteger(to) || to < from || to - from > 30) numbers.push(from);
    else for (let n = from; n <= to; n++) numbers.push(n);
  }
  return numbers;
}

/** One citation marker: where it starts in the text it was found in and the numbers it cites. */
interface Marker {
  at: number;
  numbers: number[];
}

/** Citation markers inside `raw` (a slice of the corpus file, tabs and newlines intact), in text order. */
function citationMarkers(raw: string, style: (typeof CITATION_STYLE)[DocId]): Marker[] {
  const found: Marker[] = [];
  const add = (at: number, list: string) => found.push({ at, numbers: expandNumberList(list) });
  if (style === "parenthesized") {
    for (const m of raw.matchAll(/\((\d{1,3}(?:\s*[–-]\s*\d{1,3})?(?:\s*,\s*\d{1,3}(?:\s*[–-]\s*\d{1,3})?)*)\)/g)) {
      add(m.index, m[1]!);
    }
  } else {
    for (const m of raw.matchAll(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:[⁻,][⁰¹²³⁴⁵⁶⁷⁸⁹]+)*/g)) add(m.index, normaliseSuperscripts(m[0]));
    for (const m of raw.matchAll(/\^\{([\d,\s–-]+)\}/g)) add(m.index, m[1]!);
    // Tables print the reference in the last tab-separated cell.
    for (const m of raw.matchAll(/\t(\d{1,3}(?:,\s*\d{1,3})*)[ \t]*$/gm)) add(m.index, m[1]!);
  }
  return found.sort((a, b) => a.at - b.at);
}

const collapse = (text: string) => text.replace(/\s+/g, " ").trim();

/** A corpus file with its whitespace-collapsed text and, per collapsed character, its offset in the raw file. */
interface CorpusText {
  raw: string;
  flat: string;
  rawOffset: number[];
  /** Offset in `flat` where the reference list starts. */
  referencesAt: number;
}

function loadCorpusText(docId: DocId): CorpusText {
  const file = readdirSync(CORPUS_DIR).find((name) => name.startsWith(`${docId}-`) && name.endsWith(".txt"));
  if (!file) throw new Error(`no corpus file for ${docId} in ${CORPUS_DIR}`);
  const raw = readFileSync(path.join(CORPUS_DIR, file), "utf8");
  let flat = "";
  const rawOffset: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (/\s/.test(raw[i]!)) {
      if (flat.length === 0 || flat.endsWith(" ")) continue;
      flat += " ";
    } else {
      flat += raw[i];
    }
    rawOffset.push(i);
  }
  const heading = raw.search(/^References\s*$/m);
  if (heading < 0) throw new Error(`${file}: no "References" heading`);
  const referencesAt = rawOffset.findIndex((offset) => offset >= heading);
  return { raw, flat, rawOffset, referencesAt };
}

function hasReferenceEntry(doc: CorpusText, docId: DocId, n: number): boolean {
  const list = doc.raw.slice(doc.rawOffset[doc.referencesAt]);
  const entry =
    CITATION_STYLE[docId] === "parenthesized" ? new RegExp(`^${n}\\. \\S`, "m") : new RegExp(`^(?:- )?${n} \\S`, "m");
  return entry.test(list);
}

/**
 * The markers a passage carries: those inside it, and the first one after it within the window
 * (MARKER_WINDOW from its start or MARKER_TAIL from its end; table rows: up to the row's end, where the
 * References column sits).
 */
function attachedMarkers(doc: CorpusText, docId: DocId, start: number, length: number, kind: Expectation["kind"]) {
  const style = CITATION_STYLE[docId];
  const rawStart = doc.rawOffset[start]!;
  const rawPassageEnd = doc.rawOffset[start + length - 1]! + 1;
  const windowEnd = Math.min(doc.flat.length - 1, Math.max(start + MARKER_WINDOW, start + length + MARKER_TAIL));
  let rawWindowEnd = doc.rawOffset[windowEnd]! + 1;
  if (kind === "table") {
    const rowEnd = doc.raw.indexOf("\n", rawPassageEnd - 1);
    rawWindowEnd = Math.max(rawWindowEnd, rowEnd < 0 ? doc.raw.length : rowEnd);
  }
  const inside = citationMarkers(doc.raw.slice(rawStart, rawPassageEnd), style).flatMap((m) => m.numbers);
  // Step back one character so a table's "\t56" right after the passage still counts.
  const next = citationMarkers(doc.raw.slice(rawPassageEnd - 1, rawWindowEnd), style)[0]?.numbers ?? [];
  return { inside, next };
}

const words = (text: string) => collapse(text).split(" ");
const tokens = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** The first 6-token sequence of `passage` that `question` repeats, if any. */
function sharedSixGram(question: string, passage: string): string | undefined {
  const q = tokens(question);
  const seen = new Set<string>();
  for (let i = 0; i + 6 <= q.length; i++) seen.add(q.slice(i, i + 6).join(" "));
  const p = tokens(passage);
  for (let i = 0; i + 6 <= p.length; i++) {
    const gram = p.slice(i, i + 6).join(" ");
    if (seen.has(gram)) return gram;
  }
  return undefined;
}

const items: Item[] = (Object.keys(PARTS) as Part[]).flatMap((part) =>
  readFileSync(PARTS[part], "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line, i) => {
      // The schema is chosen by kind so that errors name the fields of the right one.
      const json = JSON.parse(line) as { kind?: string; answerable?: boolean };
      const schema =
        json.kind === "claim" ? claim : json.kind === "cross" ? cross : json.kind === "near-miss" ? nearMiss : json.answerable ? answerable : unanswerable;
      try {
        return { ...schema.parse(json), part };
      } catch (error) {
        throw new Error(`${path.basename(PARTS[part])} line ${i + 1}: ${(error as Error).message}`);
      }
    }),
);
const answerables = items.filter((x): x is Answerable & { part: Part } => x.answerable && (x.kind === "text" || x.kind === "table" || x.kind === "lookup"));
const claims = items.filter((x): x is Claim & { part: Part } => x.answerable && x.kind === "claim");
const crosses = items.filter((x): x is Cross & { part: Part } => x.answerable && x.kind === "cross");
const nearMisses = items.filter((x) => !x.answerable && "kind" in x);
const expectations: Expectation[] = [
  ...[...answerables, ...claims].map((x) => ({ id: x.id, part: x.part, docId: x.docId, passage: x.passage, refs: x.refs, kind: x.kind })),
  ...crosses.flatMap((x) => x.expect.map((e) => ({ id: `${x.id}:${e.docId}`, part: x.part, ...e, kind: "cross" as const }))),
];
const corpus = Object.fromEntries(DOC_IDS.map((id) => [id, loadCorpusText(id)])) as Record<DocId, CorpusText>;

/** Do two passages overlap: one holds the other (case, spacing, punctuation ignored) or they share six words in a row? */
function passagesOverlap(a: string, b: string): boolean {
  const [na, nb] = [normalizeForMatch(a), normalizeForMatch(b)];
  return na.includes(nb) || nb.includes(na) || sharedSixGram(a, b) !== undefined;
}

describe("citation marker helpers", () => {
  it("normalise superscripts and expand ranges", () => {
    expect(normaliseSuperscripts("¹⁷⁻¹⁹")).toBe("17-19");
    const numbers = (markers: Marker[]) => markers.flatMap((m) => m.numbers);
    expect(numbers(citationMarkers("growth.¹⁷⁻¹⁹ and ^{74,89,90} x\tcell\t56\n", "superscript"))).toEqual([
      17, 18, 19, 74, 89, 90, 56,
    ]);
    expect(numbers(citationMarkers("risk (1–3). Also (19, 20) and (35, 92)", "parenthesized"))).toEqual([1, 2, 3, 19, 20, 35, 92]);
    expect(citationMarkers("a diameter of (74 ± 2) nm", "parenthesized")).toEqual([]);
  });

  it("flags copied wording", () => {
    expect(sharedSixGram("why do liposomes fuse with cell membranes to facilitate release", "they can fuse with cell membranes to facilitate targeted")).toBe(
      "fuse with cell membranes to facilitate",
    );
    expect(sharedSixGram("What do lipid vesicles merge with?", "they can fuse with cell membranes to facilitate")).toBeUndefined();
  });
});

describe("bench/qa-tune.jsonl, qa-test.jsonl, qa-fresh.jsonl, qa-holdout.jsonl and qa-blind.jsonl", () => {
  it("have ids unique across the parts", () => {
    const ids = items.map((x) => x.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it("have the required mix of questions", () => {
    // The mix is counted over the tuning and test parts, as before the fresh part; the parts written
    // apart from the code (fresh, holdout, blind) each have their own.
    const inSplit = (x: { part: Part }) => x.part === "tune" || x.part === "test";
    const unanswerableCount = items.filter((x) => inSplit(x) && !x.answerable).length - nearMisses.filter(inSplit).length;
    const followUps = items.filter((x) => inSplit(x) && "history" in x && x.history !== undefined);
    const splitAnswerables = answerables.filter(inSplit);
    expect(splitAnswerables.length).toBeGreaterThanOrEqual(55);
    expect(unanswerableCount).toBeGreaterThanOrEqual(12);
    expect(splitAnswerables.filter((x) => x.kind === "table").length).toBeGreaterThanOrEqual(8);
    expect(splitAnswerables.filter((x) => x.kind === "lookup").length).toBeGreaterThanOrEqual(6);
    expect(followUps.length).toBeGreaterThanOrEqual(4);
    expect(followUps.length).toBeLessThanOrEqual(8);
    expect(nearMisses.filter(inSplit).length, "near-miss").toBeGreaterThanOrEqual(10);
    expect(claims.filter(inSplit).length, "claim").toBeGreaterThanOrEqual(5);
    expect(crosses.filter(inSplit).length, "cross").toBeGreaterThanOrEqual(5);
    for (const docId of DOC_IDS) {
      expect(splitAnswerables.filter((x) => x.docId === docId).length, docId).toBeGreaterThanOrEqual(20);
      expect(splitAnswerables.filter((x) => x.docId === docId && x.kind === "table").length, docId).toBeGreaterThanOrEqual(3);
    }
    // The fresh, holdout and blind parts each cover every kind, both reviews and some follow-ups (bench/README.md).
    for (const apart of ["fresh", "holdout", "blind"] as const) {
      const inPart = (x: { part: Part }) => x.part === apart;
      expect(answerables.filter((x) => inPart(x) && x.kind === "table").length, `${apart}: table`).toBeGreaterThanOrEqual(4);
      expect(items.filter((x) => inPart(x) && "history" in x && x.history !== undefined).length, `${apart}: follow-ups`).toBeGreaterThanOrEqual(2);
      expect(nearMisses.filter(inPart).length, `${apart}: near-miss`).toBeGreaterThanOrEqual(10);
      expect(claims.filter(inPart).length, `${apart}: claim`).toBeGreaterThanOrEqual(8);
      expect(crosses.filter(inPart).length, `${apart}: cross`).toBeGreaterThanOrEqual(8);
      for (const docId of DOC_IDS) expect(answerables.filter((x) => inPart(x) && x.docId === docId).length, `${apart}: ${docId}`).toBeGreaterThanOrEqual(8);
    }
    for (const part of Object.keys(PARTS) as Part[]) {
      expect(answerables.filter((x) => x.part === part).length, `${part}: answerable`).toBeGreaterThanOrEqual(20);
      expect(items.filter((x) => x.part === part && !x.answerable).length, `${part}: unanswerable`).toBeGreaterThanOrEqual(10);
    }
  });

  it("share no passage between the parts", () => {
    // Each later part against every earlier one: test against tune, fresh against tune and test, holdout
    // against all three, blind against all four.
    const pairs: [Part, Part][] = [
      ["test", "tune"],
      ["fresh", "tune"],
      ["fresh", "test"],
      ["holdout", "tune"],
      ["holdout", "test"],
      ["holdout", "fresh"],
      ["blind", "tune"],
      ["blind", "test"],
      ["blind", "fresh"],
      ["blind", "holdout"],
    ];
    for (const [later, earlier] of pairs) {
      const before = expectations.filter((e) => e.part === earlier);
      for (const x of expectations.filter((e) => e.part === later)) {
        const shared = before.find((t) => passagesOverlap(t.passage, x.passage));
        expect(shared?.id, `${x.id} shares its passage with ${earlier} item ${shared?.id}`).toBeUndefined();
      }
    }
  });

  it("state follow-ups with a pronoun and a history ending in an assistant turn", () => {
    for (const x of items) {
      if (!("history" in x) || x.history === undefined) continue;
      expect(x.question, x.id).toMatch(/\b(it|its|they|them|their|that|this|those|these)\b/i);
      expect(x.history.at(-1)!.role, x.id).toBe("assistant");
    }
  });

  it("name near-miss entities the reviews discuss", () => {
    const text = normalizeForMatch(DOC_IDS.map((id) => corpus[id].raw).join(" "));
    for (const x of nearMisses) expect(text.includes(normalizeForMatch((x as { entity: string }).entity)), `${x.id}: entity`).toBe(true);
  });

  it("carry keywords from the passages", () => {
    for (const x of [...answerables, ...claims]) {
      for (const keyword of x.keywords) expect(x.passage.toLowerCase(), `${x.id}: keyword`).toContain(collapse(keyword).toLowerCase());
    }
    for (const x of crosses) {
      const passages = x.expect.map((e) => e.passage.toLowerCase()).join(" ");
      for (const keyword of x.keywords ?? []) expect(passages, `${x.id}: keyword`).toContain(collapse(keyword).toLowerCase());
    }
  });

  it("have lookups name the entries asked for", () => {
    for (const x of answerables) {
      if (x.kind === "lookup") {
        expect(x.lookup, `${x.id}: lookup items name the entries asked for`).toBeDefined();
        expect(x.lookup!.docId).toBe(x.docId);
        expect(x.refs).toEqual(x.lookup!.numbers);
      } else {
        expect(x.lookup, x.id).toBeUndefined();
      }
    }
  });

  it.each(expectations.map((e) => [e.id, e] as const))("%s: passage is verbatim and cites its refs", (_id, x) => {
    const doc = corpus[x.docId];
    const passage = collapse(x.passage);
    const count = words(passage).length;
    expect(count, "passage words").toBeGreaterThanOrEqual(10);
    expect(count, "passage words").toBeLessThanOrEqual(60);

    const start = doc.flat.indexOf(passage);
    expect(start, `passage not found verbatim in ${x.docId}: "${passage}"`).toBeGreaterThanOrEqual(0);

    const asked = items.find((i) => i.id === x.id.split(":")[0])!;
    const copied = sharedSixGram(asked.question, passage);
    expect(copied, "question copies the passage").toBeUndefined();

    expect(x.refs).toEqual([...new Set(x.refs)].sort((a, b) => a - b));
    for (const n of x.refs) expect(hasReferenceEntry(doc, x.docId, n), `ref ${n} has no list entry`).toBe(true);

    const inReferenceList = start >= doc.referencesAt;
    if (inReferenceList) {
      // A passage quoted from the list must be one of the entries asked for, from its number on.
      expect(x.kind).toBe("lookup");
      const printed = /^(?:- )?(\d+)\.? /.exec(passage);
      expect(printed && x.refs.includes(Number(printed[1])), "passage starts at an entry asked for").toBe(true);
    } else {
      const { inside, next } = attachedMarkers(doc, x.docId, start, passage.length, x.kind);
      const printed = new Set([...inside, ...next]);
      const missing = x.refs.filter((n) => !printed.has(n));
      expect(missing, `refs not printed with the passage (inside: ${inside}; next: ${next})`).toEqual([]);
      if (x.kind !== "lookup" && inside.length === 0) {
        // The marker that closes the passage's sentence must be recorded, not just some nearby one.
        expect(x.refs, `passage is followed by marker ${next}`).toEqual(expect.arrayContaining(next));
      }
    }
  });
});
