import { Router } from "express";
import { z } from "zod";
import { type ServerContext, requireIndex } from "../context.ts";
import { assertDocumentsExist, docsParam } from "../query-schemas.ts";
import { validate } from "../validate.ts";

const searchQuery = z.object({
  q: z.string({ required_error: "q is required" }).trim().min(1, "q must not be empty").max(2000),
  k: z.coerce.number().int().min(1).max(50).default(8),
  docs: docsParam,
  mode: z.enum(["hybrid", "bm25", "dense"]).default("hybrid"),
  mmr: z
    .enum(["true", "false", "1", "0"])
    .optional()
    .transform((v) => v === "true" || v === "1"),
});

export function createSearchRouter(ctx: ServerContext): Router {
  const router = Router();
  router.get("/api/search", async (req, res) => {
    const query = validate(searchQuery, req.query);
    const index = requireIndex(ctx);
    assertDocumentsExist(index.corpus, query.docs);
    const results = await index.engine.search(query.q, { k: query.k, docs: query.docs, mode: query.mode, mmr: query.mmr });
    res.json({ results });
  });
  return router;
}
