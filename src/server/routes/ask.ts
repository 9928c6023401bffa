// POST /api/ask: a question in, the cited answer out as one JSON payload.
import { Router } from "express";
import { answererFor } from "../answerer-for.ts";
import { askRequestSchema } from "../ask-request-schema.ts";
import { type ServerContext, requireIndex } from "../context.ts";
import { answerOutcome, recordAnswer } from "../metrics.ts";
import { assertDocumentsExist } from "../query-schemas.ts";
import { validate } from "../validate.ts";

export function createAskRouter(ctx: ServerContext): Router {
  const router = Router();
  router.post("/api/ask", async (req, res) => {
    const body = validate(askRequestSchema, req.body);
    assertDocumentsExist(requireIndex(ctx).corpus, body.docs);
    // A client that hangs up (or the request deadline closing the response) stops the work.
    const controller = new AbortController();
    res.once("close", () => controller.abort());
    try {
      let fallbackReason: string | undefined;
      const payload = await answererFor(ctx).answer(body, {
        signal: controller.signal,
        onLlmFallback: (reason) => (fallbackReason = reason),
      });
      recordAnswer(answerOutcome(payload, fallbackReason));
      res.json(payload);
    } catch (error) {
      if (controller.signal.aborted) return;
      throw error;
    }
  });
  return router;
}
