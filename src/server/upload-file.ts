// Checks on a file uploaded to the admin ingest endpoint: a plain, safe file name with a supported
// extension, and content that is what the extension claims (PDF magic bytes, UTF-8 text).
import path from "node:path";
import { ReviewChatError, badRequest } from "../errors.ts";
import { SUPPORTED_EXTENSIONS } from "../store/build-index.ts";

const MAX_STEM_LENGTH = 100;
const PDF_MAGIC = "%PDF-";

const unsupported = (message: string) => new ReviewChatError("unsupported_media_type", message);
const shown = (name: string) => JSON.stringify(name.slice(0, 120));

/**
 * The name a corpus file gets: folders and traversal are refused (not silently dropped, so the
 * operator sees the mistake); other characters outside [A-Za-z0-9._-] become "-".
 *
 * @example
 * sanitizeUploadName("Smith 2023 (review).PDF"); // "Smith-2023-review.pdf"
 * sanitizeUploadName("../../etc/passwd.txt");    // throws bad_request
 */
export function sanitizeUploadName(raw: string): string {
  const name = raw.normalize("NFC").trim();
  if (name === "") throw badRequest("The uploaded file has no name");
  // eslint-disable-next-line no-control-regex
  if (/[/\\]/.test(name) || name.includes("..") || /[\u0000-\u001f\u007f]/.test(name)) {
    throw badRequest(`File name ${shown(raw)} must be a plain name, without folders, ".." or control characters`);
  }
  const ext = path.extname(name).toLowerCase();
  if (!SUPPORTED_EXTENSIONS.includes(ext)) {
    throw unsupported(`File ${shown(raw)}: only ${SUPPORTED_EXTENSIONS.join(", ")} files can be ingested`);
  }
  const stem = name
    .slice(0, -ext.length)
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, MAX_STEM_LENGTH);
  if (stem === "") throw badRequest(`File name ${shown(raw)} has no usable characters; use letters, digits, "-" or "_"`);
  return `${stem}${ext}`;
}

/** Refuses content that does not match its extension (415) and empty files (400). */
export function checkUploadContent(fileName: string, data: Buffer): void {
  if (data.length === 0) throw badRequest(`File ${shown(fileName)} is empty`);
  const ext = path.extname(fileName).toLowerCase();
  if (ext === ".pdf") {
    if (data.subarray(0, PDF_MAGIC.length).toString("latin1") !== PDF_MAGIC) {
      throw unsupported(`File ${shown(fileName)} is not a PDF (it does not start with ${PDF_MAGIC})`);
    }
    return;
  }
  // .txt and .md: text in UTF-8, without the NUL bytes that betray a binary file.
  if (data.includes(0)) throw unsupported(`File ${shown(fileName)} is binary, not ${ext} text`);
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(data);
  } catch {
    throw unsupported(`File ${shown(fileName)} is not UTF-8 text`);
  }
}
