// GET /api/references?q=: search the reviews' bibliographies by author, title words, journal, year or DOI.
import { Router } from "express";
import { z } from "zod";
import { toAnswerReference } from "../../answer/answer-payload.ts";
import { answerResourcesFor } from "../answerer-for.ts";
import { type ServerContext, requireIndex } from "../context.ts";
import { assertDocumentsExist, docsParam } from "../query-schemas.ts";
import { validate } from "../validate.ts";

const referencesQuery = z.object({
  q: z.string({ required_error: "q is required" }).trim().min(1, "q must not be empty").max(500),
  docs: docsParam,
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export function createReferencesRouter(ctx: ServerContext): Router {
  const router = Router();
  router.get("/api/references", (req, res) => {
    const query = validate(referencesQuery, req.query);
    const index = requireIndex(ctx);
    assertDocumentsExist(index.corpus, query.docs);
    const hits = answerResourcesFor(index).bibliography.search(query.q, { docs: query.docs, limit: query.limit });
    res.json({ results: hits.map((hit) => ({ ...toAnswerReference(hit), score: hit.score })) });
  });
  return router;
}
