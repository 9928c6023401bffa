// Load the live index once at start: parsed corpus + search engine, checked against the embedder.
import fs from "node:fs/promises";
import path from "node:path";
import { IndexError } from "../errors.ts";
import type { IdentifiedEmbeddings } from "../index/create-embeddings.ts";
import { SearchEngine } from "../retrieve/search-engine.ts";
import { Corpus } from "./corpus.ts";
import { type IndexFiles, REBUILD_HINT, currentBuildDir, readIndexFiles, vectorsDir } from "./index-files.ts";

export interface LoadedIndex {
  files: IndexFiles;
  corpus: Corpus;
  engine: SearchEngine;
}

export async function loadIndex(indexDir: string, embeddings: IdentifiedEmbeddings): Promise<LoadedIndex> {
  const buildDir = await currentBuildDir(indexDir);
  if (!buildDir) {
    throw new IndexError("index_missing", `No index in ${indexDir}; ${REBUILD_HINT}`);
  }
  return loadBuild(buildDir, embeddings, { where: indexDir });
}

/** How a build's search engine is opened (in memory by default; PostgreSQL's pgvector when the store has it). */
export type OpenEngine = (files: IndexFiles, embeddings: IdentifiedEmbeddings) => Promise<SearchEngine>;

/** Load one build folder (the live one of an index folder, or a copy of a database build). */
export async function loadBuild(
  buildDir: string,
  embeddings: IdentifiedEmbeddings,
  options: { where?: string; openEngine?: OpenEngine } = {},
): Promise<LoadedIndex> {
  const files = await readIndexFiles(buildDir);
  if (files.manifest.embedder.id !== embeddings.modelId) {
    throw new IndexError(
      "index_mismatch",
      `The index in ${options.where ?? buildDir} was built with embedder "${files.manifest.embedder.id}" but "${embeddings.modelId}" is configured; ${REBUILD_HINT}`,
    );
  }
  try {
    const engine = await (options.openEngine ?? SearchEngine.load)(files, embeddings);
    return { files, corpus: new Corpus(files), engine };
  } catch (error) {
    throw await explainLoadFailure(buildDir, error);
  }
}

/**
 * A load failure as an IndexError naming the damaged file and the rebuild command: the vector
 * store's own errors name neither, and well-formed JSON of the wrong shape surfaces as a TypeError.
 */
async function explainLoadFailure(buildDir: string, error: unknown): Promise<IndexError> {
  const dir = vectorsDir(buildDir);
  // The JSON files can be checked; if they are sound, the binary HNSW graph is what failed.
  for (const name of ["args.json", "docstore.json"]) {
    const file = path.join(dir, name);
    const raw = await fs.readFile(file, "utf8").catch(() => undefined);
    if (raw === undefined) return new IndexError("index_corrupt", `Index file ${file} is missing; ${REBUILD_HINT}`, file, error);
    try {
      JSON.parse(raw);
    } catch {
      return new IndexError("index_corrupt", `Index file ${file} is truncated or corrupt; ${REBUILD_HINT}`, file, error);
    }
  }
  const graph = path.join(dir, "hnswlib.index");
  if (error instanceof IndexError) {
    return error.file === graph
      ? new IndexError("index_corrupt", `Index file ${graph} is truncated or corrupt; ${REBUILD_HINT}`, graph, error)
      : error;
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new IndexError(
    "index_corrupt",
    `Index build ${buildDir} could not be loaded (${reason.slice(0, 200)}); ${REBUILD_HINT}`,
    buildDir,
    error,
  );
}

/** The parsed corpus alone, without vectors: enough for document and reference lookups. */
export async function loadCorpus(indexDir: string): Promise<Corpus> {
  const buildDir = await currentBuildDir(indexDir);
  if (!buildDir) throw new IndexError("index_missing", `No index in ${indexDir}; ${REBUILD_HINT}`);
  return new Corpus(await readIndexFiles(buildDir));
}
