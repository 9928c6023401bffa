// Configuration: explicit options first, environment second, documented defaults last.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ReviewChatError } from "./errors.ts";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export type EmbeddingsProvider = "use-lite" | "openai";

export interface AppConfig {
  port: number;
  host: string;
  corpusDir: string;
  indexDir: string;
  embeddings: {
    provider: EmbeddingsProvider;
    /** Model name for OpenAI-compatible servers. */
    model: string;
    apiKey?: string;
    baseUrl?: string;
  };
  llm: {
    enabled: boolean;
    model: string;
    apiKey?: string;
    baseUrl?: string;
    timeoutMs: number;
  };
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new ReviewChatError("config_invalid", `${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const provider = (env.EMBEDDINGS ?? "use-lite").toLowerCase();
  if (provider !== "use-lite" && provider !== "openai") {
    throw new ReviewChatError(
      "config_invalid",
      `EMBEDDINGS must be "use-lite" (default, offline) or "openai", got "${env.EMBEDDINGS}"`,
    );
  }
  if (provider === "openai" && !env.OPENAI_API_KEY && !env.OPENAI_BASE_URL) {
    throw new ReviewChatError(
      "config_invalid",
      "EMBEDDINGS=openai needs OPENAI_API_KEY (or OPENAI_BASE_URL for a compatible server without keys)",
    );
  }
  const llmBaseUrl = env.LLM_BASE_URL || undefined;
  const llmKey = env.OPENAI_API_KEY || undefined;
  return {
    port: intFromEnv(env, "PORT", 3000),
    host: env.HOST || "127.0.0.1",
    corpusDir: path.resolve(env.CORPUS_DIR || path.join(PROJECT_ROOT, "corpus")),
    indexDir: path.resolve(env.INDEX_DIR || path.join(PROJECT_ROOT, "index")),
    embeddings: {
      provider,
      model: env.EMBEDDINGS_MODEL || "text-embedding-3-small",
      apiKey: env.OPENAI_API_KEY || undefined,
      baseUrl: env.OPENAI_BASE_URL || undefined,
    },
    llm: {
      enabled: Boolean(llmKey || llmBaseUrl),
      model: env.LLM_MODEL || "gpt-4o-mini",
      apiKey: llmKey,
      baseUrl: llmBaseUrl ?? (env.OPENAI_BASE_URL || undefined),
      timeoutMs: intFromEnv(env, "LLM_TIMEOUT_MS", 20_000),
    },
    ...overrides,
  };
}
