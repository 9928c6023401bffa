// Read a corpus file as text: .txt and .md as UTF-8, .pdf through pdf-parse (v2) and reflowed
// into paragraphs. Anything unreadable, empty or unsupported is an UnreadableDocumentError.
import fs from "node:fs/promises";
import path from "node:path";
import { PDFParse } from "pdf-parse";
import { UnreadableDocumentError } from "../errors.ts";
import type { DocumentMeta } from "../types.ts";
import { reflowPdfText } from "./reflow-pdf-text.ts";

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

async function readPdf(data: Uint8Array, name: string): Promise<string> {
  if (Buffer.from(data.subarray(0, 1024)).indexOf("%PDF-") < 0) {
    throw new UnreadableDocumentError(name, "is not a PDF (no %PDF- header)");
  }
  const parser = new PDFParse({ data });
  try {
    // Keep pdf-parse's "-- n of m --" page marks: the reflow uses them to find running heads.
    const result = await parser.getText({ pageJoiner: "\n-- page_number of total_number --" });
    return reflowPdfText(result.text);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new UnreadableDocumentError(name, `PDF could not be parsed (${reason})`, cause);
  } finally {
    await parser.destroy().catch(() => {});
  }
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
    const text = await readPdf(new Uint8Array(data), name);
    if (!text.trim()) throw new UnreadableDocumentError(name, "PDF has no extractable text (scanned images?)");
    return { format, text };
  }
  if (data.includes(0)) throw new UnreadableDocumentError(name, "is binary, not UTF-8 text");
  const text = data.toString("utf8");
  const replaced = (text.match(/\uFFFD/g) ?? []).length;
  if (replaced > 10 && replaced > text.length / 1000) throw new UnreadableDocumentError(name, "is not UTF-8 text");
  if (!text.trim()) throw new UnreadableDocumentError(name, "contains no text");
  return { format, text };
}
