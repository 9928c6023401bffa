// Security headers (helmet). The pages (/, /chat, /docs/:id) load only same-origin scripts, so the
// CSP stays strict; widget.js must be loadable by the sites in WIDGET_ORIGINS, hence its
// Cross-Origin-Resource-Policy, and those sites may frame the full-page chat.
import type { RequestHandler } from "express";
import helmet from "helmet";
import type { AppConfig } from "../../config.ts";

/** Paths other sites load with <script src> (no-cors), which CORP same-origin would block. */
const EMBEDDABLE_PATH = /^\/widget(\.[\w.-]+)?\.js(\.map)?$/;

/**
 * @example
 * app.use(securityHeaders(config));
 */
export function securityHeaders(config: Pick<AppConfig, "widgetOrigins">): RequestHandler[] {
  const framers = config.widgetOrigins.includes("*") ? ["*"] : config.widgetOrigins;
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'self'", ...framers],
        // Plain-HTTP deployments (loopback, TLS at the proxy) must still load their own assets.
        "upgrade-insecure-requests": null,
      },
    },
    // Superseded by frame-ancestors, and it could not list the widget origins.
    xFrameOptions: framers.length === 0 ? { action: "sameorigin" } : false,
    crossOriginResourcePolicy: false,
    // DOI links open in new tabs; the pages need no opener relationship either way.
    crossOriginOpenerPolicy: { policy: "same-origin" },
  });
  const resourcePolicy: RequestHandler = (req, res, next) => {
    res.setHeader("Cross-Origin-Resource-Policy", EMBEDDABLE_PATH.test(req.path) ? "cross-origin" : "same-origin");
    next();
  };
  return [headers as unknown as RequestHandler, resourcePolicy];
}
