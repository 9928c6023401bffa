// Tables are true grids: several consecutive rows whose cells (text separated by gaps of more
// than an em) start at the same x in three or more columns. Justified prose, whose word gaps
// pdf.js reports as separate items, never lines up like that, so it is never turned into cells.
import { isCaptionStart } from "./captions.ts";
import { lineText } from "./line-text.ts";
import type { Line } from "./reading-order.ts";
import type { TextItem } from "./text-item.ts";

const MIN_ROWS = 3;
const MIN_COLUMNS = 3;

/** A line's cells: runs of items separated by gaps wider than 1.2 em. */
export function cellsOf(line: Line): TextItem[][] {
  const cells: TextItem[][] = [];
  let previous: TextItem | null = null;
  for (const item of line.items) {
    if (!previous || item.x - (previous.x + previous.width) > 1.2 * line.size) cells.push([]);
    cells[cells.length - 1]!.push(item);
    previous = item;
  }
  return cells;
}

/** Left edges shared (within 3 pt) by cells of at least `support` rows. */
function columnAnchors(rows: TextItem[][][], support: number): number[] {
  const lefts = rows.flatMap((cells) => cells.map((cell) => cell[0]!.x)).sort((a, b) => a - b);
  const anchors: number[] = [];
  let group: number[] = [];
  const close = () => {
    const rowsWith = rows.filter((cells) => cells.some((cell) => Math.abs(cell[0]!.x - group[0]!) <= 3 + (group[group.length - 1]! - group[0]!))).length;
    if (group.length && rowsWith >= support) anchors.push(group[0]!);
    group = [];
  };
  for (const x of lefts) {
    if (group.length && x - group[group.length - 1]! > 3) close();
    group.push(x);
  }
  if (group.length) close();
  return anchors;
}

/** Number of lines from `start` that form a table (0 when they do not). */
export function tableLength(lines: Line[], start: number): number {
  const block: Line[] = [];
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    const previous = block[block.length - 1];
    // A table is set in one size; prose of another size after it is not part of it.
    if (previous && (line.page !== previous.page || previous.y - line.y > 3 * line.size || line.y > previous.y)) break;
    if (block.length && (Math.abs(line.size - block[0]!.size) > 0.1 * block[0]!.size || isCaptionStart(line.text))) break;
    if (cellsOf(line).length < 2 && block.length === 0) return 0;
    block.push(line);
  }
  // Grow the grid row by row while it keeps three aligned columns.
  let best = 0;
  for (let end = MIN_ROWS; end <= block.length; end++) {
    const rows = block.slice(0, end).map(cellsOf);
    const multi = rows.filter((cells) => cells.length >= 2).length;
    if (multi < MIN_ROWS || multi < end * 0.5) break;
    if (columnAnchors(rows, Math.max(MIN_ROWS, Math.ceil(multi * 0.5))).length >= MIN_COLUMNS) best = end;
  }
  return best;
}

/** The table's rows as tab-separated lines, cells placed under the column they start in. */
export function tableText(lines: Line[]): string {
  const rows = lines.map(cellsOf);
  const anchors = columnAnchors(rows, Math.max(2, Math.ceil(rows.length * 0.3)));
  return rows
    .map((cells) => {
      const out = anchors.map(() => "");
      for (const cell of cells) {
        let column = 0;
        anchors.forEach((anchor, i) => {
          if (cell[0]!.x >= anchor - 3) column = i;
        });
        const text = lineText(cell);
        out[column] = out[column] ? `${out[column]} ${text}` : text;
      }
      return out.join("\t");
    })
    .join("\n");
}
