import { Router } from "express";
import type { ServerContext } from "../context.ts";

export function createHealthRouter(ctx: ServerContext): Router {
  const router = Router();
  router.get("/healthz", (_req, res) => {
    if (!ctx.index) {
      res.status(503).json({ status: "loading" });
      return;
    }
    const { manifest } = ctx.index.files;
    res.json({ status: "ok", documents: manifest.documentCount, chunks: manifest.chunkCount, embedder: manifest.embedder.id });
  });
  return router;
}
