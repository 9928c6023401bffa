// Section headings from typography: a short run of lines set apart from the body text by font
// (bold, small caps, another family) or by a larger size, starting with a capital or a section
// number. Back-matter headings ("References", "Acknowledgements") are recognised by name too,
// because journals often set them in the body font.
import { REFERENCE_HEADINGS } from "../parse-blocks.ts";
import { type BodyFont, isBodyFont } from "./body-font.ts";
import { parseAuthorLine } from "../parse-metadata.ts";
import type { TextItem } from "./text-item.ts";
import { isCaptionStart } from "./captions.ts";
import { lineText } from "./line-text.ts";
import type { Line } from "./reading-order.ts";

/** Headings longer than this are unlikely (longest printed ones run to two lines). */
const MAX_WORDS = 20;

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

export function isReferenceHeading(text: string): boolean {
  return REFERENCE_HEADINGS.has(text.replace(/^\d{1,2}\.?\s+/, "").replace(/[:.]$/, "").trim().toLowerCase());
}

/** Could this line belong to a heading, judged by its own typography and wording? */
export function isHeadingLine(line: Line, body: BodyFont): boolean {
  const text = headingText(line.text);
  if (isReferenceHeading(text)) return true;
  const distinct = !isBodyFont(body, line.page, line.font) || line.size > body.size * 1.12;
  if (!distinct || line.size < body.size * 0.95) return false;
  if (words(text) > MAX_WORDS || !/^[\p{Lu}\d]/u.test(text) || isCaptionStart(text)) return false;
  // A heading carries no citations, does not end mid-sentence, and is mostly letters.
  if (/[,;]$/.test(text) || /\[\d/.test(text)) return false;
  // Mostly letters, and more than a figure's panel letter ("A", "B").
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  if (letters < 3 || letters < text.replace(/\s/g, "").length * 0.6) return false;
  if (parseAuthorLine(text.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹ᵃᵇᶜᵈᵉ*†‡✉]/gu, "")) !== null) return false;
  return !/\.$/.test(text) || words(text) <= 8;
}

/** A heading as printed, without the bullet glyphs some journals put before it ("■ INTRODUCTION"). */
export function headingText(text: string): string {
  return text.replace(/^[■□▪▫●○◆◇►▶•·]\s*/u, "");
}

/**
 * A run-in heading: a paragraph that opens with a few words in another font than the page's body
 * font, ending in a full stop, then goes on in the body font ("Cell Culture. Cells were …"). The
 * words may wrap over up to three lines. Returns the heading, how many lines it fills entirely,
 * and the items of the line where the body text starts.
 */
export function runInHeading(lines: Line[], start: number, body: BodyFont): { heading: string; fullLines: number; rest: TextItem[] } | null {
  const opening = lines[start]!;
  const font = opening.items[0]?.font;
  if (!font || isBodyFont(body, opening.page, font) || Math.abs(opening.size - body.size) > 0.12 * body.size) return null;
  const texts: string[] = [];
  const finish = (fullLines: number, rest: TextItem[]) => {
    const heading = headingText(texts.join("\n").replace(/-\n/g, "").replace(/\n/g, " "));
    const count = words(heading);
    // Ends in a full stop: "Received:" or "ABSTRACT:" are labels, not headings.
    if (!/\.$/.test(heading) || !/^[\p{Lu}\d]/u.test(heading) || count < 1 || count > 15 || isCaptionStart(heading)) return null;
    if (rest.length && !/^[\p{Lu}\d(]/u.test(rest[0]!.str.trim())) return null;
    return { heading: heading.replace(/\.$/, ""), fullLines, rest };
  };
  for (let j = start; j < Math.min(lines.length, start + 3); j++) {
    const line = lines[j]!;
    if (j > start && (line.page !== opening.page || Math.abs(line.size - opening.size) > 0.3)) return null;
    // The heading is the opening run of items in the heading's font (scripts aside).
    const end = line.items.findIndex((item) => !item.script && item.font !== font && /\S/.test(item.str));
    if (end === 0) return j === start ? null : finish(j - start, line.items);
    const head = lineText(end < 0 ? line.items : line.items.slice(0, end));
    // "METHODS" over "DNA Constructs. …": a change of case is another heading, not a wrapped one.
    if (j > start && (head === head.toUpperCase()) !== (texts[0] === texts[0]!.toUpperCase())) return null;
    texts.push(head);
    if (end > 0) return finish(j - start, line.items.slice(end));
  }
  return null;
}

/** Lines (from `start`) that form one heading: same font and size, close together, at most three. */
export function headingRun(lines: Line[], start: number, body: BodyFont): number {
  const first = lines[start]!;
  if (!isHeadingLine(first, body)) return 0;
  if (isReferenceHeading(first.text)) return 1;
  let end = start + 1;
  while (end < lines.length && end - start < 3) {
    const [previous, next] = [lines[end - 1]!, lines[end]!];
    // A change of case ("METHODS" over "DNA Constructs. …") starts another heading.
    const upper = (text: string) => text === text.toUpperCase();
    const together =
      upper(previous.text) === upper(next.text) && next.page === previous.page && next.column === previous.column && next.font === first.font &&
      Math.abs(next.size - first.size) < 0.3 && previous.y - next.y < 1.8 * first.size && isHeadingLine(next, body);
    if (!together) break;
    end++;
  }
  const text = lines.slice(start, end).map((line) => headingText(line.text)).join(" ");
  if (words(text) > MAX_WORDS) return 0;
  // The heading's font must change after it: a body-size line in another font that runs on
  // into more lines of that font is emphasised prose (or a run-in heading), not a heading.
  const after = lines[end];
  if (after && after.font === first.font && Math.abs(after.size - first.size) < 0.3 && after.page === first.page && !isReferenceHeading(text)) return 0;
  return end - start;
}
