// A throwaway corpus + index folder for tests that ingest, seeded with the shared embedding cache
// so unchanged chunks are not embedded again.
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../../src/config.ts";
import { cacheDir } from "../../src/store/index-files.ts";

export interface TempIndex {
  root: string;
  corpusDir: string;
  indexDir: string;
  cleanup(): Promise<void>;
}

export async function createTempIndex(options: { copyCorpus?: boolean } = {}): Promise<TempIndex> {
  const config = loadConfig({});
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "rc-test-"));
  const corpusDir = path.join(root, "corpus");
  const indexDir = path.join(root, "index");
  await fs.mkdir(corpusDir);
  await fs.mkdir(indexDir);
  if (options.copyCorpus ?? true) {
    for (const file of await fs.readdir(config.corpusDir)) {
      await fs.copyFile(path.join(config.corpusDir, file), path.join(corpusDir, file));
    }
  }
  if (existsSync(cacheDir(config.indexDir))) {
    await fs.cp(cacheDir(config.indexDir), cacheDir(indexDir), { recursive: true });
  }
  return { root, corpusDir, indexDir, cleanup: () => fs.rm(root, { recursive: true, force: true }) };
}
