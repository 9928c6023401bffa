// Pick the embedder from configuration. Each one carries a model id that the index records,
// so an index is never searched with vectors from another model.
import type { Embeddings } from "@langchain/core/embeddings";
import { OpenAIEmbeddings } from "@langchain/openai";
import { type AppConfig, intFromEnv } from "../config.ts";
import { ReviewChatError } from "../errors.ts";
import os from "node:os";
import { UseLiteEmbeddings } from "./use-lite-embeddings.ts";

/** A LangChain embedder plus the id of the model behind it, e.g. "use-lite-512" or "openai:text-embedding-3-small". */
export interface IdentifiedEmbeddings extends Embeddings {
  readonly modelId: string;
  /**
   * A text's length as the model reads it (tokens), for embedders that pad a batch to its longest
   * text: callers sort by it so batches hold texts of similar length (see fillCache).
   */
  inputLength?(text: string): number;
}

class IdentifiedOpenAIEmbeddings extends OpenAIEmbeddings implements IdentifiedEmbeddings {
  readonly modelId: string;
  constructor(config: AppConfig["embeddings"]) {
    super({
      model: config.model,
      // Compatible servers often take no key, but the OpenAI client insists on one.
      apiKey: config.apiKey ?? "not-needed",
      configuration: config.baseUrl ? { baseURL: config.baseUrl } : undefined,
    });
    this.modelId = `openai:${config.model}`;
  }
}

/**
 * @example
 * const embeddings = createEmbeddings(loadConfig().embeddings); // USE-lite unless EMBEDDINGS=openai
 * const forIngest = createEmbeddings(loadConfig().embeddings, { workers: ingestThreads() }); // one thread per core
 * embeddings.modelId; // "use-lite-512"
 */
export function createEmbeddings(
  config: AppConfig["embeddings"],
  options: { /** USE-lite's document-embedding threads (default "auto"; see use-lite-embeddings.ts). */ workers?: number | "auto" } = {},
): IdentifiedEmbeddings {
  switch (config.provider) {
    case "use-lite":
      // Worker threads when a core is spare (faster idle, slower under contention: measured).
      return new UseLiteEmbeddings({ workers: options.workers ?? "auto" });
    case "openai":
      if (!config.apiKey && !config.baseUrl) {
        throw new ReviewChatError(
          "config_invalid",
          "EMBEDDINGS=openai needs OPENAI_API_KEY (or OPENAI_BASE_URL for a compatible server without keys)",
        );
      }
      return new IdentifiedOpenAIEmbeddings(config);
    default:
      throw new ReviewChatError("config_invalid", `Unknown embeddings provider "${String(config.provider)}"`);
  }
}

/**
 * Threads an ingest embeds (and parses) on: INGEST_THREADS, else one per core. The CLI's ingest owns
 * the machine while it runs, so it takes every core; an ingest a server runs (an upload) while it
 * answers leaves one core to the answers when there is more than one: each question embeds its query
 * on the server's own thread, and with every core embedding documents its latency would wait on them.
 */
export function ingestThreads(env: NodeJS.ProcessEnv = process.env, options: { serving?: boolean } = {}): number {
  const cores = os.availableParallelism();
  return intFromEnv(env, "INGEST_THREADS", options.serving && cores > 1 ? cores - 1 : cores);
}
