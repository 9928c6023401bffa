// Reading order from geometry, page by page: vertical gutters are x-ranges that the page's rows
// leave empty far more often than the text beside them; rows are cut at the gutters into column
// lines, lines that run across a gutter (title, abstract, wide figures and tables) are full-width,
// and each band between full-width lines is read column by column, top to bottom.
import { type Row, dominantSize } from "./group-lines.ts";
import { lineText } from "./line-text.ts";
import type { TextItem } from "./text-item.ts";

export interface Line {
  page: number;
  items: TextItem[];
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
  /** Font of most of the line's characters. */
  font: string;
  /** Column index (0 = leftmost); for a full-width line, the first column it covers. */
  column: number;
  fullWidth: boolean;
}

interface Gutter {
  start: number;
  end: number;
}

function dominantFont(items: TextItem[]): string {
  const chars = new Map<string, number>();
  for (const item of items) if (!item.script) chars.set(item.font, (chars.get(item.font) ?? 0) + item.str.length);
  return [...chars].sort((a, b) => b[1] - a[1])[0]?.[0] ?? items[0]!.font;
}

export function makeLine(page: number, items: TextItem[], y: number, size: number, column: number, fullWidth: boolean): Line {
  return {
    page,
    items,
    text: lineText(items),
    x: Math.min(...items.map((item) => item.x)),
    right: Math.max(...items.map((item) => item.x + item.width)),
    y,
    size,
    font: dominantFont(items),
    column,
    fullWidth,
  };
}

/**
 * x-ranges in the middle of the page that a stack of five or more consecutive rows leaves empty,
 * where at least three of those rows have dense text ending just left of it and three have dense
 * text starting just right of it, and such rows are not far outnumbered by rows running across.
 * Columns need not share baselines. Justified word gaps do not line up down the page, figure
 * labels and short table cells are not dense; a gutter between columns of prose is both.
 */
export function findGutters(rows: Row[], pageWidth: number, bodySize: number): Gutter[] {
  const width = Math.ceil(pageWidth) + 1;
  const crossings = new Int32Array(width);
  const streak = new Int32Array(width);
  const lefts = new Int32Array(width);
  const rights = new Int32Array(width);
  const found = new Uint8Array(width);
  const supported = new Int32Array(width);
  // Columns of prose are set in the document's body size; tables, legends and figure labels in
  // smaller type are left out, so their cell gaps are not taken for gutters. A page with little
  // body text (a reference list in small type) is measured in its own main size.
  const isMain = (row: Row, size: number) => Math.abs(row.size - size) <= 0.15 * size;
  const bodyRows = rows.filter((row) => isMain(row, bodySize) && row.items.reduce((n, item) => n + item.str.length, 0) >= 20).length;
  let mainSize = bodySize;
  if (bodyRows < 8) {
    const chars = new Map<number, number>();
    for (const row of rows) chars.set(row.size, (chars.get(row.size) ?? 0) + row.items.reduce((n, item) => n + item.str.length, 0));
    mainSize = [...chars].sort((a, b) => b[1] - a[1])[0]?.[0] ?? bodySize;
  }
  for (const row of rows) {
    if (row.items.reduce((n, item) => n + item.str.length, 0) < 3 || !isMain(row, mainSize)) continue;
    const em = row.size;
    const covered = new Uint8Array(width);
    // Items and the gaps narrower than an em between them are solid.
    let previousEnd = -Infinity;
    for (const item of row.items) {
      const from = item.x - previousEnd < em ? previousEnd : item.x;
      for (let x = Math.max(0, Math.floor(from)); x < Math.min(width, Math.ceil(item.x + item.width)); x++) covered[x] = 1;
      previousEnd = Math.max(previousEnd, item.x + item.width);
    }
    const ink = (from: number, to: number) =>
      row.items.reduce((sum, item) => sum + Math.max(0, Math.min(to, item.x + item.width) - Math.max(from, item.x)), 0) / (to - from);
    const leftSupport = new Uint8Array(width);
    const rightSupport = new Uint8Array(width);
    for (const item of row.items) {
      const end = item.x + item.width;
      if (ink(end - 5 * em, end) >= 0.6) for (let x = Math.ceil(end); x < Math.min(width, end + 3 * em); x++) leftSupport[x] = 1;
      if (ink(item.x, item.x + 5 * em) >= 0.6) for (let x = Math.max(0, Math.floor(item.x - 3 * em)); x < item.x; x++) rightSupport[x] = 1;
    }
    for (let x = 0; x < width; x++) {
      if (covered[x]) {
        crossings[x]!++;
        streak[x] = lefts[x] = rights[x] = 0;
        continue;
      }
      streak[x]!++;
      lefts[x]! += leftSupport[x]!;
      rights[x]! += rightSupport[x]!;
      if (leftSupport[x] || rightSupport[x]) supported[x]!++;
      if (streak[x]! >= 5 && lefts[x]! >= 3 && rights[x]! >= 3) found[x] = 1;
    }
  }
  const isGutter = (x: number) => found[x] === 1 && supported[x]! >= 0.3 * crossings[x]!;
  const gutters: Gutter[] = [];
  const high = Math.ceil(pageWidth * 0.85);
  for (let x = Math.floor(pageWidth * 0.15); x < high; x++) {
    if (!isGutter(x)) continue;
    let end = x;
    while (end < high && isGutter(end)) end++;
    const next = end;
    // Trim bins that many rows run through (a column's usual left edge, reached by an indent-free line).
    let least = Infinity;
    for (let i = x; i < end; i++) least = Math.min(least, crossings[i]!);
    let from = x;
    while (from < end && crossings[from]! > least * 1.5 + 2) from++;
    while (end > from && crossings[end - 1]! > least * 1.5 + 2) end--;
    const previous = gutters[gutters.length - 1];
    if (previous && from - previous.end < 6) previous.end = end;
    // A strip narrower than two ems between two gutters holds no prose: it is the hanging labels
    // (list numbers, bullets) of the column to its right, read with that column.
    else if (end - from >= 3 && !(previous && from - previous.end < 2 * bodySize)) gutters.push({ start: from, end });
    x = next;
  }
  return gutters;
}

/** Cut rows at the gutters and order the resulting lines for reading. */
export function orderPage(page: number, rows: Row[], gutters: Gutter[]): Line[] {
  const lines: Line[] = [];
  for (const row of rows) {
    let pieces: TextItem[][] = [row.items];
    // A row is cut at the widest empty stretch between its items that lies in the gutter: the left
    // edge of a ragged column's lines may end anywhere inside the gutter, and a hanging-indent
    // list's numbered first lines start inside it, left of their other lines.
    for (const gutter of gutters) {
      const next: TextItem[][] = [];
      for (const piece of pieces) {
        const sorted = [...piece].sort((a, b) => a.x - b.x);
        let best = 0;
        let widest = 0;
        let reach = -Infinity;
        for (let k = 1; k < sorted.length; k++) {
          reach = Math.max(reach, sorted[k - 1]!.x + sorted[k - 1]!.width);
          const gap = sorted[k]!.x - reach;
          if (Math.min(sorted[k]!.x, gutter.end) > Math.max(reach, gutter.start) && gap > widest) {
            best = k;
            widest = gap;
          }
        }
        // A word space is not a gutter: a large title runs on across it.
        if (best && widest >= 0.6 * row.size) next.push(sorted.slice(0, best), sorted.slice(best));
        else next.push(piece);
      }
      pieces = next;
    }
    for (const piece of pieces) {
      const from = Math.min(...piece.map((item) => item.x));
      const to = Math.max(...piece.map((item) => item.x + item.width));
      // A piece starting in the right half of a gutter begins the column after it.
      const first = gutters.filter((gutter) => Math.min(gutter.end - 2, (gutter.start + gutter.end) / 2) <= from).length;
      const last = gutters.filter((gutter) => gutter.end + 1 < to).length;
      const body = piece.filter((item) => !item.script);
      const size = pieces.length === 1 ? row.size : dominantSize(body.length ? body : piece);
      lines.push(makeLine(page, piece, row.y, size, first, last > first));
    }
  }
  // Bands between full-width lines, each read column by column.
  const ordered: Line[] = [];
  let band: Line[] = [];
  const flush = () => {
    band.sort((a, b) => a.column - b.column || b.y - a.y || a.x - b.x);
    ordered.push(...band);
    band = [];
  };
  for (const line of lines.sort((a, b) => b.y - a.y || a.x - b.x)) {
    if (line.fullWidth) {
      flush();
      ordered.push(line);
    } else {
      band.push(line);
    }
  }
  flush();
  return ordered;
}
