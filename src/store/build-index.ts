// Ingest: corpus folder → parsed documents, chunks, cross-review links and vectors, published
// atomically under the index folder. Unchanged corpus + same embedder = nothing to do.
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { AppConfig } from "../config.ts";
import { NoReadableDocumentsError, UnreadableDocumentError } from "../errors.ts";
import type { IdentifiedEmbeddings } from "../index/create-embeddings.ts";
import { ANALYZER_VERSION } from "../index/tokenize.ts";
import { buildVectorIndex } from "../index/vector-index.ts";
import { assignDocumentIds } from "../ingest/assign-document-ids.ts";
import { linkCrossReviewReferences } from "../ingest/references/link-cross-review.ts";
import { PARSER_VERSION, parseDocumentFile } from "../ingest/parse-document.ts";
import type { ParsedDocument } from "../types.ts";
import {
  INDEX_FORMAT_VERSION,
  type IndexManifest,
  cacheDir,
  currentBuildDir,
  publishBuild,
  readManifest,
  vectorsDir,
  writeJson,
} from "./index-files.ts";

export const SUPPORTED_EXTENSIONS = [".txt", ".md", ".pdf"];

export interface BuildProgress {
  /** A phase starts: "parse" (files) or "embed" (chunks). */
  start(phase: "parse" | "embed", total: number): void;
  update(done: number): void;
  stop(): void;
}

export interface BuildIndexResult {
  status: "built" | "unchanged";
  buildDir: string;
  manifest: IndexManifest;
  /** Files that could not be read, by name, with the reason. */
  skipped: { file: string; reason: string }[];
  /** Documents that were indexed but read poorly: no reference list, no citations, few resolving. */
  warnings: DocumentWarnings[];
}

export interface DocumentWarnings {
  file: string;
  docId: string;
  warnings: string[];
}

/** What a manifest says about its files: the skipped ones and the ones indexed with warnings. */
function reportOf(manifest: IndexManifest): Pick<BuildIndexResult, "skipped" | "warnings"> {
  return {
    skipped: manifest.files.filter((r) => r.error !== undefined).map((r) => ({ file: r.file, reason: r.error! })),
    warnings: manifest.files
      .filter((r) => r.docId !== undefined && r.warnings?.length)
      .map((r) => ({ file: r.file, docId: r.docId!, warnings: r.warnings! })),
  };
}

export interface BuildIndexOptions {
  corpusDir: string;
  indexDir: string;
  embeddings: IdentifiedEmbeddings;
  force?: boolean;
  progress?: BuildProgress;
  log?: (line: string) => void;
}

async function listCorpusFiles(corpusDir: string): Promise<string[]> {
  const entries = await fs.readdir(corpusDir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && SUPPORTED_EXTENSIONS.includes(path.extname(entry.name).toLowerCase()))
    .map((entry) => entry.name)
    .sort();
}

async function hashFiles(corpusDir: string, files: string[]) {
  // The analyzer version too: an index is read with the analyzer it was built for (see tokenize.ts).
  const corpus = createHash("sha256").update(`parser:${PARSER_VERSION};format:${INDEX_FORMAT_VERSION};analyzer:${ANALYZER_VERSION}`);
  const perFile: { file: string; sha256: string }[] = [];
  for (const file of files) {
    const sha256 = createHash("sha256").update(await fs.readFile(path.join(corpusDir, file))).digest("hex");
    perFile.push({ file, sha256 });
    corpus.update(`${file}\0${sha256}\0`);
  }
  return { corpusHash: corpus.digest("hex"), perFile };
}

/** Is the live index built from exactly this corpus with this embedder? */
export async function isIndexCurrent(config: Pick<AppConfig, "corpusDir" | "indexDir">, embedderId: string) {
  const buildDir = await currentBuildDir(config.indexDir).catch(() => null);
  if (!buildDir) return false;
  const manifest = await readManifest(buildDir).catch(() => null);
  if (!manifest) return false;
  const { corpusHash } = await hashFiles(config.corpusDir, await listCorpusFiles(config.corpusDir));
  return manifest.corpusHash === corpusHash && manifest.embedder.id === embedderId;
}

export async function buildIndex(options: BuildIndexOptions): Promise<BuildIndexResult> {
  const { corpusDir, indexDir, embeddings, progress } = options;
  const log = options.log ?? (() => {});
  const files = await listCorpusFiles(corpusDir);
  const { corpusHash, perFile } = await hashFiles(corpusDir, files);

  const liveDir = await currentBuildDir(indexDir).catch(() => null);
  if (liveDir && !options.force) {
    const live = await readManifest(liveDir).catch(() => null);
    if (live && live.corpusHash === corpusHash && live.embedder.id === embeddings.modelId) {
      return { status: "unchanged", buildDir: liveDir, manifest: live, ...reportOf(live) };
    }
  }

  const documents: ParsedDocument[] = [];
  const skipped: { file: string; reason: string }[] = [];
  const fileRecords: IndexManifest["files"] = [];
  progress?.start("parse", files.length);
  for (const [i, file] of files.entries()) {
    const record = perFile[i]!;
    try {
      const doc = await parseDocumentFile(path.join(corpusDir, file));
      documents.push(doc);
      fileRecords.push(record);
    } catch (error) {
      const message = UnreadableDocumentError.isInstance(error) || error instanceof Error ? error.message : String(error);
      // The error names its file; the record already does.
      const reason = message.startsWith(`${file}: `) ? message.slice(file.length + 2) : message;
      skipped.push({ file, reason });
      fileRecords.push({ ...record, error: reason });
      log(`Skipped ${file}: ${reason}`);
    }
    progress?.update(i + 1);
  }
  progress?.stop();
  if (files.length > 0 && documents.length === 0) {
    // Publishing an empty index would replace a working one: fail and leave the live index as it is.
    throw new NoReadableDocumentsError(skipped);
  }

  assignDocumentIds(documents);
  for (const doc of documents) {
    const record = fileRecords.find((r) => r.file === doc.meta.file);
    if (!record) continue;
    record.docId = doc.meta.id;
    if (doc.quality.warnings.length) record.warnings = doc.quality.warnings;
  }
  const links = linkCrossReviewReferences(documents);
  const chunks = documents.flatMap((doc) => doc.chunks);
  const storedDocuments = documents.map(({ chunks: _chunks, ...rest }) => rest);

  const buildDir = await publishBuild(indexDir, async (tmpDir) => {
    progress?.start("embed", chunks.length);
    const { dimensions } = await buildVectorIndex(chunks, embeddings, vectorsDir(tmpDir), {
      cacheDir: cacheDir(indexDir),
      onProgress: (done) => progress?.update(done),
    });
    progress?.stop();
    const manifest: IndexManifest = {
      formatVersion: INDEX_FORMAT_VERSION,
      builtAt: new Date().toISOString(),
      corpusHash,
      files: fileRecords,
      embedder: { id: embeddings.modelId, dimensions },
      documentCount: storedDocuments.length,
      chunkCount: chunks.length,
    };
    await writeJson(path.join(tmpDir, "documents.json"), storedDocuments);
    await writeJson(path.join(tmpDir, "chunks.json"), chunks);
    await writeJson(path.join(tmpDir, "links.json"), links);
    // The manifest goes last: a build folder without one was never finished.
    await writeJson(path.join(tmpDir, "manifest.json"), manifest);
  });
  const manifest = await readManifest(buildDir);
  return { status: "built", buildDir, manifest, ...reportOf(manifest) };
}
