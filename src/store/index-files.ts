// The on-disk layout of an index, and the atomic way to replace it.
//
//   index/
//     CURRENT                  name of the live build (replaced by rename, so always whole)
//     builds/<name>/           one complete build: manifest.json, documents.json, chunks.json,
//                              links.json, vectors/ (HNSWLib files)
//     cache/                   content-addressed embedding cache, shared across builds
//
// A build is written into builds/.tmp-*, renamed into place when complete, and only then
// does CURRENT point at it: an interrupted run leaves the previous build live and intact.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { IndexError } from "../errors.ts";
import type { Chunk, CrossReviewLink, ParsedDocument } from "../types.ts";

export const INDEX_FORMAT_VERSION = 2;
export const REBUILD_HINT = "run `npx review-chat ingest` to rebuild it";

export interface IndexManifest {
  formatVersion: number;
  builtAt: string;
  /** Hash over corpus file names and contents plus the parser, index format and analyzer versions. */
  corpusHash: string;
  /** Per corpus file: the document it became, or why it was skipped; warnings about how well it was read. */
  files: { file: string; sha256: string; docId?: string; error?: string; warnings?: string[] }[];
  embedder: { id: string; dimensions: number };
  documentCount: number;
  chunkCount: number;
  /** Documents whose vectors are still being made (a staged build's first publish): BM25 only for now. */
  pendingDocuments?: string[];
}

/** What documents.json holds: a parsed document without its chunks (they live in chunks.json). */
export type StoredDocument = Omit<ParsedDocument, "chunks">;

export interface IndexFiles {
  buildDir: string;
  manifest: IndexManifest;
  documents: StoredDocument[];
  chunks: Chunk[];
  links: CrossReviewLink[];
}

export const buildsDir = (indexDir: string) => path.join(indexDir, "builds");
export const cacheDir = (indexDir: string) => path.join(indexDir, "cache");
export const vectorsDir = (buildDir: string) => path.join(buildDir, "vectors");

/** The directory of the live build, or null when there is none. */
export async function currentBuildDir(indexDir: string): Promise<string | null> {
  const pointer = path.join(indexDir, "CURRENT");
  let name: string;
  try {
    name = (await fs.readFile(pointer, "utf8")).trim();
  } catch {
    return null;
  }
  if (!name || name.includes("/") || name.includes("..")) {
    throw new IndexError("index_corrupt", `Index pointer ${pointer} is corrupt; ${REBUILD_HINT}`, pointer);
  }
  const dir = path.join(buildsDir(indexDir), name);
  if (!existsSync(dir)) {
    throw new IndexError("index_corrupt", `Index pointer ${pointer} names a missing build ${dir}; ${REBUILD_HINT}`, pointer);
  }
  return dir;
}

/**
 * Write a new build through `write(tmpDir)`, then publish it atomically.
 * Keeps the previous build (readers that loaded it keep working) and removes older ones.
 */
export async function publishBuild(indexDir: string, write: (tmpDir: string) => Promise<void>): Promise<string> {
  const builds = buildsDir(indexDir);
  await fs.mkdir(builds, { recursive: true });
  const suffix = randomBytes(3).toString("hex");
  const tmpDir = path.join(builds, `.tmp-${process.pid}-${suffix}`);
  await fs.mkdir(tmpDir);
  try {
    await write(tmpDir);
  } catch (error) {
    await fs.rm(tmpDir, { recursive: true, force: true });
    throw error;
  }
  const previous = await currentBuildDir(indexDir).catch(() => null);
  const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${suffix}`;
  const finalDir = path.join(builds, name);
  await fs.rename(tmpDir, finalDir);
  const pointerTmp = path.join(indexDir, `.CURRENT.${process.pid}.${suffix}`);
  await fs.writeFile(pointerTmp, `${name}\n`);
  await fs.rename(pointerTmp, path.join(indexDir, "CURRENT"));
  await pruneBuilds(indexDir, [name, previous ? path.basename(previous) : ""]);
  return finalDir;
}

async function pruneBuilds(indexDir: string, keep: string[]): Promise<void> {
  const builds = buildsDir(indexDir);
  for (const entry of await fs.readdir(builds)) {
    if (keep.includes(entry)) continue;
    // Leftovers of interrupted runs (.tmp-*) of processes that are gone, and superseded builds.
    if (entry.startsWith(".tmp-")) {
      const pid = Number(entry.split("-")[1]);
      if (pid === process.pid || isAlive(pid)) continue;
    }
    await fs.rm(path.join(builds, entry), { recursive: true, force: true });
  }
}

/** Is process `pid` still running (on this machine)? */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function writeJson(file: string, value: unknown): Promise<void> {
  await fs.writeFile(file, JSON.stringify(value));
}

async function readJson<T>(file: string): Promise<T> {
  let raw: string;
  try {
    raw = await fs.readFile(file, "utf8");
  } catch (cause) {
    throw new IndexError("index_corrupt", `Index file ${file} is missing; ${REBUILD_HINT}`, file, cause);
  }
  try {
    return JSON.parse(raw) as T;
  } catch (cause) {
    throw new IndexError("index_corrupt", `Index file ${file} is truncated or corrupt; ${REBUILD_HINT}`, file, cause);
  }
}

export async function readManifest(buildDir: string): Promise<IndexManifest> {
  const file = path.join(buildDir, "manifest.json");
  const manifest = await readJson<IndexManifest>(file);
  if (typeof manifest !== "object" || manifest === null || manifest.formatVersion !== INDEX_FORMAT_VERSION) {
    throw new IndexError("index_corrupt", `Index file ${file} has an unknown format; ${REBUILD_HINT}`, file);
  }
  return manifest;
}

/** Read and sanity-check every JSON file of a build. */
export async function readIndexFiles(buildDir: string): Promise<IndexFiles> {
  const manifest = await readManifest(buildDir);
  const documents = await readJson<StoredDocument[]>(path.join(buildDir, "documents.json"));
  const chunks = await readJson<Chunk[]>(path.join(buildDir, "chunks.json"));
  const links = await readJson<CrossReviewLink[]>(path.join(buildDir, "links.json"));
  const checks: [string, boolean][] = [
    ["documents.json", Array.isArray(documents) && documents.length === manifest.documentCount],
    ["chunks.json", Array.isArray(chunks) && chunks.length === manifest.chunkCount],
    ["links.json", Array.isArray(links)],
  ];
  for (const [name, ok] of checks) {
    if (!ok) {
      const file = path.join(buildDir, name);
      throw new IndexError("index_corrupt", `Index file ${file} does not match its manifest; ${REBUILD_HINT}`, file);
    }
  }
  return { buildDir, manifest, documents, chunks, links };
}
