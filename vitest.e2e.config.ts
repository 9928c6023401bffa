// Browser tests (test/e2e): real Chromium against the real server, one file at a time.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    // Chromium and the server share two cores: files run one after another.
    fileParallelism: false,
    pool: "forks",
    // Builds the real index once (a no-op when it is current).
    globalSetup: ["test/global-setup.ts"],
    reporters: ["default", "json"],
    outputFile: { json: "test/artifacts/e2e-results.json" },
  },
});
