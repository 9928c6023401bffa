// Load the live index once at start: parsed corpus + search engine, checked against the embedder.
import { IndexError } from "../errors.ts";
import type { IdentifiedEmbeddings } from "../index/create-embeddings.ts";
import { SearchEngine } from "../retrieve/search-engine.ts";
import { Corpus } from "./corpus.ts";
import { type IndexFiles, REBUILD_HINT, currentBuildDir, readIndexFiles } from "./index-files.ts";

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
  const files = await readIndexFiles(buildDir);
  if (files.manifest.embedder.id !== embeddings.modelId) {
    throw new IndexError(
      "index_mismatch",
      `The index in ${indexDir} was built with embedder "${files.manifest.embedder.id}" but "${embeddings.modelId}" is configured; ${REBUILD_HINT}`,
    );
  }
  const engine = await SearchEngine.load(files, embeddings);
  return { files, corpus: new Corpus(files), engine };
}

/** The parsed corpus alone, without vectors: enough for document and reference lookups. */
export async function loadCorpus(indexDir: string): Promise<Corpus> {
  const buildDir = await currentBuildDir(indexDir);
  if (!buildDir) throw new IndexError("index_missing", `No index in ${indexDir}; ${REBUILD_HINT}`);
  return new Corpus(await readIndexFiles(buildDir));
}
