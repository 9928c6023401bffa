import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../config.ts";

const run = promisify(execFile);
const CLI = path.join(PROJECT_ROOT, "bin/review-chat.js");
const FIXTURE = path.join(PROJECT_ROOT, "test/fixtures/beir-mini");
const files = ["--corpus", `${FIXTURE}/corpus.jsonl`, "--queries", `${FIXTURE}/queries.jsonl`, "--qrels", `${FIXTURE}/qrels.tsv`];
let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "eval-beir-cli-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("review-chat eval-beir", () => {
  it("prints one line per method with the four metrics, and JSON with --json", async () => {
    const env = { ...process.env, EMBEDDINGS: "use-lite" };
    const { stdout } = await run(process.execPath, [CLI, "eval-beir", ...files, "--cache-dir", dir], { env, cwd: PROJECT_ROOT });
    const lines = stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^18 documents → 18 chunks \(use-lite-512, indexed in [\d.]+ s\), 9 queries$/);
    expect(lines.slice(1).map((l) => l.split(/\s+/)[0])).toEqual(["bm25", "dense", "hybrid"]);
    for (const line of lines.slice(1)) {
      expect(line).toMatch(/nDCG@10 [01]\.\d{4} {2}Recall@10 [01]\.\d{4} {2}Recall@100 [01]\.\d{4} {2}MRR@10 [01]\.\d{4}/);
    }

    const json = await run(process.execPath, [CLI, "eval-beir", ...files, "--cache-dir", dir, "--json", "--methods", "bm25"], { env });
    const parsed = JSON.parse(json.stdout) as { methods: { method: string; ndcg10: number; recall100: number }[] };
    expect(parsed).toMatchObject({ embedder: "use-lite-512", documents: 18, chunks: 18, queriesEvaluated: 9, warnings: [] });
    expect(parsed.methods).toHaveLength(1);
    // Same numbers as the text run's bm25 line.
    expect(lines[1]).toContain(`nDCG@10 ${parsed.methods[0]!.ndcg10.toFixed(4)}`);
  }, 180_000);

  it("exits 1 with the file and line of a malformed corpus line", async () => {
    const corpus = path.join(dir, "corpus.jsonl");
    await fs.writeFile(corpus, '{"_id": "a", "text": "ok"}\n{"_id": "b", "text": 3}\n');
    const args = [CLI, "eval-beir", "--corpus", corpus, "--queries", `${FIXTURE}/queries.jsonl`, "--qrels", `${FIXTURE}/qrels.tsv`];
    const error = (await run(process.execPath, args).catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(error.code).toBe(1);
    expect(error.stderr).toContain(`review-chat: ${corpus}:2: "text" must be a string`);
  });

  it("rejects an unknown method before doing any work", async () => {
    const error = (await run(process.execPath, [CLI, "eval-beir", ...files, "--methods", "bm25,splade"]).catch(
      (e: unknown) => e,
    )) as { code: number; stderr: string };
    expect(error.code).not.toBe(0);
    expect(error.stderr).toMatch(/expected a comma-separated list of bm25, dense, hybrid/);
  });
});
