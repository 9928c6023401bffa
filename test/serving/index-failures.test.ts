// The index on disk under failure: an ingest killed with SIGKILL mid-build leaves the previous
// index live and usable (and the next ingest completes and is picked up by the running server); a
// damaged index stops `npm start` with one clear line naming the file and the rebuild command,
// never a stack trace.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT, loadConfig } from "../../src/config.ts";
import { createEmbeddings } from "../../src/index/create-embeddings.ts";
import { buildsDir, currentBuildDir } from "../../src/store/index-files.ts";
import { loadIndex } from "../../src/store/load-index.ts";
import { copyLiveIndex } from "../support/copy-live-index.ts";
import { runCli } from "../support/run-cli.ts";
import { runServerToExit, spawnServer } from "../support/server-process.ts";
import { type TempIndex, createTempIndex } from "../support/temp-index.ts";
import { makeTestReview } from "../support/test-review.ts";

const temps: TempIndex[] = [];
async function tempIndexWithLiveCopy() {
  const temp = await createTempIndex();
  temps.push(temp);
  const buildDir = await copyLiveIndex(temp.indexDir);
  return { temp, buildDir };
}

afterAll(async () => {
  await Promise.all(temps.map((t) => t.cleanup()));
});

async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("kill -9 during ingest", () => {
  let temp: TempIndex;
  let liveBuild: string;
  beforeAll(async () => {
    ({ temp, buildDir: liveBuild } = await tempIndexWithLiveCopy());
    // A new review: its chunks must be embedded, so the build runs long enough to be killed in.
    await fs.writeFile(path.join(temp.corpusDir, "tester2025-serving.md"), await makeTestReview());
  });

  it("leaves the previous index intact, loadable and answering", async () => {
    const pointer = path.join(temp.indexDir, "CURRENT");
    const pointerBefore = await fs.readFile(pointer, "utf8");
    const child = spawn(
      process.execPath,
      [path.join(PROJECT_ROOT, "bin/review-chat.js"), "ingest", "--corpus", temp.corpusDir, "--index", temp.indexDir],
      { cwd: PROJECT_ROOT, stdio: "ignore" },
    );
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
    // Mid-build: the unpublished build folder exists and embedding has been going for a while.
    const tmpBuilds = async () => (await fs.readdir(buildsDir(temp.indexDir))).filter((name) => name.startsWith(".tmp-"));
    await waitFor(async () => (await tmpBuilds()).length > 0, 120_000, "the build to start");
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(child.exitCode).toBeNull();
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");

    // The pointer and the live build are untouched; the half-written build is not live.
    expect(await fs.readFile(pointer, "utf8")).toBe(pointerBefore);
    expect(await currentBuildDir(temp.indexDir)).toBe(liveBuild);
    expect((await tmpBuilds()).length).toBe(1);
    const embeddings = createEmbeddings(loadConfig({}).embeddings);
    const loaded = await loadIndex(temp.indexDir, embeddings);
    expect(loaded.files.manifest.documentCount).toBe(2);

    // …and a server (as `npm start` runs it) answers from it. Its CORPUS_DIR is the corpus that
    // index was built from, so start-up does not rebuild it.
    const server = await spawnServer({ CORPUS_DIR: loadConfig({}).corpusDir, INDEX_DIR: temp.indexDir, RATE_LIMIT_MAX: "0" });
    try {
      const res = await fetch(`${server.url}/api/ask`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ question: "How do miRNAs overcome drug resistance?" }),
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { answer: string; sources: unknown[] };
      expect(body.sources.length).toBeGreaterThan(0);
      const health = async () => (await (await fetch(`${server.url}/healthz`)).json()) as { documents: number };
      expect((await health()).documents).toBe(2);

      // The next ingest completes, clears the killed run's leftovers, and the running server
      // picks the new build up from the CURRENT pointer by itself.
      const rerun = await runCli(["ingest", "--corpus", temp.corpusDir, "--index", temp.indexDir]);
      expect(rerun.code).toBe(0);
      expect(await tmpBuilds()).toEqual([]);
      expect(await currentBuildDir(temp.indexDir)).not.toBe(liveBuild);
      await waitFor(async () => (await health()).documents === 3, 30_000, "the server to load the new build");
    } finally {
      server.kill();
    }
  }, 240_000);
});

describe("a damaged index at start", () => {
  const noStack = (text: string) => expect(text).not.toMatch(/^\s+at .+[:(]\d+/m);
  const damage = async (file: string) => {
    const data = await fs.readFile(file);
    await fs.writeFile(file, data.subarray(0, Math.floor(data.length / 2)));
  };

  it.each([
    ["chunks.json", "1"],
    ["chunks.json", "2"],
    ["documents.json", "1"],
    ["vectors/hnswlib.index", "1"],
    ["vectors/docstore.json", "1"],
  ])("truncated %s (WORKERS=%s): one line naming the file and `npx review-chat ingest`", async (name, workers) => {
    const { temp, buildDir } = await tempIndexWithLiveCopy();
    const file = path.join(buildDir, name);
    await damage(file);
    // The real corpus (unchanged, so start-up does not rebuild) and the damaged copy of its index.
    const result = await runServerToExit({ INDEX_DIR: temp.indexDir, CORPUS_DIR: loadConfig({}).corpusDir, WORKERS: workers });
    expect(result.started).toBe(false);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(file);
    expect(lines[0]).toContain("npx review-chat ingest");
    noStack(result.stderr);
    noStack(result.stdout);
  }, 120_000);

  it("a CURRENT pointer naming a missing build counts as no index: `npm start` ingests and serves", async () => {
    const { temp } = await tempIndexWithLiveCopy();
    await fs.writeFile(path.join(temp.indexDir, "CURRENT"), "2099-no-such-build\n");
    const result = await runServerToExit({ INDEX_DIR: temp.indexDir, CORPUS_DIR: temp.corpusDir });
    expect(result.started).toBe(true);
    noStack(result.stderr);
    const live = await currentBuildDir(temp.indexDir);
    expect(live && existsSync(path.join(live, "manifest.json"))).toBe(true);
  }, 120_000);
});
