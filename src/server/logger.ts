// Structured JSON logs: one pino logger per process, one child per request carrying its id.
//
// Questions can be personal, so request lines carry the path without its query string and
// bodies are never logged, unless LOG_QUESTIONS=1 asks for them.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Request, RequestHandler } from "express";
import { type DestinationStream, type Logger, pino } from "pino";
import { pinoHttp } from "pino-http";
import type { AppConfig } from "../config.ts";

export type { Logger } from "pino";

/** An incoming X-Request-Id is reused (a proxy's id ties its logs to ours) only when it is a plain token. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * The process logger (JSON lines on stdout, or on `destination`).
 *
 * @example
 * const logger = createLogger(loadConfig());
 * logger.info({ build }, "index swapped");
 */
export function createLogger(config: Pick<AppConfig, "logLevel">, destination?: DestinationStream): Logger {
  return pino({ level: config.logLevel, base: { pid: process.pid } }, destination);
}

/** Path (and, with LOG_QUESTIONS=1, the query string) of a request, for logs. */
export function loggableUrl(url: string | undefined, logQuestions: boolean): string {
  const value = url ?? "";
  if (logQuestions) return value;
  const q = value.indexOf("?");
  return q === -1 ? value : `${value.slice(0, q)}?…`;
}

/**
 * Request logging: a request id on every line (`requestId`), in the X-Request-Id response header
 * and (through the error handler) in error bodies; one completion line per request.
 */
export function createHttpLogger(logger: Logger, config: Pick<AppConfig, "logQuestions">): RequestHandler {
  const middleware = pinoHttp({
    logger,
    quietReqLogger: true,
    customAttributeKeys: { reqId: "requestId" },
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const incoming = req.headers["x-request-id"];
      const id = typeof incoming === "string" && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
      res.setHeader("X-Request-Id", id);
      return id;
    },
    // Raw objects in: the standard serializers would log every header, Authorization included.
    wrapSerializers: false,
    serializers: {
      req: (req: Request) => ({
        method: req.method,
        url: loggableUrl(req.originalUrl ?? req.url, config.logQuestions),
        ip: req.ip,
      }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? "error" : res.statusCode >= 400 ? "warn" : "info"),
    customSuccessObject: (req, _res, value: Record<string, unknown>) => {
      if (!config.logQuestions) return value;
      const body = (req as Request).body as { question?: unknown } | undefined;
      return typeof body?.question === "string" ? { ...value, question: body.question } : value;
    },
  });
  return middleware as unknown as RequestHandler;
}
