import { describe, expect, it } from "vitest";
import type { Row } from "./group-lines.ts";
import { findGutters, orderPage } from "./reading-order.ts";
import type { TextItem } from "./text-item.ts";

const SIZE = 8;

function item(str: string, x: number, right: number, y: number): TextItem {
  return { str, x, y, size: SIZE, width: right - x, font: "f1" };
}

/**
 * A two-column page: justified prose on the left (x 40–295); on the right a numbered list whose
 * numbers stand in their own narrow strip (x 306–313) and whose text starts at x 323 on every line.
 */
function prosePlusNumberedList(): Row[] {
  const rows: Row[] = [];
  let y = 740;
  let entry = 1;
  for (let line = 0; line < 60; line++, y -= 10.7) {
    const items = [item(`prose line ${line} of the methods section set justified across the left column`, 40, 295, y)];
    const place = line % 4; // each entry: a numbered first line, two full lines, a short last line
    if (place === 0) items.push(item(`${entry}.`, 306, 313, y), item(`Author${entry}, A. B. & Other, C. D. A study of things.`, 323, 560, y));
    else if (place === 3) items.push(item(`Journal ${entry}, ${entry}–${entry + 9} (2020).`, 323, 400, y));
    else items.push(item(`continued title words of entry ${entry} running the full measure of the column`, 323, 558, y));
    if (place === 3) entry++;
    rows.push({ items, y, size: SIZE });
  }
  return rows;
}

describe("findGutters and orderPage", () => {
  it("reads a list's hanging numbers with the column they number, not as a column of their own", () => {
    const rows = prosePlusNumberedList();
    const gutters = findGutters(rows, 595, SIZE);
    expect(gutters).toHaveLength(1);
    const lines = orderPage(1, rows, gutters);
    expect(new Set(lines.map((line) => line.column))).toEqual(new Set([0, 1]));
    expect(lines.some((line) => line.fullWidth)).toBe(false);
    const firstEntry = lines.find((line) => line.text.startsWith("1."))!;
    expect(firstEntry.text).toBe("1. Author1, A. B. & Other, C. D. A study of things.");
    expect(firstEntry.column).toBe(1);
    // Column by column: every prose line comes before the list.
    const firstListLine = lines.indexOf(firstEntry);
    expect(lines.slice(0, firstListLine).every((line) => line.text.startsWith("prose"))).toBe(true);
  });

  it("reads numbered first lines that start inside the gutter with the list's column", () => {
    // Word by word, as pdf.js reports some PDFs: the numbers ("5." at x 314) sit inside the gutter
    // that the list's other lines (x 323) and the prose (ending by x 291) leave empty.
    const rows: Row[] = [];
    let entry = 1;
    for (let line = 0; line < 24; line++) {
      const y = 740 - 10 * line;
      const items = [item("prose", 48, 80, y), item("words", 84, 200, y), item("ending", 204, 291, y)];
      const place = line % 12; // two long entries: too few numbers to narrow the gutter
      if (place === 0) items.push(item(`${entry}.`, 313.7, 320.4, y), item(`Author${entry},A.`, 322.6, 360, y), item("and Other,B. (2020) A study.", 363, 560, y));
      else items.push(item("continued", 322.6, 360, y), item(place === 11 ? `Journal, ${entry}, 1-9.` : "title words of the entry in full", 363, place === 11 ? 420 : 558, y));
      if (place === 11) entry++;
      rows.push({ items, y, size: SIZE });
    }
    // The gutter as found on such a page when the list is set smaller than the body: from the
    // prose's right edge to the list's text edge, the numbers inside it.
    const lines = orderPage(1, rows, [{ start: 294, end: 320 }]);
    expect(lines.some((line) => line.fullWidth)).toBe(false);
    const numbered = lines.filter((line) => /^\d+\. Author/.test(line.text));
    expect(numbered.map((line) => line.column)).toEqual([1, 1]);
    expect(numbered[0]!.text).toBe("1. Author1,A. and Other,B. (2020) A study.");
    expect(lines.slice(0, 24).every((line) => line.text.startsWith("prose"))).toBe(true);
  });

  it("still finds two gutters on a three-column page", () => {
    const rows: Row[] = [];
    for (let line = 0; line < 30; line++) {
      const y = 740 - 10.7 * line;
      rows.push({ items: [item("first column words set close", 40, 200, y), item("second column words set close", 215, 375, y), item("third column words set close", 390, 550, y)], y, size: SIZE });
    }
    expect(findGutters(rows, 595, SIZE)).toHaveLength(2);
  });
});
