import { loadConfig } from "./src/config.ts";
import { startServer } from "./src/server/start-server.ts";
const server = await startServer(loadConfig({ LOG_LEVEL: "silent", RATE_LIMIT_MAX: "0", PORT: "0", HOST: "127.0.0.1", REQUEST_TIMEOUT_MS: process.argv[2] ?? "3000" }), { ingestIfStale: false });
const t0 = Date.now(); let n = 0; let errs = 0;
while (Date.now() - t0 < 15000) {
  const s = Date.now();
  try {
    const r = await fetch(`${server.url}/api/search?q=drug`); await r.arrayBuffer(); n++;
  } catch (e) { errs++; console.log("ERR at", s - t0, String((e as Error).cause)); }
  if (n % 50 === 0) await new Promise((r) => setTimeout(r, 300));
}
console.log("requests", n, "errors", errs);
await server.close();
