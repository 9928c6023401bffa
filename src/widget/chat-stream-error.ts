// The ways a chat request can fail in the browser, each with a message fit to show the reader.

export type ChatStreamErrorKind =
  /** No HTTP response at all: server down, wrong address, CORS refusal, offline. */
  | "unreachable"
  /** The server answered with an error status or an `error` event. */
  | "server"
  /** The stream ended or broke before its `done` event. */
  | "interrupted"
  /** The reader pressed stop. */
  | "aborted";

export class ChatStreamError extends Error {
  readonly kind: ChatStreamErrorKind;
  /** The server's stable error code when it sent one, e.g. "rate_limited". */
  readonly code?: string;

  constructor(kind: ChatStreamErrorKind, message: string, options?: { code?: string; cause?: unknown }) {
    super(message, { cause: options?.cause });
    this.name = "ChatStreamError";
    this.kind = kind;
    this.code = options?.code;
  }

  static isInstance(error: unknown): error is ChatStreamError {
    return error instanceof ChatStreamError;
  }
}
