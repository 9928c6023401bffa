// The product's own pages: / (demo + snippet), /chat (full-page chat), /docs/:id (source viewer).
import { Router } from "express";
import { notFound } from "../../errors.ts";
import { readIngestProgress, servedDocumentStates } from "../../store/ingest-progress.ts";
import { type ServerContext, requireIndex } from "../context.ts";
import { ownOrigin } from "../middleware/api-cors.ts";
import { renderChatPage } from "../pages/chat-page.ts";
import { renderDemoPage } from "../pages/demo-page.ts";
import { renderSourceViewerPage } from "../pages/source-viewer-page.ts";

/** Pages change with the index, so browsers revalidate each time (express adds a weak ETag). */
const PAGE_CACHE = "no-cache";

export function createPagesRouter(ctx: ServerContext): Router {
  const router = Router();
  router.get("/", (req, res) => {
    res.set("Cache-Control", PAGE_CACHE).type("html");
    res.send(renderDemoPage({ origin: ownOrigin(req), documents: ctx.index?.corpus.documents ?? [] }));
  });
  router.get("/chat", (_req, res) => {
    res.set("Cache-Control", PAGE_CACHE).type("html");
    res.send(renderChatPage());
  });
  router.get("/docs/:id", async (req, res) => {
    const { corpus, files } = requireIndex(ctx);
    const doc = corpus.document(req.params.id);
    if (!doc) throw notFound(`Unknown document "${req.params.id.slice(0, 100)}"`);
    const status = servedDocumentStates(files.manifest, await readIngestProgress(ctx.config.indexDir)).get(doc.meta.id);
    res.set("Cache-Control", PAGE_CACHE).type("html");
    res.send(renderSourceViewerPage(doc, corpus.chunksOf(doc.meta.id), status));
  });
  return router;
}
