// A deadline for a response to start. A request still unanswered after REQUEST_TIMEOUT_MS gets
// 503 {"error":{"code":"timeout"}} (Retry-After); closing the response also signals the route
// (through its 'close' event) to stop working. Streams that have started run on under the LLM
// timeout; admin ingests are exempt (they are bounded by the build itself).
import type { Server } from "node:http";
import type { RequestHandler } from "express";
import type { AppConfig } from "../../config.ts";
import { ReviewChatError } from "../../errors.ts";
import { errorHandler } from "../error-handler.ts";
import { recordTimeout, routeLabel } from "../metrics.ts";

const EXEMPT = /^\/api\/admin\//;

/**
 * The deadline in use: REQUEST_TIMEOUT_MS, raised when LLM mode is on so that a question whose LLM
 * calls time out (one LLM_TIMEOUT_MS deadline per question) still has time for its extractive fallback.
 */
export function effectiveRequestTimeoutMs(config: Pick<AppConfig, "requestTimeoutMs" | "llm">): number {
  if (!config.llm.enabled) return config.requestTimeoutMs;
  return Math.max(config.requestTimeoutMs, config.llm.timeoutMs + 5_000);
}

/**
 * @example
 * app.use(requestTimeout(config));
 */
export function requestTimeout(config: Pick<AppConfig, "requestTimeoutMs" | "llm">): RequestHandler {
  const timeoutMs = effectiveRequestTimeoutMs(config);
  return (req, res, next) => {
    if (EXEMPT.test(req.path)) return next();
    const timer = setTimeout(() => {
      if (res.headersSent || res.writableEnded) return;
      res.locals.timedOut = true;
      recordTimeout(routeLabel(req, res));
      res.setHeader("Retry-After", "5");
      res.setHeader("Connection", "close");
      errorHandler(
        new ReviewChatError("timeout", `No answer within ${Math.round(timeoutMs / 1000)} s; please try again`),
        req,
        res,
        () => {},
      );
    }, timeoutMs);
    res.once("close", () => clearTimeout(timer));
    next();
  };
}

/**
 * Socket-level limits against slow clients: headers must arrive within 10 s and the whole request
 * within the response deadline (Node answers 408 and closes). Idle kept-alive sockets stay open
 * 65 s, longer than the usual proxy idle timeout (60 s), so a proxy never reuses a connection the
 * server has just closed (which shows up as sporadic 502s or "other side closed").
 *
 * @example
 * applyServerTimeouts(server, config);
 */
export function applyServerTimeouts(server: Server, config: Pick<AppConfig, "requestTimeoutMs" | "llm">): void {
  const timeoutMs = effectiveRequestTimeoutMs(config);
  server.headersTimeout = Math.min(10_000, timeoutMs);
  server.requestTimeout = timeoutMs;
  server.keepAliveTimeout = 65_000;
}
