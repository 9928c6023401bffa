// The document's body text style (the font and size that carry most characters) and its line
// spacing: the yardsticks headings, footnotes and paragraph gaps are measured against.
import type { Line } from "./reading-order.ts";

export interface BodyFont {
  font: string;
  size: number;
  /** Usual baseline-to-baseline distance between body lines of one paragraph. */
  leading: number;
}

export function findBodyFont(lines: Line[]): BodyFont {
  const chars = new Map<string, number>();
  const sizes = new Map<number, number>();
  for (const line of lines) {
    for (const item of line.items) {
      if (item.script) continue;
      chars.set(item.font, (chars.get(item.font) ?? 0) + item.str.length);
      const size = Math.round(item.size * 2) / 2;
      sizes.set(size, (sizes.get(size) ?? 0) + item.str.length);
    }
  }
  const font = [...chars].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "";
  const size = [...sizes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
  const gaps = new Map<number, number>();
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1]!, lines[i]!];
    if (a.page !== b.page || a.column !== b.column || Math.abs(a.size - size) > 0.5 || Math.abs(b.size - size) > 0.5) continue;
    const gap = Math.round((a.y - b.y) * 2) / 2;
    if (gap > 0.9 * size && gap < 2.5 * size) gaps.set(gap, (gaps.get(gap) ?? 0) + 1);
  }
  const leading = [...gaps].sort((a, b) => b[1] - a[1])[0]?.[0] ?? size * 1.2;
  return { font, size, leading };
}
