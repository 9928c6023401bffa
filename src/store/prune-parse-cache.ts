// The parse cache (index/cache/parsed/, see ingest/parsed-cache.ts) gains an entry for every file
// version ever ingested. After a publish, entries that no kept build was made from are removed: the
// live build's files stay cached (adding a paper re-parses nothing), and so do the previous build's
// (publishBuild keeps it for a rollback). Temp files of writers that are gone go too.
import fs from "node:fs/promises";
import path from "node:path";
import { parsedCacheFile } from "../ingest/parsed-cache.ts";
import { buildsDir, isAlive, readManifest } from "./index-files.ts";

/**
 * @example
 * await pruneParseCache("index", "index/cache"); // { kept: 3, removed: 1 }
 */
export async function pruneParseCache(indexDir: string, cacheDir: string): Promise<{ kept: number; removed: number }> {
  const folder = path.join(cacheDir, "parsed");
  const entries = await fs.readdir(folder).catch(() => [] as string[]);
  if (entries.length === 0) return { kept: 0, removed: 0 };
  const keep = new Set<string>();
  for (const name of await fs.readdir(buildsDir(indexDir)).catch(() => [] as string[])) {
    // A build still being written (.tmp-*) was made from parses its writer has just read or written.
    if (name.startsWith(".tmp-")) return { kept: entries.length, removed: 0 };
    const manifest = await readManifest(path.join(buildsDir(indexDir), name)).catch(() => null);
    // A build that cannot be read says nothing about what it needs: keep everything rather than guess.
    if (!manifest) return { kept: entries.length, removed: 0 };
    for (const { file, sha256 } of manifest.files) keep.add(path.basename(parsedCacheFile(cacheDir, file, sha256)));
  }
  let removed = 0;
  for (const entry of entries) {
    if (keep.has(entry)) continue;
    // "<key>.json.<pid>.tmp": a write in progress, unless its process is gone.
    const writer = /\.json\.(\d+)\.tmp$/.exec(entry);
    if (writer && isAlive(Number(writer[1]))) continue;
    await fs.rm(path.join(folder, entry), { force: true });
    removed++;
  }
  return { kept: entries.length - removed, removed };
}
