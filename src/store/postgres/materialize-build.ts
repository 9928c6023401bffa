// Copy one published build out of the shared store into a local build folder of the usual layout
// (index-files.ts), which the file-based loader then opens: the database stays the record, the
// folder is this instance's cache of it. Builds never change once published, so a complete folder
// is reused; it is written under a temporary name and renamed, so a half-written one is never read.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { IndexError } from "../../errors.ts";
import type { Chunk, CrossReviewLink, ReferenceEntry } from "../../types.ts";
import { type IndexManifest, type StoredDocument, vectorsDir, writeJson } from "../index-files.ts";
import type { Database } from "./database.ts";

/** Where this instance keeps its copy of database build `id`. */
export const databaseBuildDir = (indexDir: string, id: number) => path.join(indexDir, "db-builds", String(id));

export async function materializeBuild(db: Database, indexDir: string, id: number): Promise<string> {
  const dir = databaseBuildDir(indexDir, id);
  if (existsSync(path.join(dir, "manifest.json"))) return dir;
  const parent = path.dirname(dir);
  await fs.mkdir(parent, { recursive: true });
  const tmp = path.join(parent, `.tmp-${process.pid}-${randomBytes(3).toString("hex")}`);
  await fs.mkdir(path.join(tmp, "vectors"), { recursive: true });
  try {
    const build = await db.query<{ manifest: IndexManifest }>("SELECT manifest FROM builds WHERE id = $1", [id]);
    if (build.rows.length === 0) throw new IndexError("index_missing", `Build ${id} is no longer in the database`);
    const documents = await db.query<{ body: StoredDocument }>("SELECT body FROM documents WHERE build_id = $1 ORDER BY position", [id]);
    const references = await db.query<{ doc_id: string; body: ReferenceEntry }>(
      "SELECT doc_id, body FROM reference_entries WHERE build_id = $1 ORDER BY doc_id, position",
      [id],
    );
    const chunks = await db.query<{ body: Chunk }>("SELECT body FROM chunks WHERE build_id = $1 ORDER BY position", [id]);
    const links = await db.query<{ body: CrossReviewLink }>("SELECT body FROM cross_review_links WHERE build_id = $1 ORDER BY position", [id]);
    const files = await db.query<{ name: string; content: Buffer }>("SELECT name, content FROM build_files WHERE build_id = $1", [id]);

    const referencesOf = new Map<string, ReferenceEntry[]>();
    for (const row of references.rows) {
      const list = referencesOf.get(row.doc_id) ?? [];
      list.push(row.body);
      referencesOf.set(row.doc_id, list);
    }
    const storedDocuments = documents.rows.map(({ body }) => ({ ...body, references: referencesOf.get(body.meta.id) ?? [] }));
    await writeJson(path.join(tmp, "documents.json"), storedDocuments);
    await writeJson(path.join(tmp, "chunks.json"), chunks.rows.map((r) => r.body));
    await writeJson(path.join(tmp, "links.json"), links.rows.map((r) => r.body));
    for (const file of files.rows) {
      if (file.name.includes("/") || file.name.includes("..")) continue;
      await fs.writeFile(path.join(vectorsDir(tmp), file.name), file.content);
    }
    // The manifest last: a folder without one was never finished (as for file builds).
    await writeJson(path.join(tmp, "manifest.json"), build.rows[0]!.manifest);
    await fs.rename(tmp, dir).catch(async (error: NodeJS.ErrnoException) => {
      // Another process of this instance materialized it first: theirs is as good.
      if (!existsSync(path.join(dir, "manifest.json"))) throw error;
      await fs.rm(tmp, { recursive: true, force: true });
    });
    await pruneLocalCopies(parent, id);
    return dir;
  } catch (error) {
    await fs.rm(tmp, { recursive: true, force: true });
    throw error;
  }
}

/** Keep this build and the one before it locally (a request may still be answering from it). */
async function pruneLocalCopies(parent: string, id: number): Promise<void> {
  const builds = (await fs.readdir(parent)).filter((name) => /^\d+$/.test(name)).map(Number);
  const older = builds.filter((b) => b < id).sort((a, b) => b - a);
  for (const stale of older.slice(1)) await fs.rm(path.join(parent, String(stale)), { recursive: true, force: true });
}
