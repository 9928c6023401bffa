// Open a PDF with pdf.js and hand out its pages' positioned text one page at a time (each page
// is released before the next is read, so a 500-page book costs one page of memory). Failures
// become UnreadableDocumentError with the reason a user can act on.
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";
import { UnreadableDocumentError } from "../../errors.ts";
import type { PageText, TextItem } from "./text-item.ts";

type PdfDocument = Awaited<ReturnType<typeof pdfjs.getDocument>["promise"]>;

const require = createRequire(import.meta.url);
const PDFJS_ROOT = path.dirname(require.resolve("pdfjs-dist/package.json"));
/** pdf.js needs the 14 standard fonts' metrics and the CMaps of CJK fonts as files (trailing slash required). */
const STANDARD_FONTS = `${pathToFileURL(path.join(PDFJS_ROOT, "standard_fonts")).href}/`;
const CMAPS = `${pathToFileURL(path.join(PDFJS_ROOT, "cmaps")).href}/`;

export interface PdfInfo {
  pages: number;
  /** The info dictionary (Title, Subject, Author, …). */
  info: Record<string, unknown>;
  /** XMP properties (dc:title, prism:doi, …) with array values joined by "; ". */
  xmp: Record<string, string>;
}

export interface OpenedPdf {
  info: PdfInfo;
  /** Pages in order; each page's pdf.js objects are released once its text is taken. */
  pages(): AsyncGenerator<PageText>;
  close(): Promise<void>;
}

function damaged(name: string, cause: unknown): UnreadableDocumentError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  const error = cause as { name?: string } | undefined;
  if (error?.name === "PasswordException") return new UnreadableDocumentError(name, "is encrypted (password-protected)", cause);
  return new UnreadableDocumentError(name, `is truncated or damaged (${reason})`, cause);
}

function readXmp(metadata: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!metadata || typeof (metadata as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== "function") return out;
  for (const [key, value] of metadata as Iterable<[string, unknown]>) {
    const text = Array.isArray(value) ? value.map(String).join("; ") : typeof value === "string" ? value : "";
    if (text.trim()) out[key.toLowerCase()] = text.trim();
  }
  return out;
}

/** One page's upright text items in page coordinates. */
async function readPage(doc: PdfDocument, number: number): Promise<PageText> {
  const page = await doc.getPage(number);
  try {
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const items: TextItem[] = [];
    let rotatedChars = 0;
    for (const raw of content.items) {
      if (!("str" in raw) || !raw.str || !raw.str.trim()) continue;
      const [a, b, c, d, e, f] = raw.transform as number[];
      // Rotated or mirrored text (margin stamps, turned tables) does not belong to the flow of lines.
      if (Math.abs(b!) > 1e-3 || Math.abs(c!) > 1e-3 || a! <= 0 || d! <= 0) {
        rotatedChars += raw.str.length;
        continue;
      }
      items.push({ str: raw.str, x: e! - x0, y: f! - y0, size: d!, width: raw.width, font: raw.fontName });
    }
    return { number, width: x1 - x0, height: y1 - y0, items, rotatedChars };
  } finally {
    page.cleanup();
  }
}

export async function openPdf(data: Uint8Array, name: string): Promise<OpenedPdf> {
  if (Buffer.from(data.subarray(0, 1024)).indexOf("%PDF-") < 0) {
    throw new UnreadableDocumentError(name, "is not a PDF (no %PDF- header)");
  }
  const task = pdfjs.getDocument({
    // pdf.js takes ownership of (and detaches) the buffer it is given.
    data: data.slice(),
    standardFontDataUrl: STANDARD_FONTS,
    cMapUrl: CMAPS,
    cMapPacked: true,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc: PdfDocument;
  try {
    doc = await task.promise;
  } catch (cause) {
    await task.destroy().catch(() => {});
    throw damaged(name, cause);
  }
  let info: PdfInfo;
  try {
    const meta = await doc.getMetadata();
    info = { pages: doc.numPages, info: (meta.info ?? {}) as Record<string, unknown>, xmp: readXmp(meta.metadata) };
  } catch {
    info = { pages: doc.numPages, info: {}, xmp: {} };
  }
  return {
    info,
    async *pages() {
      for (let number = 1; number <= doc.numPages; number++) {
        try {
          yield await readPage(doc, number);
        } catch (cause) {
          if (cause instanceof UnreadableDocumentError) throw cause;
          throw damaged(name, cause);
        }
      }
    },
    close: () => doc.destroy(),
  };
}
