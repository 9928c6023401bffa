// WORKERS=n: n server processes behind one port (node:cluster). The primary ingests once before
// forking (workers only load the published, read-only index), restarts workers that crash, runs
// admin ingests one at a time for the whole cluster and tells every worker to load the new build,
// keeps the cluster-wide rate-limit counters, gathers metrics, and stops everyone on SIGTERM.
import cluster, { type Worker } from "node:cluster";
import type { AppConfig } from "../config.ts";
import { NoReadableDocumentsError } from "../errors.ts";
import { createEmbeddings } from "../index/create-embeddings.ts";
import { buildIndex } from "../store/build-index.ts";
import { loadIndex } from "../store/load-index.ts";
import { openDatabaseIndex } from "../store/postgres/open-database-index.ts";
import { IpcChannel } from "./cluster-ipc.ts";
import { type IngestRequest, LocalIngestRunner, stopIngestWorker } from "./ingest-runner.ts";
import type { Logger } from "./logger.ts";
import { clusterMetricsText } from "./metrics.ts";
import { createRateLimitStoreHandler } from "./middleware/cluster-rate-limit-store.ts";

/** More unexpected exits than this within CRASH_WINDOW_MS: something is wrong with every worker; give up. */
const MAX_CRASHES = 5;
const CRASH_WINDOW_MS = 60_000;
const RELOAD_TIMEOUT_MS = 120_000;

export interface ClusterOptions {
  exit?: (code: number) => void;
}

/**
 * Run as the primary of a cluster of `config.workers` server processes; resolves once all listen.
 *
 * @example
 * if (cluster.isPrimary && config.workers > 1) await runClusterPrimary(config, logger);
 */
export async function runClusterPrimary(config: AppConfig, logger: Logger, options: ClusterOptions = {}): Promise<void> {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const embeddings = createEmbeddings(config.embeddings);
  if (config.databaseUrl) {
    // The database's build: published (if needed) and loaded once here, so workers only load it.
    const { store } = await openDatabaseIndex({ ...config, databaseUrl: config.databaseUrl }, embeddings, {
      ingestIfStale: true,
      log: (line) => logger.info(line),
    });
    await store.close();
  } else {
    try {
      const built = await buildIndex({
        corpusDir: config.corpusDir,
        indexDir: config.indexDir,
        embeddings,
        log: (line) => logger.info(line),
      });
      logger.info({ build: built.buildDir, status: built.status }, built.status === "built" ? "built the index" : "index is up to date");
      for (const { file, docId, warnings } of built.warnings) logger.warn({ file, docId, warnings }, "document read with warnings");
    } catch (error) {
      // No corpus file could be read: the live index (if any) was left as it was; serve it.
      if (!(error instanceof NoReadableDocumentsError)) throw error;
      logger.error(error.message);
    }
  }
  // A corrupt index fails here, once, with its message, instead of in a crash loop of workers.
  if (!config.databaseUrl) await loadIndex(config.indexDir, embeddings);

  const channels = new Map<number, IpcChannel>();
  const rateLimitStore = createRateLimitStoreHandler();
  const runner = new LocalIngestRunner({
    config,
    prewarm: config.adminToken !== undefined,
    log: (line) => logger.info(line),
    // The admin request is answered once every worker serves the new build.
    onPublished: async (buildDir) => {
      await Promise.all(
        [...channels.entries()].map(([id, channel]) =>
          channel.request("index:reload", buildDir, RELOAD_TIMEOUT_MS).catch((error: unknown) => {
            logger.error({ err: error, worker: id, build: buildDir }, "a worker could not load the new index");
          }),
        ),
      );
    },
  });

  let stopping = false;
  // Until every worker listens, an exit is a failed start (reported below), not a crash to repair.
  let started = false;
  const crashes: number[] = [];

  const fork = (): Worker => {
    const worker = cluster.fork();
    const channel = new IpcChannel((message) => worker.send(message))
      .handle("ingest", (payload) => runner.run(payload as IngestRequest))
      .handle("ingest:busy", () => runner.isBusy())
      .handle("metrics", () => clusterMetricsText())
      .handle("rate-limit", rateLimitStore);
    channels.set(worker.id, channel);
    worker.on("message", (message) => channel.receive(message));
    worker.on("exit", (code, signal) => {
      channels.delete(worker.id);
      channel.close("The worker exited");
      if (stopping || !started) return;
      const now = Date.now();
      crashes.push(now);
      while (crashes.length > 0 && crashes[0]! < now - CRASH_WINDOW_MS) crashes.shift();
      if (crashes.length > MAX_CRASHES) {
        logger.fatal({ crashes: crashes.length }, "workers keep exiting; stopping the cluster");
        void stopAll(1);
        return;
      }
      logger.error({ pid: worker.process.pid, code, signal }, "worker exited; starting another");
      fork();
    });
    return worker;
  };

  const stopAll = async (code: number) => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    logger.info({ workers: workers.length }, "stopping workers");
    const exited = workers.map((worker) => new Promise<void>((resolve) => {
      if (worker.isDead()) return resolve();
      worker.once("exit", () => resolve());
      // Each worker drains itself within SHUTDOWN_TIMEOUT_MS (see shutdown.ts).
      worker.process.kill("SIGTERM");
    }));
    const grace = new Promise<void>((resolve) => setTimeout(resolve, config.shutdownTimeoutMs + 2_000).unref());
    await Promise.race([Promise.all(exited), grace]);
    for (const worker of workers) if (!worker.isDead()) worker.process.kill("SIGKILL");
    await stopIngestWorker(config.indexDir);
    exit(code);
  };
  process.once("SIGTERM", () => void stopAll(0));
  process.once("SIGINT", () => void stopAll(0));

  const listening = Array.from({ length: config.workers }, () => {
    const worker = fork();
    return new Promise<void>((resolve, reject) => {
      worker.once("listening", () => resolve());
      worker.once("exit", (code) => reject(new Error(`worker exited with code ${code} before listening`)));
    });
  });
  try {
    await Promise.all(listening);
    started = true;
  } catch (error) {
    // The worker printed why (its stderr is ours); stop the others and fail.
    logger.fatal({ err: error }, "a worker failed to start");
    await stopAll(1);
  }
}
