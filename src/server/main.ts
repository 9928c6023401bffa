// `npm start`: serve the corpus on HOST:PORT, ingesting first when the index is missing or stale.
// WORKERS=n (n > 1) runs a cluster: this process becomes the primary (see cluster.ts) and each
// worker comes back here to serve.
import cluster from "node:cluster";
import { type AppConfig, loadConfig } from "../config.ts";
import { ReviewChatError } from "../errors.ts";
import { primaryChannel } from "./cluster-ipc.ts";
import { runClusterPrimary } from "./cluster.ts";
import { reloadIndex, watchIndexPointer, watchPublishedBuilds } from "./index-reloader.ts";
import { type Logger, createLogger } from "./logger.ts";
import { recordIndexLoaded } from "./metrics.ts";
import { installGracefulShutdown } from "./shutdown.ts";
import { startServer } from "./start-server.ts";

async function serve(config: AppConfig, logger: Logger): Promise<void> {
  const running = await startServer(config, {
    // Workers only load: the primary has ingested once before forking them.
    ingestIfStale: !cluster.isWorker,
    log: (line) => logger.info(line),
  });
  recordIndexLoaded(running.ctx.index?.files.manifest.chunkCount ?? 0);
  // The primary tells workers about builds published by an admin ingest; the pointer watch
  // catches `review-chat ingest` run beside the server, and with a database, builds published
  // there by any instance or the CLI.
  primaryChannel()?.handle("index:reload", (buildDir) => reloadIndex(running.ctx, typeof buildDir === "string" ? buildDir : undefined));
  const stopWatching = running.ctx.postgres
    ? ((stop) => () => void stop())(watchPublishedBuilds(running.ctx, logger))
    : watchIndexPointer(running.ctx, logger);
  installGracefulShutdown(running, { timeoutMs: config.shutdownTimeoutMs, logger, beforeDrain: stopWatching });
  logger.info({ url: running.url, build: running.ctx.index?.files.buildDir }, `Review Chat listening on ${running.url}`);
}

/** Startup failures the operator can fix get one line on stderr, not a stack trace. */
function explain(error: unknown): string | undefined {
  if (ReviewChatError.isInstance(error)) return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "EADDRINUSE") return "the port is already in use; set PORT to another one or stop the other server";
  if (code === "EACCES") return "not allowed to listen on that port; choose PORT above 1023";
  if (code === "EADDRNOTAVAIL") return "HOST is not an address of this machine";
  return undefined;
}

try {
  const config = loadConfig(process.env);
  const logger = createLogger(config);
  if (cluster.isPrimary && config.workers > 1) await runClusterPrimary(config, logger);
  else await serve(config, logger);
} catch (error) {
  const message = explain(error);
  if (message === undefined) throw error;
  console.error(`review-chat: ${message}`);
  process.exit(1);
}
