// The Express application: middleware, routes, and the single error handler.
import express from "express";
import type { ServerContext } from "./context.ts";
import { errorHandler, notFoundHandler } from "./error-handler.ts";
import { applyServingMiddleware } from "./middleware/apply-serving-middleware.ts";
import { createAdminIngestRouter } from "./routes/admin-ingest.ts";
import { createMetricsRouter } from "./routes/metrics.ts";
import { createHealthRouter } from "./routes/health.ts";
import { createPagesRouter } from "./routes/pages.ts";
import { createSearchRouter } from "./routes/search.ts";
import { createAskRouter } from "./routes/ask.ts";
import { createChatRouter } from "./routes/chat.ts";
import { createDocumentsRouter } from "./routes/documents.ts";
import { createOpenApiRouter } from "./routes/openapi.ts";
import { createReferencesRouter } from "./routes/references.ts";
import { createWidgetAssetsRouter } from "./routes/widget-assets.ts";

export const MAX_BODY_BYTES = 64 * 1024;

export function createApp(ctx: ServerContext): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "simple");
  // Before the body parser, so parse errors carry a request id and limits apply before any work.
  applyServingMiddleware(app, ctx);
  app.use(express.json({ limit: MAX_BODY_BYTES }));

  app.use(createHealthRouter(ctx));
  app.use(createSearchRouter(ctx));
  app.use(createAskRouter(ctx));
  app.use(createChatRouter(ctx));
  app.use(createDocumentsRouter(ctx));
  app.use(createReferencesRouter(ctx));
  app.use(createOpenApiRouter());
  app.use(createWidgetAssetsRouter(ctx));
  app.use(createPagesRouter(ctx));
  app.use(createMetricsRouter());
  app.use(createAdminIngestRouter(ctx));

  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
