// Ingest: corpus folder → parsed documents, chunks, cross-review links and vectors, published
// atomically under the index folder. Unchanged corpus + same embedder = nothing to do. Files parse on a
// thread pool (or come from the parse cache), vectors come from the embedding cache or are made on the
// embedder's worker threads; staged, a BM25-searchable build is published before the vectors are made.
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { AppConfig } from "../config.ts";
import { NoReadableDocumentsError } from "../errors.ts";
import type { IdentifiedEmbeddings } from "../index/create-embeddings.ts";
import { ANALYZER_VERSION } from "../index/tokenize.ts";
import { EmbeddingCache, fillCache, hashText } from "../index/embedding-cache.ts";
import { defaultWindowWords } from "../index/sentence-windows.ts";
import { storeFromCache, vectorDocuments } from "../index/vector-index.ts";
import { assignDocumentIds } from "../ingest/assign-document-ids.ts";
import { linkCrossReviewReferences } from "../ingest/references/link-cross-review.ts";
import { PARSER_VERSION } from "../ingest/parse-document.ts";
import { type ParseOutcome, parseFiles } from "../ingest/parse-pool.ts";
import { readParsed, writeParsed } from "../ingest/parsed-cache.ts";
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
import { IngestProgressRecorder } from "./ingest-progress.ts";
import { pruneParseCache } from "./prune-parse-cache.ts";
import { reuseLiveVectors } from "./reuse-live-vectors.ts";

export const SUPPORTED_EXTENSIONS = [".txt", ".md", ".pdf"];

export interface BuildProgress {
  /** A phase starts: "parse" (files) or "embed" (texts to embed: sentence windows or chunks). */
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
  /** Parsing threads (default one per core; 0 parses on the calling thread). */
  parseThreads?: number;
  /** Words per sentence window (0: one vector per chunk); default per embedder (sentence-windows.ts). */
  windowWords?: number;
  /**
   * Called after each publish. Given, the build is staged: when some documents still need vectors,
   * a build with BM25 over everything (and the vectors already cached) is published first ("parsed"),
   * then the complete one ("ready"). Without it only the complete build is published.
   */
  onPublished?: (stage: BuildStage, buildDir: string) => Promise<void>;
}

async function listCorpusFiles(corpusDir: string): Promise<string[]> {
  const entries = await fs.readdir(corpusDir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && SUPPORTED_EXTENSIONS.includes(path.extname(entry.name).toLowerCase()))
    .map((entry) => entry.name)
    .sort();
}

async function hashFiles(corpusDir: string, files: string[], windowWords: number) {
  // The analyzer version and the window size too: an index is read with the analyzer it was built for
  // (see tokenize.ts), and the window size decides which vectors a build holds.
  const corpus = createHash("sha256").update(
    `parser:${PARSER_VERSION};format:${INDEX_FORMAT_VERSION};analyzer:${ANALYZER_VERSION};windows:${windowWords}`,
  );
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
  const { corpusHash } = await hashFiles(config.corpusDir, await listCorpusFiles(config.corpusDir), defaultWindowWords(embedderId));
  // A build still waiting for vectors (its ingest died after the first publish) is finished by the next ingest.
  return manifest.corpusHash === corpusHash && manifest.embedder.id === embedderId && !manifest.pendingDocuments?.length;
}

/** The two publishes of a staged build: "parsed" (BM25 over every document, vectors where cached) and "ready". */
export type BuildStage = "parsed" | "ready";

/** Parse every file: cached parses first, the rest on a pool of threads; outcomes in file order. */
async function parseCorpus(
  corpusDir: string,
  perFile: { file: string; sha256: string }[],
  cacheFolder: string,
  options: { threads?: number; onParsed: (file: string, outcome: ParseOutcome) => Promise<void> },
): Promise<ParseOutcome[]> {
  const outcomes: ParseOutcome[] = new Array(perFile.length);
  const toParse: number[] = [];
  for (const [i, { file, sha256 }] of perFile.entries()) {
    const document = await readParsed(cacheFolder, file, sha256);
    if (document) {
      outcomes[i] = { file, document };
      await options.onParsed(file, outcomes[i]);
    } else toParse.push(i);
  }
  // A parsing thread starts by loading the TypeScript loader and pdf.js (seconds of CPU), while a
  // text file parses in milliseconds: threads only for two PDFs or more; text files and a lone PDF
  // (an upload, in the warm ingest process that has pdf.js loaded) parse on this thread.
  const pdfs = toParse.filter((i) => path.extname(perFile[i]!.file).toLowerCase() === ".pdf").length;
  const fresh = await parseFiles(
    toParse.map((i) => path.join(corpusDir, perFile[i]!.file)),
    { threads: pdfs >= 2 ? options.threads : 0, onParsed: (outcome) => void options.onParsed(outcome.file, outcome) },
  );
  for (const [j, outcome] of fresh.entries()) {
    const i = toParse[j]!;
    outcomes[i] = outcome;
    if ("document" in outcome) await writeParsed(cacheFolder, outcome.file, perFile[i]!.sha256, outcome.document);
  }
  return outcomes;
}

export async function buildIndex(options: BuildIndexOptions): Promise<BuildIndexResult> {
  const { corpusDir, indexDir, embeddings, progress } = options;
  const log = options.log ?? (() => {});
  const files = await listCorpusFiles(corpusDir);
  const windowWords = options.windowWords ?? defaultWindowWords(embeddings.modelId);
  const { corpusHash, perFile } = await hashFiles(corpusDir, files, windowWords);

  const liveDir = await currentBuildDir(indexDir).catch(() => null);
  if (liveDir && !options.force) {
    const live = await readManifest(liveDir).catch(() => null);
    // A build still waiting for vectors is not finished: it is built again (from the caches).
    if (live && live.corpusHash === corpusHash && live.embedder.id === embeddings.modelId && !live.pendingDocuments?.length) {
      return { status: "unchanged", buildDir: liveDir, manifest: live, ...reportOf(live) };
    }
  }

  const recorder = new IngestProgressRecorder(indexDir, files);
  await recorder.write();
  const documents: ParsedDocument[] = [];
  const skipped: { file: string; reason: string }[] = [];
  const fileRecords: IndexManifest["files"] = [];
  progress?.start("parse", files.length);
  let parsedCount = 0;
  const outcomes = await parseCorpus(corpusDir, perFile, cacheDir(indexDir), {
    threads: options.parseThreads,
    onParsed: async (file, outcome) => {
      progress?.update(++parsedCount);
      await recorder.set(file, "document" in outcome ? { state: "parsed" } : { state: "failed", error: outcome.error.message });
    },
  }).catch(async (error: unknown) => {
    // Readers must not wait on a run that has ended.
    await recorder.finish();
    throw error;
  });
  progress?.stop();
  for (const [i, outcome] of outcomes.entries()) {
    const record = perFile[i]!;
    const { file } = outcome;
    if ("document" in outcome) {
      documents.push(outcome.document);
      fileRecords.push(record);
      continue;
    }
    const message = outcome.error.message;
    // The error names its file; the record already does.
    const reason = message.startsWith(`${file}: `) ? message.slice(file.length + 2) : message;
    skipped.push({ file, reason });
    fileRecords.push({ ...record, error: reason });
    log(`Skipped ${file}: ${reason}`);
  }
  if (files.length > 0 && documents.length === 0) {
    await recorder.finish();
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

  const cache = await EmbeddingCache.open(cacheDir(indexDir), embeddings.modelId);
  const vectorDocs = vectorDocuments(chunks, windowWords);
  const textsOf = new Map<string, string[]>(documents.map((doc) => [doc.meta.id, []]));
  for (const doc of vectorDocs) textsOf.get(doc.metadata.docId)!.push(doc.pageContent);
  const cachedCount = (texts: string[]) => texts.filter((text) => cache.get(hashText(text))).length;
  const pending = documents.filter((doc) => cachedCount(textsOf.get(doc.meta.id)!) < textsOf.get(doc.meta.id)!.length);
  for (const doc of documents) {
    const texts = textsOf.get(doc.meta.id)!;
    const done = cachedCount(texts);
    await recorder.set(doc.meta.file, { docId: doc.meta.id, state: done === texts.length ? "ready" : "parsed", vectors: { done, total: texts.length } });
  }

  /** The build's vector files: the live build's when they hold the same vectors (a "parsed" stage), else built from the cache. */
  const writeVectors = async (stage: BuildStage, tmpDir: string) => {
    if (stage === "parsed") {
      const missing = new Set(vectorDocs.filter((doc) => !cache.get(hashText(doc.pageContent))).map((doc) => doc.metadata.id));
      const kept = vectorDocs.filter((doc) => !missing.has(doc.metadata.id));
      const reused = await reuseLiveVectors(liveDir, embeddings.modelId, kept, vectorsDir(tmpDir));
      if (reused) return { dimensions: reused.dimensions, missing };
    }
    const { store, dimensions, missing } = await storeFromCache(vectorDocs, cache, embeddings);
    await store.save(vectorsDir(tmpDir));
    return { dimensions, missing };
  };

  const publish = async (stage: BuildStage, before?: () => Promise<void>) => {
    const buildDir = await publishBuild(indexDir, async (tmpDir) => {
      await before?.();
      const { dimensions, missing } = await writeVectors(stage, tmpDir);
      const pendingDocuments = [...new Set(chunks.filter((chunk) => missing.has(chunk.id)).map((chunk) => chunk.docId))];
      const manifest: IndexManifest = {
        formatVersion: INDEX_FORMAT_VERSION,
        builtAt: new Date().toISOString(),
        corpusHash,
        files: fileRecords,
        embedder: { id: embeddings.modelId, dimensions },
        documentCount: storedDocuments.length,
        chunkCount: chunks.length,
        ...(pendingDocuments.length ? { pendingDocuments } : {}),
      };
      await writeJson(path.join(tmpDir, "documents.json"), storedDocuments);
      await writeJson(path.join(tmpDir, "chunks.json"), chunks);
      await writeJson(path.join(tmpDir, "links.json"), links);
      // The manifest goes last: a build folder without one was never finished.
      await writeJson(path.join(tmpDir, "manifest.json"), manifest);
    });
    // Parses no kept build was made from (superseded versions of files, removed files) go.
    await pruneParseCache(indexDir, cacheDir(indexDir));
    await options.onPublished?.(stage, buildDir);
    return buildDir;
  };

  try {
    // Searchable by BM25 now; vectors follow.
    if (options.onPublished && pending.length > 0) await publish("parsed");

    const embedPending = async () => {
      const totalTexts = pending.reduce((sum, doc) => sum + textsOf.get(doc.meta.id)!.length, 0);
      let doneBefore = 0;
      progress?.start("embed", totalTexts);
      for (const doc of pending) {
        const texts = textsOf.get(doc.meta.id)!;
        await recorder.set(doc.meta.file, { state: "embedding", vectors: { done: cachedCount(texts), total: texts.length } });
        await fillCache(cache, texts, embeddings, {
          onProgress: (done, total) => {
            progress?.update(doneBefore + done);
            void recorder.set(doc.meta.file, { vectors: { done, total } });
          },
        });
        doneBefore += texts.length;
        await recorder.set(doc.meta.file, { state: "ready", vectors: { done: texts.length, total: texts.length } });
      }
      progress?.stop();
    };
    // Embedded inside the unpublished build folder's lifetime: a run killed meanwhile leaves it
    // behind as a `.tmp-*` folder (removed by the next publish), never a half build.
    const buildDir = await publish("ready", embedPending);
    const manifest = await readManifest(buildDir);
    return { status: "built", buildDir, manifest, ...reportOf(manifest) };
  } finally {
    await recorder.finish();
  }
}
