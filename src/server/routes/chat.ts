// POST /api/chat: the /api/ask answer as Server-Sent Events — `sources` first, `delta` events as the
// text is produced, then `done` with the full payload; `error` if it fails after the stream began.
// `done.answer` is authoritative: after an LLM failure mid-stream it holds the extractive fallback.
import { Router } from "express";
import { answererFor } from "../answerer-for.ts";
import { askRequestSchema } from "../ask-request-schema.ts";
import { type ServerContext, requireIndex } from "../context.ts";
import { answerOutcome, recordAnswer } from "../metrics.ts";
import { toResponse } from "../error-handler.ts";
import { assertDocumentsExist } from "../query-schemas.ts";
import { validate } from "../validate.ts";

export function createChatRouter(ctx: ServerContext): Router {
  const router = Router();
  router.post("/api/chat", async (req, res) => {
    // Bad requests are refused before the stream starts, as plain JSON errors with their status.
    const body = validate(askRequestSchema, req.body);
    assertDocumentsExist(requireIndex(ctx).corpus, body.docs);
    const answerer = answererFor(ctx);

    const controller = new AbortController();
    res.once("close", () => controller.abort());
    res.status(200).set({
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    });
    res.flushHeaders();
    const send = (event: string, data: unknown) => {
      if (!res.writableEnded && !controller.signal.aborted) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    };

    let fallbackReason: string | undefined;
    try {
      const payload = await answerer.answer(body, {
        onLlmFallback: (reason) => (fallbackReason = reason),
        signal: controller.signal,
        onSources: (sources) => send("sources", { sources }),
        onDelta: (text) => send("delta", { text }),
      });
      recordAnswer(answerOutcome(payload, fallbackReason));
      send("done", payload);
    } catch (error) {
      if (controller.signal.aborted) return;
      const { status, code, message } = toResponse(error);
      if (status >= 500) (req as { log?: { error: (obj: unknown, msg: string) => void } }).log?.error({ err: error }, "chat stream failed");
      send("error", { error: { code, message } });
    } finally {
      res.end();
    }
  });
  return router;
}
