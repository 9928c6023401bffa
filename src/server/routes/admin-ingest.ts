// POST /api/admin/ingest — add a review (multipart field "file": .pdf, .txt or .md) or re-scan
// corpus/ (JSON {"rescan": true, "force"?: true}). Needs `Authorization: Bearer $ADMIN_TOKEN`
// and is disabled (403 admin_disabled) without one. The server keeps answering from the old index
// while the new one is built; the response comes once the new build is being served.
import { createHash, timingSafeEqual } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type Request, type RequestHandler, type Response, Router } from "express";
import multer from "multer";
import { z } from "zod";
import type { AppConfig } from "../../config.ts";
import { ReviewChatError, badRequest } from "../../errors.ts";
import { primaryChannel } from "../cluster-ipc.ts";
import type { ServerContext } from "../context.ts";
import { reloadIndex } from "../index-reloader.ts";
import { recordIngest, trackIngestRunning } from "../metrics.ts";
import { ClusterIngestClient, type IngestRequest, type IngestRunner, LocalIngestRunner, ingestConflict } from "../ingest-runner.ts";
import { checkUploadContent, sanitizeUploadName } from "../upload-file.ts";
import { validate } from "../validate.ts";

export const ADMIN_INGEST_PATH = "/api/admin/ingest";

const rescanBody = z
  .object({
    rescan: z.literal(true, { errorMap: () => ({ message: 'send {"rescan": true}, or upload a file as multipart/form-data' }) }),
    force: z.boolean().optional(),
  })
  .strict();

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Bearer-token check in constant time (hashes first, so lengths do not leak either). */
export function requireAdminToken(config: Pick<AppConfig, "adminToken">): RequestHandler {
  const expected = config.adminToken ? digest(config.adminToken) : undefined;
  return (req, res, next) => {
    if (!expected) {
      throw new ReviewChatError("admin_disabled", "Admin ingest is disabled: set ADMIN_TOKEN on the server to enable it");
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get("authorization") ?? "");
    if (!match) {
      res.setHeader("WWW-Authenticate", 'Bearer realm="review-chat admin"');
      throw new ReviewChatError("unauthorized", "Send Authorization: Bearer <ADMIN_TOKEN>");
    }
    if (!timingSafeEqual(digest(match[1]!), expected)) {
      throw new ReviewChatError("forbidden", "The admin token is not valid");
    }
    next();
  };
}

function createRunner(ctx: ServerContext): IngestRunner {
  const channel = primaryChannel();
  if (channel) return new ClusterIngestClient(channel);
  const { postgres } = ctx;
  return new LocalIngestRunner({
    config: ctx.config,
    // Enabled admin ingest: load the ingest process now, not when the first upload waits for it.
    prewarm: ctx.config.adminToken !== undefined,
    isBusyElsewhere: postgres ? () => postgres.isIngestRunning() : undefined,
    onPublished: async (buildDir) => {
      await reloadIndex(ctx, buildDir);
    },
  });
}

function multerError(error: unknown, maxBytes: number): ReviewChatError {
  if (error instanceof multer.MulterError) {
    if (error.code === "LIMIT_FILE_SIZE") {
      return new ReviewChatError("payload_too_large", `The file is larger than ${maxBytes} bytes (UPLOAD_MAX_BYTES)`);
    }
    if (error.code === "LIMIT_UNEXPECTED_FILE" || error.code === "LIMIT_FILE_COUNT") {
      return badRequest('Upload exactly one file, in the multipart field "file"');
    }
    return badRequest(`Multipart body refused: ${error.message}`);
  }
  // busboy: malformed multipart (no boundary, truncated body, …).
  return badRequest(`Malformed multipart body: ${error instanceof Error ? error.message : String(error)}`);
}

/** Receive, check and stage the uploaded file (in memory: it is bounded by UPLOAD_MAX_BYTES). */
async function receiveUpload(req: Request, res: Response, config: Pick<AppConfig, "uploadMaxBytes">): Promise<IngestRequest> {
  const declared = Number(req.get("content-length"));
  // Refuse what is announced too large before reading it (multipart framing adds a little).
  if (Number.isFinite(declared) && declared > config.uploadMaxBytes + 64 * 1024) {
    res.setHeader("Connection", "close");
    throw new ReviewChatError("payload_too_large", `The upload is larger than ${config.uploadMaxBytes} bytes (UPLOAD_MAX_BYTES)`);
  }
  const parse = multer({
    storage: multer.memoryStorage(),
    // Keep the name as sent, so a traversal attempt is refused rather than silently cut to its basename.
    preservePath: true,
    defParamCharset: "utf8",
    limits: { fileSize: config.uploadMaxBytes, files: 1, fields: 4, parts: 5, fieldSize: 1024, headerPairs: 20 },
  }).single("file");
  await new Promise<void>((resolve, reject) => {
    parse(req, res, (error?: unknown) => (error ? reject(multerError(error, config.uploadMaxBytes)) : resolve()));
  });
  const file = req.file;
  if (!file) throw badRequest('Upload the review in the multipart field "file"');
  const fileName = sanitizeUploadName(file.originalname);
  checkUploadContent(fileName, file.buffer);
  const body = (req.body ?? {}) as Record<string, unknown>;
  const stagingDir = await fs.mkdtemp(path.join(os.tmpdir(), "review-chat-upload-"));
  const stagedPath = path.join(stagingDir, fileName);
  await fs.writeFile(stagedPath, file.buffer);
  return { upload: { stagedPath, fileName }, force: body.force === "true" || body.force === "1" };
}

/**
 * @example
 * app.use(createAdminIngestRouter(ctx));
 * // curl -H "Authorization: Bearer $ADMIN_TOKEN" -F file=@review.pdf http://127.0.0.1:3000/api/admin/ingest
 */
export function createAdminIngestRouter(ctx: ServerContext): Router {
  const router = Router();
  const runner = createRunner(ctx);
  router.post(ADMIN_INGEST_PATH, requireAdminToken(ctx.config), async (req, res) => {
    // Cheap early answer; the runner checks again when it takes the lock.
    if (await runner.isBusy()) {
      recordIngest("conflict");
      throw ingestConflict();
    }
    let request: IngestRequest;
    if (req.is("multipart/form-data")) {
      request = await receiveUpload(req, res, ctx.config);
    } else if (req.is("application/json")) {
      request = { force: validate(rescanBody, req.body).force };
    } else {
      throw new ReviewChatError(
        "unsupported_media_type",
        'Send a file as multipart/form-data (field "file") or {"rescan": true} as application/json',
      );
    }
    const done = trackIngestRunning();
    try {
      const progress = (line: string) => req.log?.info({ ingest: line }, "ingest progress");
      const result = await runner.run(request, progress).catch((error: unknown) => {
        recordIngest(ReviewChatError.isInstance(error) && error.code === "conflict" ? "conflict" : "failed");
        throw error;
      });
      recordIngest(result.status);
      req.log?.info(
        { status: result.status, build: result.build, documents: result.documents, chunks: result.chunks, file: result.file?.name, durationMs: result.durationMs },
        "ingest finished",
      );
      res.json(result);
    } finally {
      done();
      // The runner removes its staging folder; this covers a refusal before it started.
      if (request.upload) await fs.rm(path.dirname(request.upload.stagedPath), { recursive: true, force: true });
    }
  });
  return router;
}
