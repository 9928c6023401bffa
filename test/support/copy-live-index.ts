// Copy the live index (CURRENT + its build) into another index folder, for tests that damage,
// replace or kill-during-rebuild an index without touching the real one.
import fs from "node:fs/promises";
import path from "node:path";
import { loadConfig } from "../../src/config.ts";
import { buildsDir, currentBuildDir } from "../../src/store/index-files.ts";

/** Returns the copied build's folder inside `indexDir`. */
export async function copyLiveIndex(indexDir: string): Promise<string> {
  const source = await currentBuildDir(loadConfig({}).indexDir);
  if (!source) throw new Error("no live index to copy; run `npx review-chat ingest`");
  const target = path.join(buildsDir(indexDir), path.basename(source));
  await fs.mkdir(buildsDir(indexDir), { recursive: true });
  await fs.cp(source, target, { recursive: true });
  await fs.writeFile(path.join(indexDir, "CURRENT"), `${path.basename(source)}\n`);
  return target;
}
