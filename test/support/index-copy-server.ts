// A real server with admin ingest on a throwaway copy of the live index, for tests that upload
// papers without touching the real index or corpus.
import type { RunningServer } from "../../src/server/start-server.ts";
import { copyLiveIndex } from "./copy-live-index.ts";
import { type TempIndex, createTempIndex } from "./temp-index.ts";
import { startTestServer } from "./test-server.ts";

export const TEST_ADMIN_TOKEN = "test-admin-token-0123456789abcdef";

export interface IndexCopyServer {
  temp: TempIndex;
  server: RunningServer;
  close(): Promise<void>;
}

/** Copy the live index into a temp folder and serve it, `ADMIN_TOKEN` set to `TEST_ADMIN_TOKEN`. */
export async function startServerOnIndexCopy(env: NodeJS.ProcessEnv = {}): Promise<IndexCopyServer> {
  const temp = await createTempIndex();
  await copyLiveIndex(temp.indexDir);
  const server = await startTestServer({ ...env, CORPUS_DIR: temp.corpusDir, INDEX_DIR: temp.indexDir, ADMIN_TOKEN: TEST_ADMIN_TOKEN });
  return {
    temp,
    server,
    close: async () => {
      await server.close();
      await temp.cleanup();
    },
  };
}
