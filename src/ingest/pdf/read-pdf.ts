// A PDF file's bytes → the markdown the document parser reads, plus metadata hints: pages are
// read one at a time into baseline rows, furniture is removed across pages, each page is put
// in reading order, and the ordered lines are written out as paragraphs.
import { UnreadableDocumentError } from "../../errors.ts";
import { findBodyFont } from "./body-font.ts";
import { type MetaHints, readFirstPageMetadata } from "./first-page-metadata.ts";
import { groupRows } from "./group-lines.ts";
import { layoutToMarkdown } from "./layout-to-markdown.ts";
import { lineText } from "./line-text.ts";
import { type PageRows, inBand, removeFurniture } from "./page-furniture.ts";
import { openPdf } from "./read-text-items.ts";
import { type Line, findGutters, orderPage } from "./reading-order.ts";

export interface PdfText {
  markdown: string;
  metaHints: MetaHints;
  /** Characters in the text layer (upright and rotated) before any cleaning. */
  extractedChars: number;
  pages: number;
}

/** Fewer characters than this per page on average: the pages are images (a scan). */
const MIN_CHARS_PER_PAGE = 40;

/** The type size carrying most characters in the document. */
function bodySize(pages: PageRows[]): number {
  const chars = new Map<number, number>();
  for (const row of pages.flatMap((page) => page.rows)) {
    const key = Math.round(row.size * 2) / 2;
    chars.set(key, (chars.get(key) ?? 0) + row.items.reduce((n, item) => n + item.str.length, 0));
  }
  return [...chars].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
}

export async function readPdf(data: Uint8Array, name: string): Promise<PdfText> {
  const pdf = await openPdf(data, name);
  const pages: PageRows[] = [];
  let extractedChars = 0;
  let uprightChars = 0;
  try {
    for await (const page of pdf.pages()) {
      const chars = page.items.reduce((n, item) => n + item.str.length, 0);
      extractedChars += chars + page.rotatedChars;
      uprightChars += chars;
      pages.push({ number: page.number, width: page.width, height: page.height, rows: groupRows(page.items) });
    }
  } finally {
    await pdf.close().catch(() => {});
  }
  if (!pages.length || uprightChars < Math.max(100, MIN_CHARS_PER_PAGE * pages.length)) {
    throw new UnreadableDocumentError(name, "has no text layer: run OCR first");
  }
  // Page 1 as printed, running heads and margins included: they often carry the DOI.
  const firstPagePrinted = pages[0]!.rows.map((row) => lineText(row.items)).join("\n");
  // Where a citation line stands: page 1's and page 2's heads and feet (not the body, where a
  // reference list may print the same shapes).
  const citationLines = pages.slice(0, 2).flatMap((page) => page.rows.filter((row) => inBand(row, page)).map((row) => lineText(row.items)));
  removeFurniture(pages);
  const mainSize = bodySize(pages);
  const lines: Line[] = pages.flatMap((page) => orderPage(page.number, page.rows, findGutters(page.rows, page.width, mainSize)));
  const body = findBodyFont(lines);
  const first = readFirstPageMetadata(lines.filter((line) => line.page === pages[0]!.number), pdf.info, firstPagePrinted, citationLines, lines.filter((line) => line.page === pages[1]?.number));
  const markdown = layoutToMarkdown({ lines, body, titleLines: first.titleLines, ...(first.hints.title ? { title: first.hints.title } : {}) });
  return { markdown, metaHints: first.hints, extractedChars, pages: pages.length };
}
