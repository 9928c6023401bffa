// Per-client-IP limits (express-rate-limit). Refusals go through the central error handler as
// {"error":{"code":"rate_limited",…}} with Retry-After and the draft-7 RateLimit headers.
import cluster from "node:cluster";
import type { RequestHandler } from "express";
import { type Options, rateLimit } from "express-rate-limit";
import type { AppConfig } from "../../config.ts";
import { ReviewChatError } from "../../errors.ts";
import type { Logger } from "../logger.ts";
import { recordRateLimited } from "../metrics.ts";
import type { Database } from "../../store/postgres/database.ts";
import { PostgresRateLimitStore } from "../../store/postgres/postgres-rate-limit-store.ts";
import { ClusterRateLimitStore } from "./cluster-rate-limit-store.ts";

/** Paths whose every request costs an answer: the ones worth limiting. */
export const QUESTION_PATHS = ["/api/ask", "/api/chat"];

/** `shared`: the database every instance uses (DATABASE_URL), which then holds the counters. */
function limiter(name: string, logger: Logger, options: Partial<Options>, shared?: Database): RequestHandler {
  return rateLimit({
    standardHeaders: "draft-7",
    legacyHeaders: false,
    store: shared ? new PostgresRateLimitStore(shared, name) : cluster.isWorker ? new ClusterRateLimitStore(name) : undefined,
    // CORS preflights carry no question.
    skip: (req) => req.method === "OPTIONS",
    logger: { error: (error, message) => logger.error({ err: error }, message ?? "rate limit"), warn: (error, message) => logger.warn({ err: error }, message ?? "rate limit") },
    // Fail open: a broken counter must not take the question endpoints down with it.
    passOnStoreError: true,
    handler: (req, res, next) => {
      const route = `${req.baseUrl}${req.path === "/" ? "" : req.path}`;
      res.locals.routeLabel = route;
      recordRateLimited(route);
      const retryAfter = res.getHeader("Retry-After");
      next(
        new ReviewChatError("rate_limited", `Too many requests from this address; retry in ${String(retryAfter ?? "a few")} s`),
      );
    },
    ...options,
  });
}

/**
 * RATE_LIMIT_MAX questions per RATE_LIMIT_WINDOW_MS per client IP (IPv6: per /56), shared by
 * /api/ask and /api/chat. Null when RATE_LIMIT_MAX=0 (no limit).
 *
 * @example
 * const limit = questionRateLimit(config, logger);
 * if (limit) app.use(QUESTION_PATHS, limit);
 */
export function questionRateLimit(config: Pick<AppConfig, "rateLimit">, logger: Logger, shared?: Database): RequestHandler | null {
  if (config.rateLimit.max === 0) return null;
  return limiter("questions", logger, { windowMs: config.rateLimit.windowMs, limit: config.rateLimit.max }, shared);
}

/** Refused admin requests (missing or wrong token) per IP: 10 per 15 minutes, so a token cannot be guessed online. */
export function adminRateLimit(logger: Logger, shared?: Database): RequestHandler {
  return limiter("admin", logger, {
    windowMs: 15 * 60_000,
    limit: 10,
    skipSuccessfulRequests: true,
    requestWasSuccessful: (_req, res) => res.statusCode !== 401 && res.statusCode !== 403,
  }, shared);
}
