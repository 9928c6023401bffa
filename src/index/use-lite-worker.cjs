// The thread side of UseLiteEmbeddings' worker pool: loads USE-lite once and turns batches of token
// ids into vectors (use-lite-runtime.cjs). Plain CommonJS: it runs the same under tsx, vitest and node.
/* eslint-disable @typescript-eslint/no-require-imports */
"use strict";
const { parentPort, workerData } = require("node:worker_threads");
const { loadModel, embedTokens } = require("./use-lite-runtime.cjs");

let loading = null;
parentPort.on("message", async ({ id, tokens }) => {
  try {
    loading = loading || loadModel(workerData);
    const model = await loading.catch((error) => {
      loading = null;
      throw error;
    });
    const vectors = await embedTokens(require(workerData.corePath), model, tokens);
    parentPort.postMessage({ id, vectors });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.stack) || error) });
  }
});
