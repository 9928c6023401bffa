// Graceful shutdown: on SIGTERM (or SIGINT) stop accepting connections, let in-flight answers and
// open /api/chat streams finish, end what is left cleanly at the deadline, and exit within
// SHUTDOWN_TIMEOUT_MS whatever happens.
import cluster from "node:cluster";
import type { Logger } from "./logger.ts";
import { servingStateOf } from "./middleware/apply-serving-middleware.ts";
import type { RunningServer } from "./start-server.ts";

export interface DrainResult {
  /** Requests that were still open at the deadline and were ended early. */
  forced: number;
  durationMs: number;
}

/**
 * Close the server gently: no new connections, 503 shutting_down for requests arriving on kept-alive
 * ones, in-flight requests finish until `timeoutMs`, then streams get a final `error` event.
 *
 * @example
 * const { forced } = await drainServer(running, 10_000);
 */
export async function drainServer(running: RunningServer, timeoutMs: number): Promise<DrainResult> {
  const started = Date.now();
  // Keep a little of the budget for ending what is left and flushing it.
  const margin = Math.min(1_000, Math.floor(timeoutMs / 5));
  const deadline = started + Math.max(0, timeoutMs - margin);
  const { server } = running;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const inFlight = servingStateOf(running.ctx)?.inFlight;
  const { forced } = inFlight ? await inFlight.drain(deadline) : { forced: 0 };
  // Kept-alive sockets that went idle while draining; then whatever has not closed by the end.
  server.closeIdleConnections();
  const left = Math.max(0, started + timeoutMs - Date.now());
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, Math.min(left, margin)).unref())]);
  server.closeAllConnections();
  return { forced, durationMs: Date.now() - started };
}

export interface GracefulShutdownOptions {
  timeoutMs: number;
  logger: Logger;
  /** Runs first (stop watchers, timers); must not throw. */
  beforeDrain?: () => void;
  exit?: (code: number) => void;
}

/**
 * Drain and exit on SIGTERM/SIGINT (and, in a cluster worker, when the primary goes away).
 * Returns the shutdown function, for callers that decide to stop by themselves.
 */
export function installGracefulShutdown(running: RunningServer, options: GracefulShutdownOptions): (reason: string) => Promise<void> {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stopping: Promise<void> | undefined;
  const shutdown = (reason: string) => {
    stopping ??= (async () => {
      const { logger, timeoutMs } = options;
      logger.info({ reason, timeoutMs }, "shutting down: draining in-flight requests");
      // Past the bound, exit whatever is still pending.
      setTimeout(() => {
        logger.error({ timeoutMs }, "shutdown deadline passed; exiting");
        exit(1);
      }, timeoutMs + 500).unref();
      options.beforeDrain?.();
      try {
        const { forced, durationMs } = await drainServer(running, timeoutMs);
        logger.info({ forced, durationMs }, "drained; exiting");
        exit(0);
      } catch (error) {
        logger.error({ err: error }, "shutdown failed");
        exit(1);
      }
    })();
    return stopping;
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
  if (cluster.isWorker) process.once("disconnect", () => void shutdown("primary process went away"));
  return shutdown;
}
