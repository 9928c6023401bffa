// Keeps `ctx.index` on the live build: after an ingest (admin endpoint, a message from the cluster
// primary, or `review-chat ingest` run beside the server, seen through the CURRENT pointer) the new
// build is loaded in full first (its answer lookups built too) and then swapped in with one assignment, so every request sees
// either the old index or the new one, never a mix. A build that fails to load leaves the old one serving.
import { watchFile, unwatchFile } from "node:fs";
import path from "node:path";
import { currentBuildDir } from "../store/index-files.ts";
import { loadBuild, loadIndex } from "../store/load-index.ts";
import type { ServerContext } from "./context.ts";
import type { Logger } from "./logger.ts";
import { recordIndexSwap } from "./metrics.ts";
import { warmUpIndex } from "./warm-up.ts";

export interface ReloadResult {
  changed: boolean;
  buildDir: string | null;
}

const queues = new WeakMap<ServerContext, Promise<unknown>>();
/** With a database: the active build a served staged build extends (it is served until that changes). */
const stagedOver = new WeakMap<ServerContext, string | null>();

/**
 * Load the build CURRENT names (with a database, its active build), unless it is already the one
 * served. `stagedBuildDir`, with a database: a BM25-searchable build this instance's ingest
 * published locally before the database has the complete one; it is served here until the
 * database's active build changes. Calls for one context run one after another, so two quick
 * ingests cannot swap out of order.
 *
 * @example
 * await reloadIndex(ctx); // { changed: true, buildDir: "index/builds/2025-…" }
 */
export function reloadIndex(ctx: ServerContext, stagedBuildDir?: string): Promise<ReloadResult> {
  const previous = queues.get(ctx) ?? Promise.resolve();
  const run = previous.catch(() => {}).then(() => swapIn(ctx, stagedBuildDir));
  queues.set(ctx, run);
  return run;
}

async function swapIn(ctx: ServerContext, stagedBuildDir?: string): Promise<ReloadResult> {
  // With a database, its active build; otherwise the one the CURRENT pointer names.
  const buildDir = ctx.postgres ? await ctx.postgres.activeBuildDir() : await currentBuildDir(ctx.config.indexDir);
  if (ctx.postgres && stagedBuildDir && stagedBuildDir !== buildDir) {
    const loaded = await loadBuild(stagedBuildDir, ctx.embeddings);
    await warmUpIndex(loaded);
    ctx.index = loaded;
    stagedOver.set(ctx, buildDir);
    recordIndexSwap(loaded.files.manifest.chunkCount);
    return { changed: true, buildDir: stagedBuildDir };
  }
  // A staged build stays until the database publishes past the build it extends.
  if (ctx.postgres && stagedOver.has(ctx)) {
    if (stagedOver.get(ctx) === buildDir) return { changed: false, buildDir: ctx.index?.files.buildDir ?? null };
    stagedOver.delete(ctx);
  }
  if (!buildDir || ctx.index?.files.buildDir === buildDir) return { changed: false, buildDir };
  const loaded = ctx.postgres ? await ctx.postgres.loadActive(ctx.embeddings) : await loadIndex(ctx.config.indexDir, ctx.embeddings);
  await warmUpIndex(loaded);
  ctx.index = loaded;
  recordIndexSwap(loaded.files.manifest.chunkCount);
  return { changed: true, buildDir: loaded.files.buildDir };
}

/**
 * Reload whenever the CURRENT pointer changes (polled: renames are not reliably reported by
 * fs.watch on every filesystem). Returns the function that stops watching.
 */
export function watchIndexPointer(ctx: ServerContext, logger: Logger, intervalMs = 2_000): () => void {
  const pointer = path.join(ctx.config.indexDir, "CURRENT");
  const listener = () => reloadAndLog(ctx, logger);
  const watcher = watchFile(pointer, { interval: intervalMs, persistent: false }, listener);
  watcher.unref?.();
  return () => unwatchFile(pointer, listener);
}

/** With a database: reload when any instance or the CLI publishes a build there (NOTIFY, or the poll). */
export function watchPublishedBuilds(ctx: ServerContext, logger: Logger): () => Promise<void> {
  if (!ctx.postgres) throw new Error("watchPublishedBuilds needs the PostgreSQL store");
  return ctx.postgres.watchPublishedBuilds(() => reloadAndLog(ctx, logger), ctx.config.databasePollMs);
}

function reloadAndLog(ctx: ServerContext, logger: Logger): void {
  reloadIndex(ctx).then(
    (result) => {
      if (result.changed) logger.info({ build: result.buildDir }, "serving the new index build");
    },
    (error: unknown) => logger.error({ err: error }, "the new index build could not be loaded; still serving the previous one"),
  );
}
