// Knows every request being answered, so SIGTERM can let them finish: while draining, new
// requests get 503 shutting_down (Connection: close); at the deadline, open event streams get a
// final `error` event and are ended, and what is left is answered 503 or cut.
import type { RequestHandler, Response } from "express";
import { ReviewChatError } from "../../errors.ts";
import { errorHandler } from "../error-handler.ts";
import { registerInFlightSource } from "../metrics.ts";

const isEventStream = (res: Response) => String(res.getHeader("Content-Type") ?? "").startsWith("text/event-stream");

const shuttingDown = () => new ReviewChatError("shutting_down", "The server is restarting; please retry in a moment");

export class InFlightRequests {
  private readonly open = new Set<Response>();
  private idle: (() => void)[] = [];
  private draining = false;
  readonly unregister: () => void;

  constructor() {
    this.unregister = registerInFlightSource(() => this.counts());
  }

  get isDraining(): boolean {
    return this.draining;
  }

  counts(): { requests: number; streams: number } {
    let streams = 0;
    for (const res of this.open) if (isEventStream(res) && !res.writableEnded) streams += 1;
    return { requests: this.open.size, streams };
  }

  middleware(): RequestHandler {
    return (req, res, next) => {
      if (this.draining) {
        res.setHeader("Connection", "close");
        res.setHeader("Retry-After", "2");
        next(shuttingDown());
        return;
      }
      this.open.add(res);
      res.once("close", () => {
        this.open.delete(res);
        if (this.open.size === 0) this.notifyIdle();
      });
      next();
    };
  }

  /**
   * Stop taking requests and wait for the open ones until `deadline` (epoch ms); then end event
   * streams with an `error` event, answer what has not started with 503, and cut the rest.
   * Resolves with how many requests had to be ended early.
   */
  async drain(deadline: number): Promise<{ finished: boolean; forced: number }> {
    this.draining = true;
    // Responses still to be written close their keep-alive socket, so clients reconnect elsewhere.
    for (const res of this.open) if (!res.headersSent) res.setHeader("Connection", "close");
    if (this.open.size > 0) {
      const wait = Math.max(0, deadline - Date.now());
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        this.idle.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    const left = [...this.open];
    for (const res of left) endEarly(res);
    return { finished: left.length === 0, forced: left.length };
  }

  private notifyIdle() {
    const waiting = this.idle;
    this.idle = [];
    for (const wake of waiting) wake();
  }
}

function endEarly(res: Response): void {
  if (res.writableEnded) return;
  if (isEventStream(res)) {
    const error = shuttingDown();
    res.write(`event: error\ndata: ${JSON.stringify({ error: { code: error.code, message: error.message } })}\n\n`);
    res.end();
  } else if (!res.headersSent) {
    errorHandler(shuttingDown(), res.req, res, () => {});
  } else {
    // Half a JSON body cannot be finished honestly; the client sees a cut connection.
    res.destroy();
  }
}
