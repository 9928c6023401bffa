// Build the real index of the real corpus once before the test run (a no-op when it is current).
import { loadConfig } from "../src/config.ts";
import { createEmbeddings } from "../src/index/create-embeddings.ts";
import { buildIndex } from "../src/store/build-index.ts";

export default async function setup(): Promise<void> {
  const config = loadConfig({});
  const result = await buildIndex({
    corpusDir: config.corpusDir,
    indexDir: config.indexDir,
    embeddings: createEmbeddings(config.embeddings),
  });
  console.log(`test index ${result.status}: ${result.buildDir}`);
}
