// GET /metrics — Prometheus text format (the whole cluster's figures under WORKERS=n).
import { Router } from "express";
import { renderMetrics } from "../metrics.ts";

export function createMetricsRouter(): Router {
  const router = Router();
  router.get("/metrics", async (_req, res) => {
    const { contentType, body } = await renderMetrics();
    res.setHeader("Cache-Control", "no-store");
    res.type(contentType).send(body);
  });
  return router;
}
