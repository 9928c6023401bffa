// PostgreSQL with pgvector for tests: PGlite (Postgres compiled to WASM) with its bundled `vector`
// extension, served over the wire protocol by pglite-socket on a free loopback port, so the
// project connects to it with `pg` exactly as to a real server. PGlite is one backend multiplexed
// across connections: advisory locks and LISTEN/NOTIFY are not shared between connections there,
// which is why the multi-instance tests use a real cluster (postgres-cluster.ts).
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface PgliteServer {
  url: string;
  stop(): Promise<void>;
}

export async function startPgliteServer(): Promise<PgliteServer> {
  const db = await PGlite.create({ extensions: { vector } });
  const server = new PGLiteSocketServer({ db, port: 0, host: "127.0.0.1", maxConnections: 8 });
  await server.start();
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
