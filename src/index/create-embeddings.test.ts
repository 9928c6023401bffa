import os from "node:os";
import { describe, expect, it } from "vitest";
import { ingestThreads } from "./create-embeddings.ts";

describe("ingestThreads", () => {
  const cores = os.availableParallelism();

  it("takes every core for the CLI and leaves one to the answers when a server ingests", () => {
    expect(ingestThreads({})).toBe(cores);
    expect(ingestThreads({}, { serving: true })).toBe(cores > 1 ? cores - 1 : cores);
  });

  it("does what INGEST_THREADS says, serving or not", () => {
    expect(ingestThreads({ INGEST_THREADS: "3" })).toBe(3);
    expect(ingestThreads({ INGEST_THREADS: "0" }, { serving: true })).toBe(0);
  });
});
