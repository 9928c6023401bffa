import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../config.ts";
import { UnreadableDocumentError } from "../errors.ts";
import { parseFiles } from "./parse-pool.ts";

let dir: string;
let files: string[];

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "parse-pool-test-"));
  const corpus = path.join(PROJECT_ROOT, "corpus");
  const reviews = (await fs.readdir(corpus)).filter((name) => name.endsWith(".txt")).sort();
  // Two real reviews around a file that is not a PDF at all.
  const broken = path.join(dir, "broken.pdf");
  await fs.writeFile(broken, "this is not a PDF");
  files = [path.join(corpus, reviews[0]!), broken, path.join(corpus, reviews[1]!)];
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("parseFiles", () => {
  it("parses on threads exactly what the calling thread parses, in the order given, failures included", async () => {
    const seen: string[] = [];
    const threaded = await parseFiles(files, { threads: 2, onParsed: (outcome) => seen.push(outcome.file) });
    const here = await parseFiles(files, { threads: 0 });

    expect(threaded.map((o) => o.file)).toEqual(files.map((f) => path.basename(f)));
    expect([...seen].sort()).toEqual(files.map((f) => path.basename(f)).sort());
    expect("document" in threaded[0]! && "document" in here[0]! && threaded[0].document).toEqual("document" in here[0]! && here[0].document);
    expect("document" in threaded[2]! && threaded[2].document.chunks.length).toBeGreaterThan(10);
    const failed = threaded[1]!;
    expect("error" in failed && failed.error).toBeInstanceOf(UnreadableDocumentError);
    expect("error" in failed && failed.error.message).toMatch(/^broken\.pdf: /);
  });
});
