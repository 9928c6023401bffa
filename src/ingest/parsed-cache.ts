// Parsed documents kept by content (file name + bytes + parser version) under index/cache/parsed/,
// so re-ingesting a large corpus to add one paper parses only that paper. A document is cached as
// the parser returned it, before ids are assigned across the corpus.
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { ParsedDocument } from "../types.ts";
import { PARSER_VERSION } from "./parse-document.ts";

export function parsedCacheFile(cacheDir: string, file: string, sha256: string): string {
  const key = createHash("sha256").update(`${PARSER_VERSION}\0${file}\0${sha256}`).digest("hex");
  return path.join(cacheDir, "parsed", `${key}.json`);
}

/** The cached parse, or undefined (absent or unreadable: parse again). */
export async function readParsed(cacheDir: string, file: string, sha256: string): Promise<ParsedDocument | undefined> {
  try {
    return JSON.parse(await fs.readFile(parsedCacheFile(cacheDir, file, sha256), "utf8")) as ParsedDocument;
  } catch {
    return undefined;
  }
}

/** Store a fresh parse (temp file + rename: a reader never sees half a file). */
export async function writeParsed(cacheDir: string, file: string, sha256: string, doc: ParsedDocument): Promise<void> {
  const target = parsedCacheFile(cacheDir, file, sha256);
  await fs.mkdir(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  await fs.writeFile(tmp, JSON.stringify(doc));
  await fs.rename(tmp, target);
}
