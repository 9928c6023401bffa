// Bad input end to end, through the real `review-chat` bin: an encrypted PDF, a scan with no text
// layer and a truncated download are skipped with a reason a user can act on; a 500-page book and a
// text with no reference list are indexed with a warning; the rest of the corpus is indexed; and a
// build in which no file can be read fails without touching the live index, which a server still serves.
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { startServer } from "../../src/server/start-server.ts";
import { buildsDir, currentBuildDir, readManifest } from "../../src/store/index-files.ts";
import { bookPdf, encryptedPdf, scannedPdf, truncatedPdf } from "../support/bad-input-pdfs.ts";
import { copyLiveIndex } from "../support/copy-live-index.ts";
import { type CliResult, runCli } from "../support/run-cli.ts";
import { type TempIndex, createTempIndex } from "../support/temp-index.ts";

const NOTES = [
  "Field notes on the river mills",
  "",
  "The mill on the upper river ground grain for three villages until the flood of the spring.",
  "After the flood the miller moved the wheel twenty yards upstream, where the bank was higher.",
  "The new race was cut by hand over one summer, and the mill turned again before the harvest.",
].join("\n");

async function writeUnreadable(corpusDir: string): Promise<void> {
  await fs.writeFile(path.join(corpusDir, "locked-article.pdf"), encryptedPdf());
  await fs.writeFile(path.join(corpusDir, "scanned-article.pdf"), await scannedPdf());
  await fs.writeFile(path.join(corpusDir, "cut-download.pdf"), await truncatedPdf());
}

const temps: TempIndex[] = [];
afterAll(async () => {
  await Promise.all(temps.map((temp) => temp.cleanup()));
});

describe("ingest of a corpus with bad files among good ones", () => {
  let temp: TempIndex;
  let ingest: CliResult;
  beforeAll(async () => {
    temp = await createTempIndex();
    temps.push(temp);
    await writeUnreadable(temp.corpusDir);
    await fs.writeFile(path.join(temp.corpusDir, "long-book.pdf"), await bookPdf(500));
    await fs.writeFile(path.join(temp.corpusDir, "river-notes.txt"), NOTES);
    ingest = await runCli(["ingest", "--corpus", temp.corpusDir, "--index", temp.indexDir], {}, 600_000);
  }, 660_000);

  it("skips each unreadable PDF with its reason and indexes everything else", () => {
    expect(ingest.code, ingest.stderr).toBe(0);
    expect(ingest.stderr).toMatch(/Skipped locked-article\.pdf: is encrypted \(password-protected\)/);
    expect(ingest.stderr).toMatch(/Skipped scanned-article\.pdf: has no text layer: run OCR first/);
    expect(ingest.stderr).toMatch(/Skipped cut-download\.pdf: is truncated or damaged/);
    expect(ingest.stdout).toMatch(/Indexed 4 document\(s\), .*; skipped 3 unreadable file\(s\); 3 with warnings/);
  });

  it("warns about each document read without a reference list or citations, or with gaps in its list", () => {
    const warnings = ingest.stderr.split("\n").filter((line) => line.startsWith("Warning: "));
    expect(warnings).toHaveLength(3);
    expect(warnings.find((line) => line.includes("guan2024"))).toMatch(/1 of 104 reference numbers have no entry$/);
    expect(warnings.find((line) => line.includes("river-notes.txt"))).toMatch(/no reference list found; no in-text citations found$/);
    expect(warnings.find((line) => line.includes("long-book.pdf"))).toMatch(/no reference list found; no in-text citations found$/);
  });

  it("records skips and warnings per file in the manifest", async () => {
    const manifest = await readManifest((await currentBuildDir(temp.indexDir))!);
    const byFile = Object.fromEntries(manifest.files.map((record) => [record.file, record]));
    expect(byFile["locked-article.pdf"]!.error).toMatch(/encrypted/);
    expect(byFile["locked-article.pdf"]!.docId).toBeUndefined();
    expect(byFile["river-notes.txt"]!.warnings).toEqual(["no reference list found", "no in-text citations found"]);
    const guan = manifest.files.find((record) => record.docId === "guan2024")!;
    expect(guan.warnings).toEqual(["1 of 104 reference numbers have no entry"]);
  });

  it("shows the book whole, and never claims 100% resolution or 'missing: none' for a document without a list", async () => {
    const json = await runCli(["docs", "--json", "--index", temp.indexDir]);
    const docs = JSON.parse(json.stdout) as {
      id: string;
      file: string;
      counts: { chunks: number; citationsResolvedRatio: number | null };
      quality: { citations: { found: number; resolvedRatio: number | null }; warnings: string[] };
    }[];
    expect(docs.map((doc) => doc.file).sort()).toEqual([
      "guan2024-nanomaterials-breast-cancer-drug-resistance.txt", "long-book.pdf", "river-notes.txt",
      "verma2024-mirna-nanotechnology-delivery-breast-cancer.txt",
    ]);
    const notes = docs.find((doc) => doc.file === "river-notes.txt")!;
    expect(notes.counts.citationsResolvedRatio).toBeNull();
    expect(notes.quality.citations).toEqual({ found: 0, resolved: 0, resolvedRatio: null });
    // The whole book is indexed: its first and its 500th page are in the stored text.
    const book = docs.find((doc) => doc.file === "long-book.pdf")!;
    expect(book.counts.chunks).toBeGreaterThan(20);
    const stored = JSON.parse(await fs.readFile(path.join((await currentBuildDir(temp.indexDir))!, "documents.json"), "utf8")) as {
      meta: { id: string };
      text: string;
    }[];
    const bookText = stored.find((doc) => doc.meta.id === book.id)!.text;
    expect(bookText).toContain("In the year 1400 the town rebuilt its river");
    expect(bookText).toContain("In the year 1899 the town rebuilt its ferry");
    expect(bookText).toContain("The accounts of page 500 list");

    const text = await runCli(["docs", "--index", temp.indexDir]);
    const block = text.stdout.split(/\n(?=\S)/).find((entry) => entry.startsWith(`${notes.id} `))!;
    expect(block).toContain("no reference list found");
    expect(block).toContain("no in-text citations found");
    expect(block).toContain("warning: no reference list found");
    expect(block).not.toMatch(/resolve|missing reference numbers/);
  });
});

describe("a build in which no file can be read", () => {
  it("fails with every reason and leaves the live index as it was", async () => {
    const temp = await createTempIndex({ copyCorpus: false });
    temps.push(temp);
    const liveBuild = await copyLiveIndex(temp.indexDir);
    const pointer = await fs.readFile(path.join(temp.indexDir, "CURRENT"), "utf8");
    const builds = await fs.readdir(buildsDir(temp.indexDir));
    await writeUnreadable(temp.corpusDir);

    const result = await runCli(["ingest", "--corpus", temp.corpusDir, "--index", temp.indexDir]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/No corpus file could be read, so the index was not changed/);
    expect(result.stderr).toMatch(/locked-article\.pdf: .*encrypted.*scanned-article\.pdf: .*no text layer/s);
    expect(result.stderr).not.toMatch(/\n\s+at /);

    expect(await fs.readFile(path.join(temp.indexDir, "CURRENT"), "utf8")).toBe(pointer);
    expect(await fs.readdir(buildsDir(temp.indexDir))).toEqual(builds);
    expect(await currentBuildDir(temp.indexDir)).toBe(liveBuild);
    const docs = await runCli(["docs", "--json", "--index", temp.indexDir]);
    expect((JSON.parse(docs.stdout) as { id: string }[]).map((doc) => doc.id).sort()).toEqual(["guan2024", "verma2024"]);

    // A server starting on that corpus says why it could not rebuild, and serves the live index.
    const lines: string[] = [];
    const config = loadConfig({ CORPUS_DIR: temp.corpusDir, INDEX_DIR: temp.indexDir, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent" });
    const server = await startServer(config, { log: (line) => lines.push(line) });
    try {
      expect(lines.join("\n")).toMatch(/No corpus file could be read, so the index was not changed/);
      const listed = (await (await fetch(`${server.url}/api/documents`)).json()) as { documents: { id: string }[] };
      expect(listed.documents.map((doc) => doc.id).sort()).toEqual(["guan2024", "verma2024"]);
    } finally {
      await server.close();
    }
    expect(await currentBuildDir(temp.indexDir)).toBe(liveBuild);
  }, 300_000);
});
