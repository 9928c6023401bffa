// CORS for /api/*: the server's own origin and the origins in WIDGET_ORIGINS may call the API
// from a browser ("*" lets any site embed the widget). Other origins get 403 before any work is done.
import type { Request, RequestHandler } from "express";
import type { AppConfig } from "../../config.ts";
import { ReviewChatError } from "../../errors.ts";

const ALLOWED_METHODS = "GET, POST, OPTIONS";
const ALLOWED_HEADERS = "Content-Type, X-Request-Id, Last-Event-ID";
// Headers the widget reads: when to retry, and the id to quote in a bug report.
const EXPOSED_HEADERS = "Retry-After, X-Request-Id, RateLimit, RateLimit-Policy";

/** The origin this request was addressed to, as a browser on the same site would send it. */
export const ownOrigin = (req: Request) => `${req.protocol}://${req.get("host") ?? ""}`;

/**
 * Is `origin` this server? Compared by host only: behind a TLS proxy without TRUST_PROXY the
 * request looks like http while the page is https, and the server's own pages must still work.
 */
function isOwnOrigin(origin: string, req: Request): boolean {
  try {
    return new URL(origin).host === req.get("host");
  } catch {
    return false;
  }
}

/**
 * @example
 * app.use(apiCors({ widgetOrigins: ["https://blog.example.org"] }));
 */
export function apiCors(config: Pick<AppConfig, "widgetOrigins">): RequestHandler {
  const anyOrigin = config.widgetOrigins.includes("*");
  const allowed = new Set(config.widgetOrigins);
  return (req, res, next) => {
    if (!req.path.startsWith("/api/")) return next();
    res.vary("Origin");
    const origin = req.headers.origin;
    // Requests from curl, servers and same-origin GETs carry no Origin: nothing to decide.
    if (origin === undefined) return next();
    if (!anyOrigin && !allowed.has(origin) && !isOwnOrigin(origin, req)) {
      return next(
        new ReviewChatError("forbidden", `Origin ${origin.slice(0, 200)} may not call this API; add it to WIDGET_ORIGINS`),
      );
    }
    res.setHeader("Access-Control-Allow-Origin", origin);
    res.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    if (req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined) {
      res.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
      res.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
      res.setHeader("Access-Control-Max-Age", "600");
      res.status(204).end();
      return;
    }
    next();
  };
}
