// Named errors with stable codes. The server maps them to HTTP in one place
// (src/server/error-handler.ts); the CLI prints their message without a stack.

export type ErrorCode =
  | "bad_request"
  | "not_found"
  | "payload_too_large"
  | "conflict"
  | "unauthorized"
  | "forbidden"
  | "admin_disabled"
  | "unsupported_media_type"
  | "rate_limited"
  | "timeout"
  | "shutting_down"
  | "index_missing"
  | "index_corrupt"
  | "index_mismatch"
  | "unreadable_document"
  | "ingest_failed"
  | "llm_failed"
  | "config_invalid"
  | "internal";

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  not_found: 404,
  payload_too_large: 413,
  conflict: 409,
  unauthorized: 401,
  forbidden: 403,
  admin_disabled: 403,
  unsupported_media_type: 415,
  rate_limited: 429,
  timeout: 503,
  shutting_down: 503,
  index_missing: 503,
  index_corrupt: 503,
  index_mismatch: 503,
  unreadable_document: 422,
  ingest_failed: 500,
  llm_failed: 502,
  config_invalid: 500,
  internal: 500,
};

/** Base class of every error this project throws on purpose. */
export class ReviewChatError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; details?: unknown }) {
    super(message, { cause: options?.cause });
    this.name = "ReviewChatError";
    this.code = code;
    this.status = STATUS[code];
    this.details = options?.details;
  }

  static isInstance(error: unknown): error is ReviewChatError {
    return error instanceof ReviewChatError;
  }
}

export const badRequest = (message: string, details?: unknown) =>
  new ReviewChatError("bad_request", message, { details });
export const notFound = (message: string) => new ReviewChatError("not_found", message);

/** The index on disk is missing, truncated or built by another embedder. */
export class IndexError extends ReviewChatError {
  readonly file?: string;
  constructor(code: "index_missing" | "index_corrupt" | "index_mismatch", message: string, file?: string, cause?: unknown) {
    super(code, message, { cause });
    this.name = "IndexError";
    this.file = file;
  }
}

/** Not one corpus file could be read: the build stops before publishing, and the live index stays. */
export class NoReadableDocumentsError extends ReviewChatError {
  readonly skipped: { file: string; reason: string }[];
  constructor(skipped: { file: string; reason: string }[]) {
    const reasons = skipped.map(({ file, reason }) => `${file}: ${reason}`).join("; ");
    super("unreadable_document", `No corpus file could be read, so the index was not changed (${reasons})`);
    this.name = "NoReadableDocumentsError";
    this.skipped = skipped;
  }
}

/** A corpus file that could not be read or parsed. */
export class UnreadableDocumentError extends ReviewChatError {
  readonly file: string;
  constructor(file: string, reason: string, cause?: unknown) {
    super("unreadable_document", `${file}: ${reason}`, { cause });
    this.name = "UnreadableDocumentError";
    this.file = file;
  }
}
