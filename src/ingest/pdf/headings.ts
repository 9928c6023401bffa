// Section headings from typography: a short run of lines set apart from the body text by font
// (bold, small caps, another family) or by a larger size, starting with a capital or a section
// number. Back-matter headings ("References", "Acknowledgements") are recognised by name too,
// because journals often set them in the body font.
import { REFERENCE_HEADINGS } from "../parse-blocks.ts";
import type { BodyFont } from "./body-font.ts";
import { isCaptionStart } from "./captions.ts";
import type { Line } from "./reading-order.ts";

/** Headings longer than this are unlikely (longest printed ones run to two lines). */
const MAX_WORDS = 20;

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

export function isReferenceHeading(text: string): boolean {
  return REFERENCE_HEADINGS.has(text.replace(/^\d{1,2}\.?\s+/, "").replace(/[:.]$/, "").trim().toLowerCase());
}

/** Could this line belong to a heading, judged by its own typography and wording? */
export function isHeadingLine(line: Line, body: BodyFont): boolean {
  const text = line.text;
  if (isReferenceHeading(text)) return true;
  const distinct = line.font !== body.font || line.size > body.size * 1.12;
  if (!distinct || line.size < body.size * 0.95) return false;
  if (words(text) > MAX_WORDS || !/^[\p{Lu}\d]/u.test(text) || isCaptionStart(text)) return false;
  // A heading carries no citations, does not end mid-sentence, and is mostly letters.
  if (/[,;]$/.test(text) || /\[\d/.test(text)) return false;
  if ((text.match(/\p{L}/gu) ?? []).length < text.replace(/\s/g, "").length * 0.6) return false;
  return !/\.$/.test(text) || words(text) <= 8;
}

/** Lines (from `start`) that form one heading: same font and size, close together, at most three. */
export function headingRun(lines: Line[], start: number, body: BodyFont): number {
  const first = lines[start]!;
  if (!isHeadingLine(first, body)) return 0;
  if (isReferenceHeading(first.text)) return 1;
  let end = start + 1;
  while (end < lines.length && end - start < 3) {
    const [previous, next] = [lines[end - 1]!, lines[end]!];
    const together =
      next.page === previous.page && next.column === previous.column && next.font === first.font &&
      Math.abs(next.size - first.size) < 0.3 && previous.y - next.y < 1.8 * first.size && isHeadingLine(next, body);
    if (!together) break;
    end++;
  }
  const text = lines.slice(start, end).map((line) => line.text).join(" ");
  if (words(text) > MAX_WORDS) return 0;
  // The heading's font must change after it: a body-size line in another font that runs on
  // into more lines of that font is emphasised prose (or a run-in heading), not a heading.
  const after = lines[end];
  if (after && after.font === first.font && Math.abs(after.size - first.size) < 0.3 && after.page === first.page) return 0;
  return end - start;
}
