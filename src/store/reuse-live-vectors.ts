// A staged build's first publish (BM25-searchable, the new paper's vectors still to come) holds
// exactly the vectors of the build being served: building its HNSW graph again from the cache would
// redo work that grows with the corpus (every vector inserted again) to get the same graph. When the
// live build's vector files hold the same texts, for the same chunk windows, in the same order, by
// the same embedder, they are linked into the new build instead (builds never change once published,
// so sharing the files is safe; a hard link outlives the old build's removal).
import fs from "node:fs/promises";
import path from "node:path";
import type { Document } from "@langchain/core/documents";
import type { ChunkVectorMetadata } from "../index/vector-index.ts";
import { readManifest, vectorsDir } from "./index-files.ts";

const VECTOR_FILES = ["args.json", "docstore.json", "hnswlib.index"];

type StoredWindow = [string, { pageContent: string; metadata: ChunkVectorMetadata }];

/**
 * Link the live build's vector files into `targetDir` if they hold exactly `kept` (in label order);
 * returns the vectors' width, or null when they differ (then build the graph as usual).
 *
 * @example
 * const reused = await reuseLiveVectors(liveDir, embeddings.modelId, keptWindows, vectorsDir(tmpDir));
 */
export async function reuseLiveVectors(
  liveDir: string | null,
  embedderId: string,
  kept: readonly Document<ChunkVectorMetadata>[],
  targetDir: string,
): Promise<{ dimensions: number } | null> {
  if (!liveDir || kept.length === 0) return null;
  const manifest = await readManifest(liveDir).catch(() => null);
  if (!manifest || manifest.embedder.id !== embedderId || manifest.pendingDocuments?.length) return null;
  const source = vectorsDir(liveDir);
  let windows: StoredWindow[];
  try {
    windows = JSON.parse(await fs.readFile(path.join(source, "docstore.json"), "utf8")) as StoredWindow[];
  } catch {
    return null;
  }
  if (!Array.isArray(windows) || windows.length !== kept.length) return null;
  for (const [i, want] of kept.entries()) {
    const [label, have] = windows[i]!;
    if (
      label !== String(i) ||
      have?.pageContent !== want.pageContent ||
      have.metadata?.id !== want.metadata.id ||
      have.metadata.docId !== want.metadata.docId ||
      have.metadata.window !== want.metadata.window
    ) {
      return null;
    }
  }
  await fs.mkdir(targetDir, { recursive: true });
  for (const name of VECTOR_FILES) {
    const from = path.join(source, name);
    const to = path.join(targetDir, name);
    await fs.link(from, to).catch(() => fs.copyFile(from, to));
  }
  return { dimensions: manifest.embedder.dimensions };
}
