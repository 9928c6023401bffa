// Read a corpus file as text: .txt and .md as UTF-8, .pdf through the layout reader (pdf/),
// which writes markdown. Anything unreadable, empty or unsupported is an UnreadableDocumentError.
import fs from "node:fs/promises";
import path from "node:path";
import { UnreadableDocumentError } from "../errors.ts";
import type { DocumentMeta } from "../types.ts";
import { readPdf } from "./pdf/read-pdf.ts";

export type DocumentFormat = "txt" | "md" | "pdf";

export interface LoadedText {
  format: DocumentFormat;
  /** Plain text (.txt), markdown (.md), or for PDFs the markdown the layout reader writes. */
  text: string;
  /** Metadata read from the file's layout or info dictionary (PDF only). */
  metaHints?: Partial<Omit<DocumentMeta, "id" | "file">>;
  /** Characters in the file's text layer before any cleaning (PDF only). */
  extractedChars?: number;
}

const FORMATS: Record<string, DocumentFormat> = { ".txt": "txt", ".md": "md", ".markdown": "md", ".pdf": "pdf" };

export function formatOf(file: string): DocumentFormat | undefined {
  return FORMATS[path.extname(file).toLowerCase()];
}

export async function loadDocumentText(filePath: string): Promise<LoadedText> {
  const name = path.basename(filePath);
  const format = formatOf(filePath);
  if (!format) {
    throw new UnreadableDocumentError(name, `unsupported file type "${path.extname(filePath) || "(none)"}" (expected .txt, .md or .pdf)`);
  }
  let data: Buffer;
  try {
    data = await fs.readFile(filePath);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "file not found" : code === "EISDIR" ? "is a directory" : `cannot be read (${code ?? String(cause)})`;
    throw new UnreadableDocumentError(name, reason, cause);
  }
  if (data.length === 0) throw new UnreadableDocumentError(name, "is empty");
  if (format === "pdf") {
    const pdf = await readPdf(new Uint8Array(data), name);
    if (!pdf.markdown.trim()) throw new UnreadableDocumentError(name, "has no text layer: run OCR first");
    return { format, text: pdf.markdown, metaHints: pdf.metaHints, extractedChars: pdf.extractedChars };
  }
  if (data.includes(0)) throw new UnreadableDocumentError(name, "is binary, not UTF-8 text");
  const text = data.toString("utf8");
  const replaced = (text.match(/\uFFFD/g) ?? []).length;
  if (replaced > 10 && replaced > text.length / 1000) throw new UnreadableDocumentError(name, "is not UTF-8 text");
  if (!text.trim()) throw new UnreadableDocumentError(name, "contains no text");
  return { format, text };
}
