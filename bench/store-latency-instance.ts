// One server for bench/store-latency.ts: serves the index (or the database's build) it is given,
// without ingesting first, and prints its URL.
import { loadConfig } from "../src/config.ts";
import { startServer } from "../src/server/start-server.ts";

const running = await startServer(loadConfig(process.env), { ingestIfStale: false });
console.log(`listening ${running.url}`);
