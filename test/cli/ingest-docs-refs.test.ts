import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliResult, runCli } from "../support/run-cli.ts";
import { type TempIndex, createTempIndex } from "../support/temp-index.ts";

let temp: TempIndex;
let firstIngest: CliResult;

beforeAll(async () => {
  temp = await createTempIndex();
  // A file that claims to be a PDF but is not: it must be reported by name and skipped.
  await fs.writeFile(path.join(temp.corpusDir, "broken-scan.pdf"), "this is not a pdf");
  firstIngest = await runCli(["ingest", "--corpus", temp.corpusDir, "--index", temp.indexDir]);
}, 600_000);

afterAll(async () => {
  await temp?.cleanup();
});

describe("review-chat ingest", () => {
  it("indexes the readable reviews and reports the unreadable file by name", () => {
    expect(firstIngest.code).toBe(0);
    expect(firstIngest.stdout).toMatch(/Indexed 2 document\(s\)/);
    expect(firstIngest.stderr).toContain("broken-scan.pdf");
  });

  it("does nothing on a second run with an unchanged corpus, and says so", async () => {
    const second = await runCli(["ingest", "--corpus", temp.corpusDir, "--index", temp.indexDir]);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/up to date.*nothing to do/i);
  });
});

describe("review-chat docs", () => {
  it("lists both reviews with counts and the share of resolved citation markers", async () => {
    const result = await runCli(["docs", "--json", "--index", temp.indexDir]);
    expect(result.code).toBe(0);
    const docs = JSON.parse(result.stdout) as {
      id: string;
      year: number;
      counts: { references: number; citationsResolvedRatio: number | null; missingReferenceNumbers: number[]; chunks: number };
      quality: { referenceStyle: string; references: { parsed: number }; citations: { found: number; resolvedRatio: number | null } };
    }[];
    const byId = Object.fromEntries(docs.map((d) => [d.id, d]));
    expect(Object.keys(byId).sort()).toEqual(["guan2024", "verma2024"]);
    expect(byId.guan2024!.counts.references).toBe(103);
    expect(byId.guan2024!.counts.missingReferenceNumbers).toEqual([2]);
    expect(byId.verma2024!.counts.references).toBe(155);
    expect(byId.verma2024!.counts.missingReferenceNumbers).toEqual([]);
    for (const doc of docs) {
      expect(doc.counts.citationsResolvedRatio).toBeGreaterThanOrEqual(0.95);
      expect(doc.quality).toMatchObject({ referenceStyle: "numbered", references: { parsed: doc.counts.references } });
      expect(doc.quality.citations.resolvedRatio).toBe(doc.counts.citationsResolvedRatio);
    }

    const text = await runCli(["docs", "--index", temp.indexDir]);
    expect(text.stdout).toMatch(/resolve to an entry/);
    expect(text.stdout).toMatch(/missing reference numbers: 2\b/);
  });
});

describe("review-chat refs", () => {
  it("gives guan2024 ref 44 with its DOI and the passage that cites it", async () => {
    const result = await runCli(["refs", "guan2024", "44", "--json", "--index", temp.indexDir]);
    expect(result.code).toBe(0);
    const { entries } = JSON.parse(result.stdout) as {
      entries: { n: number; authors: string[]; year: number; journal: string; doi: string; url: string; citedBy: { passage: string; sentences: string[] }[] }[];
    };
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry!.authors[0]).toMatch(/^Aly/);
    expect(entry!.year).toBe(2023);
    expect(entry!.journal).toMatch(/Int J Pharm/);
    expect(entry!.doi).toBe("10.1016/j.ijpharm.2023.123163");
    expect(entry!.url).toBe("https://doi.org/10.1016/j.ijpharm.2023.123163");
    expect(entry!.citedBy.length).toBeGreaterThan(0);
    expect(entry!.citedBy.map((c) => c.passage).join(" ")).toContain("CS/Lf/PTS-SLNs");
    expect(entry!.citedBy.flatMap((c) => c.sentences).join(" ")).toContain("(44)");
  });

  it("takes a range and reports numbers absent from the list", async () => {
    const result = await runCli(["refs", "guan2024", "1-3", "--json", "--index", temp.indexDir]);
    const parsed = JSON.parse(result.stdout) as { entries: { n: number }[]; missing: number[] };
    expect(parsed.entries.map((e) => e.n)).toEqual([1, 3]);
    expect(parsed.missing).toEqual([2]);
  });

  it("shows the same paper in the other review", async () => {
    const result = await runCli(["refs", "guan2024", "9", "--json", "--index", temp.indexDir]);
    const parsed = JSON.parse(result.stdout) as { entries: { sameElsewhere: { docId: string; n: number }[] }[] };
    expect(parsed.entries[0]!.sameElsewhere).toEqual([expect.objectContaining({ docId: "verma2024", n: 129 })]);
  });

  it("fails clearly on an unknown document or a bad range", async () => {
    const unknown = await runCli(["refs", "nobody2020", "1", "--index", temp.indexDir]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/Unknown document "nobody2020"/);
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
    const bad = await runCli(["refs", "guan2024", "abc", "--index", temp.indexDir]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/reference number or range/);
  });
});
