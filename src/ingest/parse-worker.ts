// The thread side of parse-pool.ts: parses the files it is sent, one at a time, and posts each
// parsed document back (or the error's code and message). pdf.js loads once per thread.
import { parentPort } from "node:worker_threads";
import { ReviewChatError } from "../errors.ts";
import { parseDocumentFile } from "./parse-document.ts";

export interface ParseTask {
  id: number;
  filePath: string;
}

export type ParseReply =
  | { id: number; ok: true; document: Awaited<ReturnType<typeof parseDocumentFile>> }
  | { id: number; ok: false; code: string; message: string };

parentPort?.on("message", async ({ id, filePath }: ParseTask) => {
  let reply: ParseReply;
  try {
    reply = { id, ok: true, document: await parseDocumentFile(filePath) };
  } catch (error) {
    const code = ReviewChatError.isInstance(error) ? error.code : "internal";
    reply = { id, ok: false, code, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
