// USE-lite's model runtime, shared by the calling thread (use-lite-embeddings.ts) and the embedding
// worker threads (use-lite-worker.cjs). Plain CommonJS so a worker runs it without a TypeScript loader.
//
// Two things the packaged model does not do for a bulk ingest:
// - It takes token ids, not text: the caller tokenizes once, sorts texts by token count and batches
//   similar lengths together. The graph pads every text of a batch to the batch's longest one (up to
//   128 tokens, where it clips), and attention grows with the square of that length.
// - tfjs' WASM SplitV (the split of each layer's query/key/value projection) copies the whole input
//   out of the WASM heap once per output: 150 ms CPU per [16, 128, 1536] split, about a sixth of a
//   batch. The replacement copies rows inside the heap (4 ms), with identical results
//   (use-lite-embeddings.test.ts).
/* eslint-disable @typescript-eslint/no-require-imports */
"use strict";
const fs = require("node:fs");
const path = require("node:path");

/** The positions the graph reads (its ClipToMaxLength); longer inputs are cut there. */
const MAX_TOKENS = 128;

/**
 * Replace SplitV on the WASM backend with a copy inside the heap, for float32 splits along the last
 * axis (the model's only kind); anything else goes to the original kernel. False when the backend
 * does not look the way this expects (another tfjs version), in which case nothing is changed.
 */
function installFastSplit(tf) {
  const backend = tf.getBackend() === "wasm" ? tf.backend() : null;
  const original = tf.getKernel("SplitV", "wasm");
  if (!backend || !original || !backend.dataIdMap || typeof backend.makeOutput !== "function" || !backend.wasm) return false;
  if (original.kernelFunc.fastSplit) return true;
  const kernelFunc = (args) => {
    const { inputs, attrs, backend: wasm } = args;
    const x = inputs.x;
    const rank = x.shape.length;
    const axis = tf.util.parseAxisParam(attrs.axis, x.shape)[0];
    if (x.dtype !== "float32" || axis !== rank - 1) return original.kernelFunc(args);
    const sizes = tf.backend_util.prepareSplitSize(x, attrs.numOrSizeSplits, axis);
    const width = x.shape[rank - 1];
    const rows = width === 0 ? 0 : tf.util.sizeFromShape(x.shape) / width;
    const outs = sizes.map((size) => wasm.makeOutput([...x.shape.slice(0, -1), size], "float32"));
    // The heap view is taken after every output is allocated: an allocation may grow (and detach) it.
    const heap = wasm.wasm.HEAPF32;
    const from = wasm.dataIdMap.get(x.dataId).memoryOffset / 4;
    let column = 0;
    for (const [i, size] of sizes.entries()) {
      const to = wasm.dataIdMap.get(outs[i].dataId).memoryOffset / 4;
      for (let row = 0; row < rows; row++) {
        const start = from + row * width + column;
        heap.copyWithin(to + row * size, start, start + size);
      }
      column += size;
    }
    return outs;
  };
  kernelFunc.fastSplit = true;
  tf.unregisterKernel("SplitV", "wasm");
  tf.registerKernel({ kernelName: "SplitV", backendName: "wasm", kernelFunc });
  return true;
}

/** The WASM backend, started, with the fast SplitV; `paths` are resolved by the caller. */
async function loadRuntime(paths) {
  const tf = require(paths.corePath);
  // initModel() loads the weights while the WASM backend may still be starting ("Backend 'wasm' has
  // not yet been initialized", seen under load), so the backend is awaited first.
  await tf.ready();
  installFastSplit(tf);
  return tf;
}

/** The model with its weights, ready to embed. */
async function loadModel(paths) {
  await loadRuntime(paths);
  const { initModel } = require(paths.embeddingsPath);
  const { modelSource } = require(paths.modelPath);
  return initModel(modelSource);
}

/** The model's SentencePiece tokenizer alone (its vocabulary, no weights): `encode(text)` → token ids. */
function loadTokenizer(paths) {
  const { EmbeddingsModel } = require(paths.embeddingsPath);
  const vocabulary = JSON.parse(fs.readFileSync(path.join(path.dirname(paths.modelPath), "vocab.json"), "utf8"));
  return new EmbeddingsModel({ vocabulary, model: null }).tokenizer;
}

/**
 * Vectors for texts given as token ids: what EmbeddingsModel.embed does after tokenizing (a sparse
 * batch of [text, position] → id), so tokenizing outside gives the same vectors.
 */
async function embedTokens(tf, model, tokens) {
  const positions = [];
  const ids = [];
  for (const [i, text] of tokens.entries()) {
    for (const [j, id] of text.entries()) {
      positions.push(i, j);
      ids.push(id);
    }
  }
  const indices = tf.tensor2d(positions, [ids.length, 2], "int32");
  const values = tf.tensor1d(ids, "int32");
  try {
    const output = await model.model.executeAsync({ indices, values });
    try {
      return await output.array();
    } finally {
      output.dispose();
    }
  } finally {
    indices.dispose();
    values.dispose();
  }
}

module.exports = { MAX_TOKENS, installFastSplit, loadRuntime, loadModel, loadTokenizer, embedTokens };
