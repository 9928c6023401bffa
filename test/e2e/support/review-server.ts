// The real Review Chat server on 127.0.0.1, port 0: real index, real extractive answers.
import { loadConfig } from "../../../src/config.ts";
import { type RunningServer, startServer } from "../../../src/server/start-server.ts";

/**
 * Start the server with a clean environment (no LLM keys: extractive mode), rate limiting off so a
 * test run's questions are not throttled, and `env` on top (WIDGET_ORIGINS, CORPUS_DIR, INDEX_DIR…).
 */
export async function startReviewServer(env: Record<string, string>): Promise<RunningServer> {
  const config = loadConfig({ HOST: "127.0.0.1", PORT: "0", RATE_LIMIT_MAX: "0", LOG_LEVEL: "silent", ...env });
  return startServer(config, { ingestIfStale: true });
}
