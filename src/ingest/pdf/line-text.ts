// A line's items → its text: spaces from the gaps between items (pdf.js often omits them, and
// splits justified lines into words), superscripts and subscripts in Unicode.
import { fixMathFontGlyphs } from "./normalize-glyphs.ts";
import { toSubscript, toSuperscript } from "./script-characters.ts";
import type { TextItem } from "./text-item.ts";

/** A gap wider than this share of the font size is a word space. */
const SPACE_GAP = 0.17;

function itemText(item: TextItem): string {
  if (item.script === "sup") return toSuperscript(item.str.trim());
  if (item.script === "sub") return toSubscript(item.str.trim());
  return item.str;
}

export function lineText(items: TextItem[]): string {
  let out = "";
  let previous: TextItem | null = null;
  for (const item of items) {
    const text = itemText(item);
    if (previous) {
      const gap = item.x - (previous.x + previous.width);
      const size = Math.min(previous.script ? item.size : previous.size, item.script ? previous.size : item.size);
      // A script run is joined to what it is attached to unless a clear space separates them.
      const threshold = previous.script || item.script ? 0.3 * size : SPACE_GAP * size;
      if (gap > threshold && !/\s$/.test(out) && !/^\s/.test(text)) out += " ";
    }
    out += text;
    previous = item;
  }
  return fixMathFontGlyphs(out.replace(/\s+/g, " ").trim());
}
