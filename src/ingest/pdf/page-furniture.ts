// Page furniture removed by position and repetition, never by wording: running heads and feet
// (text in the top or bottom band that recurs on other pages once digits are ignored), page
// numbers in those bands, line numbers down a margin (preprints, manuscripts), and text lying
// wholly outside the text box the body occupies (margin stamps).
import type { Row } from "./group-lines.ts";
import type { TextItem } from "./text-item.ts";

export interface PageRows {
  number: number;
  width: number;
  height: number;
  rows: Row[];
}

/** Share of the page height, at top and at bottom, where running heads and feet live. */
const BAND = 0.1;
const PAGE_NUMBER = /^(?:page\s*)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i;

/** Pieces of a row separated by gaps wider than two ems (left head, centred title, right page number). */
function pieces(row: Row): TextItem[][] {
  const out: TextItem[][] = [];
  let current: TextItem[] = [];
  for (const item of row.items) {
    const last = current[current.length - 1];
    if (last && item.x - (last.x + last.width) > 2 * row.size) {
      out.push(current);
      current = [];
    }
    current.push(item);
  }
  if (current.length) out.push(current);
  return out;
}

const signature = (items: TextItem[]) =>
  items.map((item) => item.str).join(" ").toLowerCase().replace(/\d+/g, "#").replace(/\s+/g, " ").trim();

export function inBand(row: Row, page: PageRows): boolean {
  return row.y > page.height * (1 - BAND) || row.y < page.height * BAND;
}

/** Numbers (1–4 digits) heading or ending many rows of a page at one x: manuscript line numbers. */
function removeLineNumbers(page: PageRows): void {
  for (const side of ["first", "last"] as const) {
    const candidates: { row: Row; item: TextItem }[] = [];
    for (const row of page.rows) {
      const item = side === "first" ? row.items[0] : row.items[row.items.length - 1];
      if (!item || !/^\d{1,4}$/.test(item.str.trim())) continue;
      const neighbour = side === "first" ? row.items[1] : row.items[row.items.length - 2];
      const gap = !neighbour ? Infinity : side === "first" ? neighbour.x - (item.x + item.width) : item.x - (neighbour.x + neighbour.width);
      if (gap > 0.8 * row.size) candidates.push({ row, item });
    }
    // Line numbers share an edge: left or right aligned, whichever lines up more of them.
    let best: { row: Row; item: TextItem }[] | undefined;
    for (const edge of [(item: TextItem) => item.x, (item: TextItem) => item.x + item.width]) {
      const byEdge = new Map<number, { row: Row; item: TextItem }[]>();
      for (const candidate of candidates) {
        const at = Math.round(edge(candidate.item));
        for (const key of [at - 1, at, at + 1]) byEdge.set(key, [...(byEdge.get(key) ?? []), candidate]);
      }
      const group = [...byEdge.values()].sort((a, b) => b.length - a.length)[0];
      if (group && group.length > (best?.length ?? 0)) best = group;
    }
    if (!best || best.length < 8) continue;
    // Line numbers stand in the margin, outside nearly all other rows' text (a table's numbered
    // first column does not; a running head may reach into the margin).
    const numbers = new Set(best.map(({ item }) => item));
    const rest = page.rows.map((row) => row.items.filter((item) => !numbers.has(item))).filter((items) => items.length);
    const edge = side === "first" ? Math.max(...best.map(({ item }) => item.x + item.width)) : Math.min(...best.map(({ item }) => item.x));
    const inside = rest.filter((items) => (side === "first" ? items[0]!.x < edge : items[items.length - 1]!.x + items[items.length - 1]!.width > edge));
    const inMargin = inside.length <= 0.1 * rest.length;
    if (!inMargin) continue;
    for (const { row, item } of best) {
      const at = row.items.indexOf(item);
      if (at >= 0) row.items.splice(at, 1);
    }
  }
  page.rows = page.rows.filter((row) => row.items.length);
}

/** Left and right edge of the text on most pages (2nd and 98th percentile of row edges). */
function textBox(pages: PageRows[]): { left: number; right: number } | null {
  const lefts: number[] = [];
  const rights: number[] = [];
  for (const page of pages) {
    for (const row of page.rows) {
      if (row.items.reduce((n, item) => n + item.str.length, 0) < 10) continue;
      lefts.push(row.items[0]!.x);
      const last = row.items[row.items.length - 1]!;
      rights.push(last.x + last.width);
    }
  }
  if (lefts.length < 20) return null;
  lefts.sort((a, b) => a - b);
  rights.sort((a, b) => a - b);
  return { left: lefts[Math.floor(lefts.length * 0.02)]!, right: rights[Math.floor(rights.length * 0.98)]! };
}

/**
 * A lone number as a page's first or last row that counts up with the pages (printed number =
 * page index + a fixed offset on at least two pages): a page number wherever the layout puts it.
 */
function removeCountingPageNumbers(pages: PageRows[]): void {
  const offsets = new Map<number, { page: PageRows; row: Row }[]>();
  pages.forEach((page, index) => {
    for (const row of [page.rows[0], page.rows[page.rows.length - 1]]) {
      const text = row?.items.map((item) => item.str).join("").trim() ?? "";
      if (!row || !/^\d{1,4}$/.test(text)) continue;
      const offset = Number(text) - index;
      offsets.set(offset, [...(offsets.get(offset) ?? []), { page, row }]);
    }
  });
  for (const found of offsets.values()) {
    if (found.length < Math.max(2, pages.length * 0.5)) continue;
    for (const { page, row } of found) page.rows = page.rows.filter((other) => other !== row);
  }
}

/** Remove furniture from every page's rows (in place). */
export function removeFurniture(pages: PageRows[]): void {
  for (const page of pages) removeLineNumbers(page);
  removeCountingPageNumbers(pages);
  const box = textBox(pages);
  const pagesOf = new Map<string, Set<number>>();
  for (const page of pages) {
    for (const row of page.rows) {
      if (!inBand(row, page)) continue;
      for (const piece of pieces(row)) {
        const key = signature(piece);
        pagesOf.set(key, (pagesOf.get(key) ?? new Set()).add(page.number));
      }
    }
  }
  // Three pages suffice (odd and even pages, and a journal's back-matter pages, print different heads).
  const repeatsOn = Math.max(2, Math.min(3, Math.ceil(pages.length * 0.25)));
  for (const page of pages) {
    for (const row of page.rows) {
      if (box) {
        const margin = row.size;
        row.items = row.items.filter((item) => item.x + item.width > box.left - margin && item.x < box.right + margin);
      }
      if (!inBand(row, page)) continue;
      const kept = pieces(row).filter((piece) => {
        const key = signature(piece);
        return !PAGE_NUMBER.test(key.replace(/#/g, "1")) && (pagesOf.get(key)?.size ?? 0) < repeatsOn;
      });
      row.items = kept.flat();
    }
    page.rows = page.rows.filter((row) => row.items.length);
  }
}
