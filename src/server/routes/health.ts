import { Router } from "express";
import { readIngestProgress, servedDocumentStates } from "../../store/ingest-progress.ts";
import type { ServerContext } from "../context.ts";

export function createHealthRouter(ctx: ServerContext): Router {
  const router = Router();
  router.get("/healthz", async (_req, res) => {
    if (!ctx.index) {
      res.status(503).json({ status: "loading" });
      return;
    }
    const { manifest } = ctx.index.files;
    const progress = await readIngestProgress(ctx.config.indexDir);
    // Documents not fully searchable yet (BM25 only, vectors on the way), with their progress.
    const notReady = [...servedDocumentStates(manifest, progress)]
      .filter(([, state]) => state.state !== "ready")
      .map(([docId, state]) => ({ docId, ...state }));
    res.json({
      status: "ok",
      documents: manifest.documentCount,
      chunks: manifest.chunkCount,
      embedder: manifest.embedder.id,
      ingest: { running: progress !== null && !progress.finished, notReady },
    });
  });
  return router;
}
