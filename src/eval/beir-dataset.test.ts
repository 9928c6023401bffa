import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../config.ts";
import { ReviewChatError } from "../errors.ts";
import { readBeirCorpus, readBeirDataset, readBeirQrels, readBeirQueries } from "./beir-dataset.ts";

const FIXTURE = path.join(PROJECT_ROOT, "test/fixtures/beir-mini");
let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "beir-dataset-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function write(name: string, content: string): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, content);
  return file;
}

async function badRequestOf(promise: Promise<unknown>): Promise<ReviewChatError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!ReviewChatError.isInstance(error)) throw new Error(`expected a ReviewChatError, got ${String(error)}`);
  expect(error.code).toBe("bad_request");
  return error;
}

describe("reading the beir-mini fixture", () => {
  it("reads corpus, queries and graded qrels", async () => {
    const data = await readBeirDataset({
      corpus: path.join(FIXTURE, "corpus.jsonl"),
      queries: path.join(FIXTURE, "queries.jsonl"),
      qrels: path.join(FIXTURE, "qrels.tsv"),
    });
    expect(data.corpus).toHaveLength(18);
    expect(data.corpus[0]).toMatchObject({ id: "pgp-tpgs", title: expect.stringContaining("P-glycoprotein") });
    expect(data.queries).toHaveLength(9);
    expect(data.qrels.size).toBe(9);
    expect(data.qrels.get("q1")).toEqual(
      new Map([
        ["pgp-tpgs", 2],
        ["msn-sirna", 2],
        ["hif-abcg2", 1],
      ]),
    );
    expect(data.qrels.get("q2")?.get("autophagy-lapatinib")).toBe(0);
  });
});

describe("malformed BEIR files give a bad_request error naming file and line", () => {
  it("corpus: invalid JSON, missing _id, non-string text, duplicates", async () => {
    const good = JSON.stringify({ _id: "a", title: "T", text: "x" });
    const cases: [string, RegExp][] = [
      [`${good}\n{"_id": "b", "text": `, /corpus\.jsonl:2: not valid JSON/],
      [`${good}\n\n{"title": "t", "text": "y"}`, /corpus\.jsonl:3: missing "_id"/],
      [`${good}\n{"_id": "b", "text": 5}`, /corpus\.jsonl:2: "text" must be a string/],
      [`${good}\n${good}`, /corpus\.jsonl:2: duplicate "_id" "a"/],
      [`[1, 2]`, /corpus\.jsonl:1: expected a JSON object/],
      [`{"_id": "c", "title": "", "text": "  "}`, /corpus\.jsonl:1: document "c" has neither title nor text/],
      [``, /corpus\.jsonl: no documents/],
    ];
    for (const [content, message] of cases) {
      const file = await write("corpus.jsonl", content);
      const error = await badRequestOf(readBeirCorpus(file));
      expect(error.message).toMatch(message);
      expect(error.message).toContain(file);
    }
  });

  it("corpus: accepts numeric ids, a missing title, CRLF line ends and a BOM", async () => {
    const file = await write("corpus.jsonl", `\uFEFF{"_id": 4983, "text": "Alpha."}\r\n{"_id": "x", "title": "T", "text": ""}\r\n`);
    expect(await readBeirCorpus(file)).toEqual([
      { id: "4983", title: "", text: "Alpha." },
      { id: "x", title: "T", text: "" },
    ]);
  });

  it("queries: empty text and missing file", async () => {
    const file = await write("queries.jsonl", `{"_id": "1", "text": "ok"}\n{"_id": "2", "text": ""}\n`);
    expect((await badRequestOf(readBeirQueries(file))).message).toMatch(/queries\.jsonl:2: query "2" has empty "text"/);
    expect((await badRequestOf(readBeirQueries(path.join(dir, "absent.jsonl")))).message).toMatch(/absent\.jsonl: cannot read/);
  });

  it("qrels: header, column count, non-integer score, duplicate pair", async () => {
    const header = "query-id\tcorpus-id\tscore\n";
    const cases: [string, RegExp][] = [
      ["q1\td1\t1\n", /qrels\.tsv:1: expected the header/],
      [`${header}q1\td1\n`, /qrels\.tsv:2: expected 3 columns/],
      [`${header}q1\td1\t1\nq1\td2\thigh\n`, /qrels\.tsv:3: score must be an integer, got "high"/],
      [`${header}q1\td1\t1\nq1\td1\t2\n`, /qrels\.tsv:3: duplicate judgement/],
      [header, /qrels\.tsv: no judgements/],
    ];
    for (const [content, message] of cases) {
      const file = await write("qrels.tsv", content);
      expect((await badRequestOf(readBeirQrels(file))).message).toMatch(message);
    }
  });

  it("qrels: space-separated columns are accepted too", async () => {
    const file = await write("qrels.tsv", "query-id corpus-id score\n1  31715818  1\n");
    expect(await readBeirQrels(file)).toEqual(new Map([["1", new Map([["31715818", 1]])]]));
  });
});
