// Request/response over a cluster IPC channel (worker ⇄ primary), so a worker can ask the primary
// to run the one ingest of the cluster or to gather metrics, and the primary can tell every worker
// to load a new index and wait until they have. Errors cross as {code, message} and come back as
// ReviewChatError, so the HTTP mapping stays in the error handler.
import cluster from "node:cluster";
import { type ErrorCode, ReviewChatError } from "../errors.ts";

const KIND = "review-chat:ipc";

interface RequestMessage {
  kind: typeof KIND;
  request: number;
  type: string;
  payload: unknown;
}

interface ResponseMessage {
  kind: typeof KIND;
  response: number;
  result?: unknown;
  error?: { code: ErrorCode; message: string };
}

type Message = RequestMessage | ResponseMessage;
export type IpcHandler = (payload: unknown) => unknown;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
}

function isMessage(value: unknown): value is Message {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === KIND;
}

/**
 * One end of an IPC conversation. Feed it every message the channel receives (`receive`);
 * it answers requests with its handlers and settles its own pending requests.
 *
 * @example
 * const toPrimary = new IpcChannel((m) => process.send!(m)).handle("index:reload", () => reload());
 * process.on("message", (m) => toPrimary.receive(m));
 * await toPrimary.request("ingest", { rescan: true }, 0);
 */
export class IpcChannel {
  private readonly pending = new Map<number, Pending>();
  private next = 0;

  private readonly handlers = new Map<string, IpcHandler>();

  constructor(private readonly send: (message: Message) => void) {}

  /** Answer requests of `type` from the other end. */
  handle(type: string, handler: IpcHandler): this {
    this.handlers.set(type, handler);
    return this;
  }

  /** Ask the other end; `timeoutMs` 0 waits as long as it takes. */
  request<T>(type: string, payload: unknown, timeoutMs: number): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      const entry: Pending = { resolve: resolve as (value: unknown) => void, reject };
      if (timeoutMs > 0) {
        entry.timer = setTimeout(() => {
          this.pending.delete(id);
          reject(new ReviewChatError("internal", `No answer to "${type}" from the other process within ${timeoutMs} ms`));
        }, timeoutMs);
      }
      this.pending.set(id, entry);
      try {
        this.send({ kind: KIND, request: id, type, payload });
      } catch (cause) {
        this.settle(id, { error: { code: "internal", message: `Could not reach the other process: ${String(cause)}` } });
      }
    });
  }

  /** Handle one incoming message; returns false when it was not ours. */
  receive(message: unknown): boolean {
    if (!isMessage(message)) return false;
    if ("response" in message) {
      this.settle(message.response, message);
      return true;
    }
    void this.answer(message);
    return true;
  }

  /** Fail every pending request (the other end went away). */
  close(reason: string): void {
    for (const id of [...this.pending.keys()]) this.settle(id, { error: { code: "internal", message: reason } });
  }

  private async answer(message: RequestMessage): Promise<void> {
    const handler = this.handlers.get(message.type);
    let reply: ResponseMessage;
    try {
      if (!handler) throw new ReviewChatError("internal", `No handler for "${message.type}"`);
      reply = { kind: KIND, response: message.request, result: await handler(message.payload) };
    } catch (error) {
      const known = ReviewChatError.isInstance(error);
      reply = {
        kind: KIND,
        response: message.request,
        error: { code: known ? error.code : "internal", message: error instanceof Error ? error.message : String(error) },
      };
    }
    try {
      this.send(reply);
    } catch {
      // The requester is gone; nobody is waiting for this answer.
    }
  }

  private settle(id: number, message: Pick<ResponseMessage, "result" | "error">): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    if (entry.timer) clearTimeout(entry.timer);
    if (message.error) entry.reject(new ReviewChatError(message.error.code, message.error.message));
    else entry.resolve(message.result);
  }
}

let toPrimary: IpcChannel | undefined;

/** In a cluster worker, the channel to the primary (created on first use); elsewhere null. */
export function primaryChannel(): IpcChannel | null {
  if (!cluster.isWorker || !process.send) return null;
  if (!toPrimary) {
    const channel = new IpcChannel((message) => {
      if (!process.connected) throw new Error("IPC channel closed");
      process.send!(message);
    });
    process.on("message", (message) => channel.receive(message));
    process.on("disconnect", () => channel.close("The primary process went away"));
    toPrimary = channel;
  }
  return toPrimary;
}
