// Start the HTTP server: make sure the index matches the corpus (ingesting if needed), load it, listen.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { AppConfig } from "../config.ts";
import { NoReadableDocumentsError } from "../errors.ts";
import { createEmbeddings } from "../index/create-embeddings.ts";
import { buildIndex } from "../store/build-index.ts";
import { loadIndex } from "../store/load-index.ts";
import { openDatabaseIndex } from "../store/postgres/open-database-index.ts";
import { createApp } from "./app.ts";
import type { ServerContext } from "./context.ts";
import { stopIngestWorker } from "./ingest-runner.ts";
import { applyServerTimeouts } from "./middleware/request-timeout.ts";
import { warmUpIndex } from "./warm-up.ts";

export interface RunningServer {
  server: Server;
  ctx: ServerContext;
  url: string;
  close(): Promise<void>;
}

export async function startServer(
  config: AppConfig,
  options: { ingestIfStale?: boolean; log?: (line: string) => void } = {},
): Promise<RunningServer> {
  const log = options.log ?? (() => {});
  const embeddings = createEmbeddings(config.embeddings);
  // With DATABASE_URL, PostgreSQL is the system of record (src/store/postgres/); the index folder is not used.
  const database = config.databaseUrl
    ? await openDatabaseIndex({ ...config, databaseUrl: config.databaseUrl }, embeddings, { ingestIfStale: options.ingestIfStale ?? true, log })
    : undefined;
  if (!database && (options.ingestIfStale ?? true)) {
    try {
      const result = await buildIndex({ corpusDir: config.corpusDir, indexDir: config.indexDir, embeddings, log });
      log(result.status === "built" ? `Built index ${result.buildDir}` : "Index is up to date");
      for (const { file, docId, warnings } of result.warnings) log(`Warning: ${file} (${docId}): ${warnings.join("; ")}`);
    } catch (error) {
      // No corpus file could be read: the live index (if any) was left as it was; serve it.
      if (!(error instanceof NoReadableDocumentsError)) throw error;
      log(error.message);
    }
  }
  const ctx: ServerContext = database
    ? { config, embeddings, index: database.index, postgres: database.store }
    : { config, embeddings, index: await loadIndex(config.indexDir, embeddings) };
  if (ctx.index) await warmUpIndex(ctx.index, { embedQuery: true });
  const app = createApp(ctx);
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
    s.once("error", reject);
  });
  applyServerTimeouts(server, config);
  const { port } = server.address() as AddressInfo;
  return {
    server,
    ctx,
    url: `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }).finally(() => Promise.all([ctx.postgres?.close(), stopIngestWorker(config.indexDir)])),
  };
}
