// The lines of a reference list → one string of lines per entry. Entries are told apart the
// way lists are printed: a number (or [number]) at line start that continues the count, else a
// hanging indent (first line at the column's left edge, the rest indented), else a blank gap.
// Column and page breaks never start an entry by themselves, so a broken entry is joined back.
import type { Line } from "./reading-order.ts";

const LABEL = /^(?:\[(\d{1,4})\]|(\d{1,4})\.?)\s+\S/;

function labelOf(text: string): number | null {
  const match = LABEL.exec(text);
  return match ? Number(match[1] ?? match[2]) : null;
}

/** Split by numbers that continue the count 1, 2, 3… */
function byNumbers(lines: Line[]): Line[][] | null {
  const starts: number[] = [];
  let expected: number | null = null;
  lines.forEach((line, i) => {
    const label = labelOf(line.text);
    if (label === null) return;
    if (expected === null ? label <= 5 || i === 0 : label === expected) {
      starts.push(i);
      expected = label + 1;
    }
  });
  if (starts.length < Math.max(2, lines.length * 0.15)) return null;
  return cut(lines, starts);
}

/** Left edge of each (page, column) block of lines. */
function leftEdges(lines: Line[]): Map<string, number> {
  const edges = new Map<string, number>();
  for (const line of lines) {
    const key = `${line.page}:${line.column}`;
    edges.set(key, Math.min(edges.get(key) ?? Infinity, line.x));
  }
  return edges;
}

/** Split where a line starts at the left edge and the lines after it are indented. */
function byHangingIndent(lines: Line[]): Line[][] | null {
  const edges = leftEdges(lines);
  const atEdge = lines.map((line) => line.x - edges.get(`${line.page}:${line.column}`)! < 0.5 * line.size);
  const indented = atEdge.filter((flag) => !flag).length;
  if (indented < lines.length * 0.2 || indented === lines.length) return null;
  const starts = atEdge.flatMap((flag, i) => (flag ? [i] : []));
  return cut(lines, starts);
}

/** Split at vertical gaps wider than the list's usual line spacing. */
function byGaps(lines: Line[]): Line[][] {
  const spacings = lines.slice(1).flatMap((line, i) => {
    const previous = lines[i]!;
    return previous.page === line.page && previous.column === line.column ? [previous.y - line.y] : [];
  });
  spacings.sort((a, b) => a - b);
  const usual = spacings[Math.floor(spacings.length * 0.3)] ?? 0;
  const starts = [0];
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    if (previous && previous.page === line.page && previous.column === line.column && previous.y - line.y > usual * 1.35) starts.push(i);
  });
  return cut(lines, starts);
}

function cut(lines: Line[], starts: number[]): Line[][] {
  const entries: Line[][] = [];
  if (starts[0] !== 0) starts = [0, ...starts];
  starts.forEach((start, i) => entries.push(lines.slice(start, starts[i + 1] ?? lines.length)));
  return entries.filter((entry) => entry.length);
}

export function splitReferenceEntries(lines: Line[]): Line[][] {
  if (!lines.length) return [];
  return byNumbers(lines) ?? byHangingIndent(lines) ?? byGaps(lines);
}
