// Readers for the standard BEIR dataset format:
//   corpus.jsonl   {"_id": "...", "title": "...", "text": "..."}   one document per line
//   queries.jsonl  {"_id": "...", "text": "..."}                   one query per line
//   qrels.tsv      query-id <TAB> corpus-id <TAB> score            after a header line
// Files are streamed line by line (BEIR corpora run to millions of lines). A malformed line
// is a typed "bad_request" error naming the file and the line number.
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import readline from "node:readline";
import { ReviewChatError, badRequest } from "../errors.ts";

export interface BeirDocument {
  id: string;
  title: string;
  text: string;
}

export interface BeirQuery {
  id: string;
  text: string;
}

/** query id → (corpus id → grade). */
export type BeirQrels = Map<string, Map<string, number>>;

export interface BeirDataset {
  corpus: BeirDocument[];
  queries: BeirQuery[];
  qrels: BeirQrels;
}

async function* numberedLines(file: string): AsyncGenerator<{ line: string; n: number }> {
  try {
    await fs.access(file);
  } catch (cause) {
    throw new ReviewChatError("bad_request", `${file}: cannot read the file`, { cause });
  }
  const input = createReadStream(file, { encoding: "utf8" });
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const line of lines) {
      n++;
      yield { line: n === 1 ? line.replace(/^\uFEFF/, "") : line, n };
    }
  } finally {
    lines.close();
    input.destroy();
  }
}

function lineError(file: string, n: number, reason: string) {
  return badRequest(`${file}:${n}: ${reason}`, { file, line: n });
}

function parseJsonObject(file: string, n: number, line: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw lineError(file, n, "not valid JSON");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw lineError(file, n, "expected a JSON object");
  }
  return value as Record<string, unknown>;
}

/** BEIR ids are strings, but some exports write numeric ids; both are accepted. */
function readId(file: string, n: number, record: Record<string, unknown>): string {
  const id = record._id;
  if (typeof id === "number" && Number.isFinite(id)) return String(id);
  if (typeof id !== "string" || id.trim() === "") throw lineError(file, n, `missing "_id" (a non-empty string)`);
  return id;
}

function readText(file: string, n: number, record: Record<string, unknown>, field: string, required: boolean): string {
  const value = record[field];
  if (value === undefined || value === null) {
    if (required) throw lineError(file, n, `missing "${field}" (a string)`);
    return "";
  }
  if (typeof value !== "string") throw lineError(file, n, `"${field}" must be a string`);
  return value;
}

/** Read corpus.jsonl. Blank lines are skipped; a document needs `_id` and a non-empty title or text. */
export async function readBeirCorpus(file: string): Promise<BeirDocument[]> {
  const docs: BeirDocument[] = [];
  const seen = new Set<string>();
  for await (const { line, n } of numberedLines(file)) {
    if (line.trim() === "") continue;
    const record = parseJsonObject(file, n, line);
    const id = readId(file, n, record);
    const title = readText(file, n, record, "title", false).trim();
    const text = readText(file, n, record, "text", true).trim();
    if (!title && !text) throw lineError(file, n, `document "${id}" has neither title nor text`);
    if (seen.has(id)) throw lineError(file, n, `duplicate "_id" "${id}"`);
    seen.add(id);
    docs.push({ id, title, text });
  }
  if (docs.length === 0) throw badRequest(`${file}: no documents`);
  return docs;
}

/** Read queries.jsonl. Blank lines are skipped; a query needs `_id` and non-empty `text`. */
export async function readBeirQueries(file: string): Promise<BeirQuery[]> {
  const queries: BeirQuery[] = [];
  const seen = new Set<string>();
  for await (const { line, n } of numberedLines(file)) {
    if (line.trim() === "") continue;
    const record = parseJsonObject(file, n, line);
    const id = readId(file, n, record);
    const text = readText(file, n, record, "text", true).trim();
    if (!text) throw lineError(file, n, `query "${id}" has empty "text"`);
    if (seen.has(id)) throw lineError(file, n, `duplicate "_id" "${id}"`);
    seen.add(id);
    queries.push({ id, text });
  }
  if (queries.length === 0) throw badRequest(`${file}: no queries`);
  return queries;
}

const HEADER = /^query-id\s+corpus-id\s+score\s*$/i;

/**
 * Read qrels.tsv: the header `query-id corpus-id score`, then one judgement per line
 * (tab-separated; runs of spaces are accepted too). Scores are integers; a repeated pair is an error.
 */
export async function readBeirQrels(file: string): Promise<BeirQrels> {
  const qrels: BeirQrels = new Map();
  let judgements = 0;
  for await (const { line, n } of numberedLines(file)) {
    if (n === 1) {
      if (!HEADER.test(line.trim())) {
        throw lineError(file, n, `expected the header "query-id<TAB>corpus-id<TAB>score", got "${line.slice(0, 80)}"`);
      }
      continue;
    }
    if (line.trim() === "") continue;
    // Tabs when present (ids may then hold spaces), else any run of whitespace.
    const trimmed = line.trim();
    const fields = trimmed.includes("\t") ? trimmed.split("\t").map((f) => f.trim()) : trimmed.split(/\s+/);
    if (fields.length !== 3) throw lineError(file, n, `expected 3 columns (query-id, corpus-id, score), got ${fields.length}`);
    const [queryId, docId, rawScore] = fields as [string, string, string];
    if (!/^-?\d+$/.test(rawScore)) throw lineError(file, n, `score must be an integer, got "${rawScore}"`);
    const grades = qrels.get(queryId) ?? new Map<string, number>();
    if (grades.has(docId)) throw lineError(file, n, `duplicate judgement for query "${queryId}" and document "${docId}"`);
    grades.set(docId, Number(rawScore));
    qrels.set(queryId, grades);
    judgements++;
  }
  if (judgements === 0) throw badRequest(`${file}: no judgements after the header`);
  return qrels;
}

/** Read the three files of a BEIR dataset. */
export async function readBeirDataset(files: { corpus: string; queries: string; qrels: string }): Promise<BeirDataset> {
  const [corpus, queries, qrels] = await Promise.all([
    readBeirCorpus(files.corpus),
    readBeirQueries(files.queries),
    readBeirQrels(files.qrels),
  ]);
  return { corpus, queries, qrels };
}
