// Positioned items → rows of text that share a baseline. Superscripts and subscripts are told
// apart from ordinary text by glyph size and baseline: an item smaller than the text beside it
// and raised (or lowered) against that text's baseline belongs to that line as a script.
import { normalizeGlyphs } from "./normalize-glyphs.ts";
import type { TextItem } from "./text-item.ts";

export interface Row {
  /** Items left to right, scripts included. */
  items: TextItem[];
  /** Baseline of the row's main text. */
  y: number;
  /** Size of the row's main text (the size carrying most characters). */
  size: number;
}

/** Smaller than this share of the neighbouring text's size, a raised or lowered item is a script. */
const SCRIPT_SIZE = 0.88;

/** The size carrying most characters among `items`. */
export function dominantSize(items: TextItem[]): number {
  const chars = new Map<number, number>();
  for (const item of items) {
    const key = Math.round(item.size * 4) / 4;
    chars.set(key, (chars.get(key) ?? 0) + item.str.length);
  }
  return [...chars].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
}

/** Horizontal distance between two items (0 when they overlap). */
function xDistance(a: TextItem, b: TextItem): number {
  return Math.max(0, Math.max(a.x, b.x) - Math.min(a.x + a.width, b.x + b.width));
}

function baselineRows(items: TextItem[]): TextItem[][] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: TextItem[][] = [];
  let current: TextItem[] = [];
  let baseline = Number.NaN;
  for (const item of sorted) {
    if (current.length && Math.abs(item.y - baseline) <= Math.max(0.8, 0.2 * item.size)) {
      current.push(item);
    } else {
      if (current.length) rows.push(current);
      current = [item];
      baseline = item.y;
    }
  }
  if (current.length) rows.push(current);
  return rows;
}

/** The row a small item is a superscript or subscript of, if any. */
function scriptHost(item: TextItem, own: Row, rows: Row[]): { row: Row; script: "sup" | "sub" } | null {
  // An item beside full-size text on its own baseline is ordinary (small) text, not a script.
  const isText = (other: TextItem) => /[\p{L}\p{N}]/u.test(other.str);
  if (own.items.some((other) => other !== item && !other.script && isText(other) && other.size >= item.size / SCRIPT_SIZE && xDistance(other, item) < 0.5 * other.size)) {
    return null;
  }
  let best: { row: Row; script: "sup" | "sub"; offset: number } | null = null;
  for (const row of rows) {
    if (row === own || item.size > SCRIPT_SIZE * row.size) continue;
    const offset = item.y - row.y;
    const script = offset >= 0.12 * row.size && offset <= 0.75 * row.size ? "sup" : offset <= -0.08 * row.size && offset >= -0.5 * row.size ? "sub" : null;
    if (!script) continue;
    const near = row.items.some((other) => (other.script || other.size > SCRIPT_SIZE * row.size) && xDistance(other, item) <= 0.6 * row.size);
    if (near && (!best || Math.abs(offset) < Math.abs(best.offset))) best = { row, script, offset };
  }
  return best;
}

/** Group a page's items into baseline rows, top to bottom, with scripts attached to their lines. */
export function groupRows(pageItems: TextItem[]): Row[] {
  const items = pageItems.map((item) => ({ ...item, str: normalizeGlyphs(item.str) })).filter((item) => item.str.trim());
  const rows: Row[] = baselineRows(items).map((row) => ({ items: row, y: row[0]!.y, size: dominantSize(row) }));
  for (const row of rows) {
    const baseItems = row.items.filter((item) => item.size > SCRIPT_SIZE * row.size);
    if (baseItems.length) row.y = baseItems.reduce((sum, item) => sum + item.y, 0) / baseItems.length;
  }
  // Only rows near a bigger row can hold scripts; check them against the rows just above and
  // below. A second pass catches pieces of a script run ("16", "–", "20" set as three items)
  // whose neighbour was attached in the first.
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const neighbours = rows.slice(Math.max(0, i - 3), i + 4);
      for (const item of [...row.items]) {
        if (item.script) continue;
        const host = scriptHost(item, row, neighbours);
        if (!host) continue;
        row.items.splice(row.items.indexOf(item), 1);
        host.row.items.push({ ...item, script: host.script });
      }
    }
  }
  const kept = rows.filter((row) => row.items.length);
  for (const row of kept) {
    row.items.sort((a, b) => a.x - b.x);
    row.size = dominantSize(row.items.filter((item) => !item.script).length ? row.items.filter((item) => !item.script) : row.items);
  }
  return kept.sort((a, b) => b.y - a.y);
}
