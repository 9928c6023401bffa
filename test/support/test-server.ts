// Start the real server on a free loopback port over the real index built by the global setup.
// Logs off and no rate limit by default (a test file asks more than a visitor would); env overrides.
import { loadConfig } from "../../src/config.ts";
import { type RunningServer, startServer } from "../../src/server/start-server.ts";

export async function startTestServer(env: NodeJS.ProcessEnv = {}): Promise<RunningServer> {
  const config = loadConfig({ LOG_LEVEL: "silent", RATE_LIMIT_MAX: "0", ...env, PORT: "0", HOST: "127.0.0.1" });
  return startServer(config, { ingestIfStale: false });
}
