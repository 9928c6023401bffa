// Publish a finished local build (see index-files.ts) into the shared store: corpus changes,
// documents, references, chunks, cross-review links, vectors and the HNSW graph, all in one
// transaction that ends by moving `active_build` and notifying every instance. A process that dies
// before COMMIT leaves nothing behind: the database rolls the whole build back.
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type pg from "pg";
import type { IdentifiedEmbeddings } from "../../index/create-embeddings.ts";
import { type ChunkVectorMetadata, loadVectorStore } from "../../index/vector-index.ts";
import { type IndexFiles, vectorsDir } from "../index-files.ts";
import { BUILDS_CHANNEL, type Database, hasVectorExtension, inTransaction } from "./database.ts";

/** Rows per INSERT: bounded messages, whatever the build's size. */
const BATCH_ROWS = 500;
/** Builds kept: the active one and the one before it (an instance may still be loading it). */
const KEEP_BUILDS = 2;

export interface CorpusFileRecord {
  name: string;
  sha256: string;
  content: Buffer;
}

/** The corpus files of a folder as records (name, content hash, bytes). */
export async function readCorpusFiles(dir: string, names: string[]): Promise<CorpusFileRecord[]> {
  const records: CorpusFileRecord[] = [];
  for (const name of names) {
    const content = await fs.readFile(path.join(dir, name));
    records.push({ name, sha256: createHash("sha256").update(content).digest("hex"), content });
  }
  return records;
}

/** The name of the partial HNSW index over one build's vectors (pgvector only). */
export const vectorIndexName = (buildId: number) => `window_vectors_hnsw_${buildId}`;

async function insertRows(client: pg.PoolClient, sql: string, columns: unknown[][]): Promise<void> {
  const rows = columns[0]?.length ?? 0;
  for (let start = 0; start < rows; start += BATCH_ROWS) {
    await client.query(sql, columns.map((column) => column.slice(start, start + BATCH_ROWS)));
  }
}

/**
 * @example
 * const id = await publishBuildToDatabase(db, { files: await readIndexFiles(buildDir), embeddings, corpus });
 */
export async function publishBuildToDatabase(
  db: Database,
  build: { files: IndexFiles; embeddings: IdentifiedEmbeddings; corpus: CorpusFileRecord[] },
): Promise<number> {
  const { files, embeddings } = build;
  const store = await loadVectorStore(vectorsDir(files.buildDir), embeddings);
  const vectorFiles = await fs.readdir(vectorsDir(files.buildDir));
  const withPgvector = await hasVectorExtension(db);
  const positionOf = new Map(files.chunks.map((chunk, i) => [chunk.id, i]));

  return inTransaction(db, async (client) => {
    for (const file of build.corpus) {
      await client.query(
        `INSERT INTO corpus_files (name, sha256, content) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET sha256 = EXCLUDED.sha256, content = EXCLUDED.content, updated_at = now()
         WHERE corpus_files.sha256 <> EXCLUDED.sha256`,
        [file.name, file.sha256, file.content],
      );
    }
    const { manifest } = files;
    const { rows } = await client.query<{ id: string }>(
      "INSERT INTO builds (corpus_hash, embedder, dimensions, manifest) VALUES ($1, $2, $3, $4) RETURNING id",
      [manifest.corpusHash, manifest.embedder.id, manifest.embedder.dimensions, JSON.stringify(manifest)],
    );
    const id = Number(rows[0]!.id);

    const documents = files.documents.map(({ references: _references, ...rest }) => rest);
    await insertRows(
      client,
      `INSERT INTO documents (build_id, position, doc_id, body) SELECT ${id}, * FROM unnest($1::int[], $2::text[], $3::jsonb[])`,
      [documents.map((_, i) => i), documents.map((d) => d.meta.id), documents.map((d) => JSON.stringify(d))],
    );
    const references = files.documents.flatMap((doc) => doc.references.map((ref, position) => ({ docId: doc.meta.id, position, ref })));
    await insertRows(
      client,
      `INSERT INTO reference_entries (build_id, doc_id, position, n, body) SELECT ${id}, * FROM unnest($1::text[], $2::int[], $3::int[], $4::jsonb[])`,
      [references.map((r) => r.docId), references.map((r) => r.position), references.map((r) => r.ref.n), references.map((r) => JSON.stringify(r.ref))],
    );
    await insertRows(
      client,
      `INSERT INTO chunks (build_id, position, chunk_id, doc_id, body) SELECT ${id}, * FROM unnest($1::int[], $2::text[], $3::text[], $4::jsonb[])`,
      [files.chunks.map((_, i) => i), files.chunks.map((c) => c.id), files.chunks.map((c) => c.docId), files.chunks.map((c) => JSON.stringify(c))],
    );
    await insertRows(
      client,
      `INSERT INTO cross_review_links (build_id, position, paper_key, body) SELECT ${id}, * FROM unnest($1::int[], $2::text[], $3::jsonb[])`,
      [files.links.map((_, i) => i), files.links.map((l) => l.paperKey), files.links.map((l) => JSON.stringify(l))],
    );

    // The vectors, by HNSW label, with the chunk each one stands for.
    const count = store.index.getCurrentCount();
    const labels: number[] = [];
    const chunkPositions: number[] = [];
    const docIds: string[] = [];
    const windows: number[] = [];
    const vectors: string[] = [];
    const flush = async () => {
      await client.query(
        `INSERT INTO window_vectors (build_id, label, chunk_position, doc_id, window_index, embedding)
         SELECT ${id}, l, c, d, w, e::real[] FROM unnest($1::int[], $2::int[], $3::text[], $4::int[], $5::text[]) AS t(l, c, d, w, e)`,
        [labels, chunkPositions, docIds, windows, vectors],
      );
      for (const list of [labels, chunkPositions, docIds, windows, vectors]) list.length = 0;
    };
    for (let label = 0; label < count; label++) {
      const doc = store.docstore.search(String(label));
      if (typeof doc === "string") continue;
      const meta = doc.metadata as ChunkVectorMetadata;
      const position = positionOf.get(meta.id);
      if (position === undefined) continue;
      labels.push(label);
      chunkPositions.push(position);
      docIds.push(meta.docId);
      windows.push(meta.window);
      vectors.push(`{${store.index.getPoint(label).join(",")}}`);
      if (labels.length >= BATCH_ROWS) await flush();
    }
    if (labels.length > 0) await flush();

    for (const name of vectorFiles) {
      const content = await fs.readFile(path.join(vectorsDir(files.buildDir), name));
      await client.query("INSERT INTO build_files (build_id, name, content) VALUES ($1, $2, $3)", [id, name, content]);
    }
    if (withPgvector && manifest.embedder.dimensions > 0) {
      // A partial index per build: its dimension is the build's, and it goes with the build.
      const dims = Math.trunc(manifest.embedder.dimensions);
      await client.query(
        `CREATE INDEX ${vectorIndexName(id)} ON window_vectors USING hnsw ((embedding::vector(${dims})) vector_cosine_ops) WHERE build_id = ${id}`,
      );
      // Fresh statistics, so the planner knows the build's rows are many and takes the index.
      await client.query("ANALYZE window_vectors");
    }

    await client.query(
      `INSERT INTO active_build (singleton, build_id) VALUES (true, $1)
       ON CONFLICT (singleton) DO UPDATE SET build_id = EXCLUDED.build_id, published_at = now()`,
      [id],
    );
    await pruneBuilds(client, id);
    // Delivered at COMMIT, and only if it commits.
    await client.query("SELECT pg_notify($1, $2)", [BUILDS_CHANNEL, String(id)]);
    return id;
  });
}

async function pruneBuilds(client: pg.PoolClient, activeId: number): Promise<void> {
  const { rows } = await client.query<{ id: string }>(
    "SELECT id FROM builds WHERE id <> $1 ORDER BY id DESC OFFSET $2",
    [activeId, KEEP_BUILDS - 1],
  );
  for (const { id } of rows) {
    await client.query(`DROP INDEX IF EXISTS ${vectorIndexName(Number(id))}`);
    await client.query("DELETE FROM builds WHERE id = $1", [id]);
  }
}
