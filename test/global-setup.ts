// Build the real index of the real corpus once before the test run (a no-op when it is current).
// Tests that need it load it from the default index folder.
import { loadConfig } from "../src/config.ts";

export default async function setup(): Promise<void> {
  const config = loadConfig({});
  try {
    const { createEmbeddings } = await import("../src/index/create-embeddings.ts");
    const { buildIndex } = await import("../src/store/build-index.ts");
    const result = await buildIndex({
      corpusDir: config.corpusDir,
      indexDir: config.indexDir,
      embeddings: createEmbeddings(config.embeddings),
    });
    console.log(`test index ${result.status}: ${result.buildDir}`);
  } catch (error) {
    // Tests that need the index will fail with their own message; the rest still run.
    console.warn(`test index could not be built: ${error instanceof Error ? error.message : String(error)}`);
  }
}
