// The Express application: middleware, routes, and the single error handler.
import express from "express";
import type { ServerContext } from "./context.ts";
import { errorHandler, notFoundHandler } from "./error-handler.ts";
import { createHealthRouter } from "./routes/health.ts";
import { createSearchRouter } from "./routes/search.ts";

export const MAX_BODY_BYTES = 64 * 1024;

export function createApp(ctx: ServerContext): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "simple");
  app.use(express.json({ limit: MAX_BODY_BYTES }));

  app.use(createHealthRouter(ctx));
  app.use(createSearchRouter(ctx));

  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
