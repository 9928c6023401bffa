// GET /widget.js: the embeddable widget, bundled in memory once at start-up. Revalidated by ETag
// (the URL is not versioned, so sites pick up a new release within the max-age); readable
// cross-origin by the sites in WIDGET_ORIGINS and the server's own origin.
import { Router } from "express";
import { ReviewChatError } from "../../errors.ts";
import { type WidgetBundle, buildWidgetBundle } from "../../widget/build-widget-bundle.ts";
import type { ServerContext } from "../context.ts";
import { ownOrigin } from "../middleware/api-cors.ts";

/** Browsers reuse the bundle this long before revalidating it with If-None-Match. */
export const WIDGET_MAX_AGE_SECONDS = 600;

/**
 * @example
 * app.use(createWidgetAssetsRouter(ctx)); // <script src="https://HOST/widget.js" defer></script>
 */
export function createWidgetAssetsRouter(ctx: ServerContext, bundle: Promise<WidgetBundle> = buildWidgetBundle()): Router {
  // Handled here, so a failed build cannot become an unhandled rejection; requests report it.
  const ready = bundle.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  const router = Router();
  router.options("/widget.js", (req, res) => {
    allowOrigin(ctx, req.headers.origin, ownOrigin(req), res);
    res.setHeader("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
    res.status(204).end();
  });
  router.get("/widget.js", async (req, res) => {
    const built = await ready;
    if ("error" in built) {
      throw new ReviewChatError("internal", "The widget bundle could not be built", { cause: built.error });
    }
    allowOrigin(ctx, req.headers.origin, ownOrigin(req), res);
    res.setHeader("Content-Type", "application/javascript; charset=utf-8");
    res.setHeader("Cache-Control", `public, max-age=${WIDGET_MAX_AGE_SECONDS}, must-revalidate`);
    res.setHeader("ETag", built.value.etag);
    res.setHeader("X-Content-Type-Options", "nosniff");
    // express answers 304 itself when If-None-Match matches the ETag set above.
    res.send(built.value.code);
  });
  return router;
}

function allowOrigin(
  ctx: ServerContext,
  origin: string | undefined,
  own: string,
  res: { vary(field: string): unknown; setHeader(name: string, value: string): unknown },
): void {
  res.vary("Origin");
  if (!origin) return;
  const allowed = ctx.config.widgetOrigins;
  if (origin === own || allowed.includes("*") || allowed.includes(origin)) {
    res.setHeader("Access-Control-Allow-Origin", origin);
  }
}
