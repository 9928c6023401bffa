// The one place where errors become HTTP responses: {"error":{"code","message"}}.
import type { ErrorRequestHandler, RequestHandler } from "express";
import { ReviewChatError } from "../errors.ts";

interface HttpLikeError {
  type?: string;
  status?: number;
  statusCode?: number;
  expose?: boolean;
  message?: string;
}

// 5xx codes whose message helps the client (try later) and reveals nothing internal.
// ingest_failed: the ingest process crashed or hung (the admin learns which upload, and that the old index serves).
const PUBLIC_5XX_CODES = new Set<string>(["index_missing", "timeout", "shutting_down", "ingest_failed"]);

export function toResponse(error: unknown): { status: number; code: string; message: string } {
  if (ReviewChatError.isInstance(error)) {
    const hidden = error.status >= 500 && !PUBLIC_5XX_CODES.has(error.code);
    return { status: error.status, code: error.code, message: hidden ? "Internal error" : error.message };
  }
  const http = (error ?? {}) as HttpLikeError;
  // Errors raised by express' body parser and other http-errors based middleware.
  switch (http.type) {
    case "entity.parse.failed":
      return { status: 400, code: "bad_json", message: "Request body is not valid JSON" };
    case "entity.too.large":
      return { status: 413, code: "payload_too_large", message: "Request body is too large" };
    case "encoding.unsupported":
    case "charset.unsupported":
      return { status: 415, code: "unsupported_encoding", message: http.message ?? "Unsupported encoding" };
  }
  const status = http.status ?? http.statusCode;
  if (status && status >= 400 && status < 500) {
    return { status, code: "bad_request", message: http.expose && http.message ? http.message : "Bad request" };
  }
  return { status: 500, code: "internal", message: "Internal error" };
}

/** The id pino-http gave the request (also sent as X-Request-Id), so a client report can be found in the logs. */
const requestIdOf = (req: { id?: unknown }) => (typeof req.id === "string" ? req.id : undefined);

export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const { status, code, message } = toResponse(error);
  if (status >= 500) {
    (req as { log?: { error: (obj: unknown, msg: string) => void } }).log?.error({ err: error }, "request failed");
    if (!(req as { log?: unknown }).log) console.error(error);
  }
  if (res.headersSent) {
    res.end();
    return;
  }
  res.status(status).json({ error: { code, message, requestId: requestIdOf(req) } });
};

export const notFoundHandler: RequestHandler = (req, res) => {
  res
    .status(404)
    .json({ error: { code: "not_found", message: `No route for ${req.method} ${req.path}`, requestId: requestIdOf(req) } });
};
