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
  /** Requests per client IP per window on /api/ask and /api/chat; `max: 0` turns limiting off. */
  rateLimit: { windowMs: number; max: number };
  /** Express `trust proxy`: false, a hop count, or addresses/subnets ("loopback, 10.0.0.0/8"). */
  trustProxy: boolean | number | string;
  /** Bearer token for POST /api/admin/ingest; the endpoint is disabled when unset. */
  adminToken?: string;
  /** Largest accepted upload on the admin ingest endpoint. */
  uploadMaxBytes: number;
  /** HTTP processes behind one port (node:cluster); 1 = no cluster. */
  workers: number;
  /** Deadline for a response to start (answers stream afterwards under the LLM timeout). */
  requestTimeoutMs: number;
  /** SIGTERM: how long in-flight answers and streams get before the process exits. */
  shutdownTimeoutMs: number;
  /** Origins allowed to call /api/* and embed widget.js from other sites ("*" = any); the server's own origin always is. */
  widgetOrigins: string[];
  /** pino level: fatal, error, warn, info, debug, trace or silent. */
  logLevel: string;
  /** Log question text (LOG_QUESTIONS=1); off by default, questions can be personal. */
  logQuestions: boolean;
  /**
   * DATABASE_URL (postgres://…): PostgreSQL becomes the system of record (corpus, builds, vectors),
   * shared by every instance; unset, the index lives in files under `indexDir` only.
   */
  databaseUrl?: string;
  /** How often an instance checks the database for a newly published build, should a notification be missed. */
  databasePollMs: number;
}

/** A non-negative integer setting, or `fallback` when unset; anything else is a config_invalid error. */
export function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new ReviewChatError("config_invalid", `${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];
const MIN_ADMIN_TOKEN_LENGTH = 16;

function trustProxyFromEnv(raw: string | undefined): boolean | number | string {
  const value = raw?.trim() ?? "";
  if (value === "" || value === "false" || value === "0") return false;
  if (value === "true") return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

function originsFromEnv(raw: string | undefined): string[] {
  const origins: string[] = [];
  for (const part of (raw ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
    if (part === "*") {
      origins.push(part);
      continue;
    }
    let url: URL;
    try {
      url = new URL(part);
    } catch {
      throw new ReviewChatError("config_invalid", `WIDGET_ORIGINS: "${part}" is not an origin like https://example.org`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new ReviewChatError("config_invalid", `WIDGET_ORIGINS: "${part}" must be an http(s) origin`);
    }
    origins.push(url.origin);
  }
  return origins;
}

function adminTokenFromEnv(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === "") return undefined;
  if (raw.length < MIN_ADMIN_TOKEN_LENGTH) {
    throw new ReviewChatError(
      "config_invalid",
      `ADMIN_TOKEN must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters (e.g. \`openssl rand -hex 32\`)`,
    );
  }
  return raw;
}

function databaseUrlFromEnv(raw: string | undefined): string | undefined {
  if (raw === undefined || raw.trim() === "") return undefined;
  if (!/^postgres(ql)?:\/\//i.test(raw.trim())) {
    throw new ReviewChatError("config_invalid", "DATABASE_URL must be a PostgreSQL URL like postgres://user:password@host:5432/review_chat");
  }
  return raw.trim();
}

function logLevelFromEnv(raw: string | undefined): string {
  const level = (raw || "info").toLowerCase();
  if (!LOG_LEVELS.includes(level)) {
    throw new ReviewChatError("config_invalid", `LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, got "${raw}"`);
  }
  return level;
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
    rateLimit: {
      windowMs: Math.max(1000, intFromEnv(env, "RATE_LIMIT_WINDOW_MS", 60_000)),
      max: intFromEnv(env, "RATE_LIMIT_MAX", 30),
    },
    trustProxy: trustProxyFromEnv(env.TRUST_PROXY),
    adminToken: adminTokenFromEnv(env.ADMIN_TOKEN),
    uploadMaxBytes: intFromEnv(env, "UPLOAD_MAX_BYTES", 25 * 1024 * 1024),
    workers: Math.max(1, intFromEnv(env, "WORKERS", 1)),
    requestTimeoutMs: Math.max(100, intFromEnv(env, "REQUEST_TIMEOUT_MS", 30_000)),
    shutdownTimeoutMs: intFromEnv(env, "SHUTDOWN_TIMEOUT_MS", 10_000),
    widgetOrigins: originsFromEnv(env.WIDGET_ORIGINS),
    logLevel: logLevelFromEnv(env.LOG_LEVEL),
    logQuestions: env.LOG_QUESTIONS === "1" || env.LOG_QUESTIONS === "true",
    databaseUrl: databaseUrlFromEnv(env.DATABASE_URL),
    databasePollMs: Math.max(100, intFromEnv(env, "DATABASE_POLL_MS", 5_000)),
    ...overrides,
  };
}
