// Admission pacing for the question endpoints: answers start one per event-loop turn, in arrival
// order. Answering is CPU-bound (query embedding, scoring), and a Node process accepts at most one
// new connection per loop turn (measured: under 50 busy keep-alive connections, new connections
// waited in the kernel's accept queue up to 40 s while each turn ran dozens of answers). Starting
// one answer per turn keeps turns short, so new clients are accepted promptly and every question
// waits its turn (FIFO) instead of some waiting indefinitely. Throughput is unchanged: the work
// was serial on one thread anyway. A question still waiting when REQUEST_TIMEOUT_MS passes has
// been answered 503 by the deadline middleware and is dropped here without being started.
import type { RequestHandler } from "express";

/**
 * @example
 * app.use(["/api/ask", "/api/chat"], answerPacing());
 */
export function answerPacing(): RequestHandler {
  const waiting: (() => void)[] = [];
  let scheduled = false;
  const pump = () => {
    scheduled = false;
    waiting.shift()?.();
    if (waiting.length > 0) {
      scheduled = true;
      // An immediate queued from within the check phase runs on the next turn, after the poll
      // phase has accepted connections and read requests.
      setImmediate(pump);
    }
  };
  return (req, res, next) => {
    if (req.method === "OPTIONS") return next();
    waiting.push(() => {
      if (res.writableEnded || res.destroyed) return;
      next();
    });
    if (!scheduled) {
      scheduled = true;
      setImmediate(pump);
    }
  };
}
