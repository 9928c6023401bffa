// The document's body text style (the size that carries most characters, and on each page the
// font that carries most of them at that size) and its line spacing: the yardsticks headings, footnotes and paragraph gaps are measured against.
import type { Line } from "./reading-order.ts";

export interface BodyFont {
  /** The body font of each page: PDFs often give every page its own copy of a font, so font ids are compared within a page. */
  fontByPage: Map<number, string>;
  size: number;
  /** Usual baseline-to-baseline distance between body lines of one paragraph. */
  leading: number;
}

export function findBodyFont(lines: Line[]): BodyFont {
  const sizes = new Map<number, number>();
  for (const line of lines) {
    for (const item of line.items) {
      if (item.script) continue;
      const size = Math.round(item.size * 2) / 2;
      sizes.set(size, (sizes.get(size) ?? 0) + item.str.length);
    }
  }
  const size = [...sizes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
  const pageChars = new Map<number, Map<string, number>>();
  for (const line of lines) {
    for (const item of line.items) {
      if (item.script || Math.abs(item.size - size) > 0.15 * size) continue;
      const fonts = pageChars.get(line.page) ?? new Map<string, number>();
      fonts.set(item.font, (fonts.get(item.font) ?? 0) + item.str.length);
      pageChars.set(line.page, fonts);
    }
  }
  const fontByPage = new Map([...pageChars].map(([page, fonts]) => [page, [...fonts].sort((a, b) => b[1] - a[1])[0]![0]]));
  const gaps = new Map<number, number>();
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1]!, lines[i]!];
    if (a.page !== b.page || a.column !== b.column || Math.abs(a.size - size) > 0.5 || Math.abs(b.size - size) > 0.5) continue;
    const gap = Math.round((a.y - b.y) * 2) / 2;
    if (gap > 0.9 * size && gap < 2.5 * size) gaps.set(gap, (gaps.get(gap) ?? 0) + 1);
  }
  const leading = [...gaps].sort((a, b) => b[1] - a[1])[0]?.[0] ?? size * 1.2;
  return { fontByPage, size, leading };
}

export function isBodyFont(body: BodyFont, page: number, font: string): boolean {
  return body.fontByPage.get(page) === font;
}
