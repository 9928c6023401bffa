import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SearchEngine } from "../retrieve/search-engine.ts";
import { CountingUseLite } from "../../test/support/counting-use-lite.ts";
import { type TempIndex, createTempIndex } from "../../test/support/temp-index.ts";
import { type BuildStage, buildIndex } from "./build-index.ts";
import { readIndexFiles } from "./index-files.ts";

// A short paper of its own words, so its vectors are certainly not in the copied cache.
const NOTE = `---
title: Staged indexing of a short note on axolotl limb regeneration
authors: [Rowan Quill]
year: 2031
---

# Introduction

Axolotl limb regeneration starts with a wound epidermis that covers the stump within hours. Blastema cells
then dedifferentiate and proliferate under signals from nerves that reach the wound.

# Findings

Denervated stumps formed no blastema, while stumps with intact nerves regrew a patterned limb in six weeks.
`;

let temp: TempIndex;
const embeddings = new CountingUseLite({ workers: 0 });

beforeAll(async () => {
  temp = await createTempIndex();
  // The two reviews first, from the copied embedding cache.
  await buildIndex({ corpusDir: temp.corpusDir, indexDir: temp.indexDir, embeddings });
});
afterAll(async () => {
  await embeddings.close();
  await temp?.cleanup();
});

describe("buildIndex, staged", () => {
  it("publishes a BM25-searchable build before embedding the new paper, and embeds nothing else", async () => {
    await fs.writeFile(path.join(temp.corpusDir, "quill-axolotl-note.md"), NOTE);
    const stages: { stage: BuildStage; pending: string[]; engine: SearchEngine }[] = [];
    const before = embeddings.embeddedTexts;
    const result = await buildIndex({
      corpusDir: temp.corpusDir,
      indexDir: temp.indexDir,
      embeddings,
      onPublished: async (stage, buildDir) => {
        const files = await readIndexFiles(buildDir);
        stages.push({ stage, pending: files.manifest.pendingDocuments ?? [], engine: await SearchEngine.load(files, embeddings) });
      },
    });

    expect(stages.map((s) => s.stage)).toEqual(["parsed", "ready"]);
    const [parsed, ready] = stages;
    const noteId = result.manifest.files.find((f) => f.file === "quill-axolotl-note.md")!.docId!;
    expect(parsed!.pending).toEqual([noteId]);
    expect(ready!.pending).toEqual([]);
    // Before its vectors exist the note is found by its words, in hybrid search too, with finite scores.
    for (const mode of ["bm25", "hybrid"] as const) {
      const hits = await parsed!.engine.search("axolotl blastema denervated stumps", { k: 3, mode });
      expect(hits[0]?.docId).toBe(noteId);
      expect(hits.every((hit) => Number.isFinite(hit.score))).toBe(true);
    }
    expect((await parsed!.engine.search("axolotl blastema", { mode: "dense", k: 50 })).some((hit) => hit.docId === noteId)).toBe(false);
    expect((await ready!.engine.search("axolotl blastema", { mode: "dense", k: 3 }))[0]?.docId).toBe(noteId);
    // Only the note's windows were embedded: the reviews' came from the cache.
    const noteChunks = ready!.engine.chunks.filter((chunk) => chunk.docId === noteId).length;
    expect(embeddings.embeddedTexts - before).toBeGreaterThanOrEqual(noteChunks);
    expect(embeddings.embeddedTexts - before).toBeLessThan(10);
  });
});
