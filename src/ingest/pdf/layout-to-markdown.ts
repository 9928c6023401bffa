// Ordered lines → the markdown the document parser reads: "# title", front matter and body as
// one-line paragraphs separated by blank lines, "## heading" lines, captions as their own
// paragraphs (held back until an interrupted paragraph finishes), one paragraph per reference.
import { endsSentence as endsClause } from "../clean-text.ts";
import type { BodyFont } from "./body-font.ts";
import { isCaptionStart } from "./captions.ts";
import { lineJoinerFor } from "./hyphenation.ts";
import { headingRun, headingText, isReferenceHeading, runInHeading } from "./headings.ts";
import { type Line, makeLine } from "./reading-order.ts";
import { splitReferenceEntries } from "./reference-entries.ts";
import { tableLength, tableText } from "./tables.ts";

export interface LayoutInput {
  lines: Line[];
  body: BodyFont;
  /** Lines of the title on page 1 (left out of the flow; written first as "# title"). */
  titleLines: Set<Line>;
  title?: string;
}

type Mode = "text" | "caption" | "references";

/** A sentence ends with . ! or ? (citation marks after it aside); a colon or semicolon goes on. */
const endsSentence = (text: string) => endsClause(text) && !/[:;]\s*$/.test(text);

/** Right edge of each page's columns, to tell a short (paragraph-ending) line from a full one. */
function columnRights(lines: Line[]): Map<string, number> {
  const rights = new Map<string, number>();
  for (const line of lines) {
    if (line.fullWidth) continue;
    const key = `${line.page}:${line.column}`;
    rights.set(key, Math.max(rights.get(key) ?? 0, line.right));
  }
  return rights;
}

/** Does `next` start a new paragraph after `previous` (both ordinary text lines)? */
function startsParagraph(previous: Line, next: Line, body: BodyFont, rights: Map<string, number>): boolean {
  const ended = endsSentence(previous.text);
  // Below on the same page, in the same column or across a full-width line: gaps and indents count.
  const below = previous.page === next.page && previous.y > next.y;
  const samePlace = below && ((previous.column === next.column && previous.fullWidth === next.fullWidth) || previous.fullWidth || next.fullWidth);
  if (!samePlace) {
    // A column or page break: the paragraph goes on unless the sentence ended or the type changed.
    return ended || Math.abs(previous.size - next.size) > 0.12 * previous.size;
  }
  const size = Math.max(previous.size, next.size);
  const leading = Math.abs(previous.size - body.size) < 0.5 ? body.leading : 1.2 * previous.size;
  if (previous.y - next.y > Math.max(1.45 * leading, 1.9 * size)) return true;
  if (Math.abs(previous.size - next.size) > 0.12 * size) return true;
  if (previous.column !== next.column || previous.fullWidth !== next.fullWidth) return previous.font !== next.font || ended;
  const indent = next.x - previous.x;
  if (indent > 0.6 * next.size && indent < 6 * next.size && !next.fullWidth) return true;
  if (previous.fullWidth || /[-‐]$/.test(previous.text)) return false;
  // A line is broken early on purpose (paragraph end, title, heading, author line, list item)
  // when the next line's first word would have fitted after it; justified or ragged alike.
  const right = rights.get(`${previous.page}:${previous.column}`) ?? previous.right;
  const first = next.items[0]!;
  const word = first.str.trimStart().split(/\s/)[0] ?? "";
  const wordWidth = (first.width * word.length) / Math.max(1, first.str.trimStart().length);
  return previous.right + 0.25 * previous.size + wordWidth < right - 1 || (ended && previous.right < right - 2 * previous.size);
}

export function layoutToMarkdown({ lines: all, body, titleLines, title }: LayoutInput): string {
  const lines = all.filter((line) => !titleLines.has(line));
  const joinLines = lineJoinerFor(all.map((line) => line.text));
  const rights = columnRights(lines);
  const out: string[] = [];
  if (title) out.push(`# ${title}`);
  let mode: Mode = "text";
  let current: Line[] = [];
  let references: Line[] = [];
  let caption: Line[] = [];
  const heldCaptions: string[] = [];
  let aside: Line[] = [];

  const flushCaption = () => {
    if (caption.length) heldCaptions.push(joinLines(caption.map((line) => line.text)));
    caption = [];
  };
  const flushParagraph = () => {
    if (current.length) out.push(joinLines(current.map((line) => line.text)));
    current = [];
    if (aside.length) out.push(joinLines(aside.map((line) => line.text)));
    aside = [];
    out.push(...heldCaptions.splice(0));
  };
  const flushReferences = () => {
    for (const entry of splitReferenceEntries(references)) out.push(joinLines(entry.map((line) => line.text)));
    references = [];
  };
  const previousBodyLine = () => current[current.length - 1];

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // Lone symbols (bullets, list marks, a stray "■" or "✉") carry no text.
    if (!/[\p{L}\p{N}]/u.test(line.text)) continue;
    const previous = i > 0 ? lines[i - 1]! : undefined;
    const open = previousBodyLine();
    const atBreak = !previous || mode !== "text" || !open || startsParagraph(open, line, body, rights) || endsSentence(open.text);
    // Other type while a sentence is still open (figure labels, a footnote, the end of a legend
    // between a paragraph and its continuation in the next column) waits like a float. Larger type
    // only in another column (the continuation is set like the line it continues): a heading
    // under an unfinished line stays a heading.
    const unfinished = mode === "text" && open && !caption.length && !endsSentence(open.text);
    const elsewhere = open && (line.page !== open.page || line.column !== open.column);
    const otherType = open && (line.size < open.size * 0.88 || (elsewhere && Math.abs(line.size - open.size) > 0.05 * open.size));
    if (unfinished && otherType && !isReferenceHeading(line.text)) {
      // Only when the sentence does resume: the next line in the paragraph's type starts in lower case.
      let next = i;
      const sameType = (other: Line) => Math.abs(other.size - open.size) <= 0.05 * open.size;
      while (next < lines.length && next - i < 80 && !sameType(lines[next]!)) next++;
      if (next < lines.length && sameType(lines[next]!) && /^[\p{Ll}\d(]/u.test(lines[next]!.text)) {
        aside.push(...lines.slice(i, next));
        i = next - 1;
        continue;
      }
    }
    const runIn = atBreak && mode !== "references" ? runInHeading(lines, i, body) : null;
    if (runIn) {
      flushCaption();
      flushParagraph();
      out.push(`## ${runIn.heading}`);
      mode = "text";
      const host = lines[i + runIn.fullLines]!;
      lines[i + runIn.fullLines] = makeLine(host.page, runIn.rest, host.y, host.size, host.column, host.fullWidth);
      i += runIn.fullLines - 1;
      continue;
    }
    const run = atBreak ? headingRun(lines, i, body) : 0;
    if (run) {
      flushCaption();
      if (mode === "references") flushReferences();
      flushParagraph();
      const heading = joinLines(lines.slice(i, i + run).map((l) => headingText(l.text)));
      out.push(`## ${heading}`);
      mode = isReferenceHeading(heading) ? "references" : "text";
      i += run - 1;
      continue;
    }
    const table = mode !== "references" && (!open || atBreak || line.page !== open.page || line.column !== open.column) ? tableLength(lines, i) : 0;
    if (table) {
      // A table is a float like a caption: it waits for an interrupted paragraph to finish.
      flushCaption();
      if (mode === "caption") mode = "text";
      heldCaptions.push(tableText(lines.slice(i, i + table)));
      if (!current.length) out.push(...heldCaptions.splice(0));
      i += table - 1;
      continue;
    }
    if (isCaptionStart(line.text) && (!previous || previous.y - line.y > 0.9 * line.size || previous.page !== line.page || previous.column !== line.column)) {
      flushCaption();
      caption = [line];
      if (mode === "text" && open && endsSentence(open.text)) flushParagraph();
      if (mode !== "references") mode = "caption";
      continue;
    }
    if (caption.length) {
      const last = caption[caption.length - 1]!;
      const continues = last.page === line.page && Math.abs(last.size - line.size) < 0.3 && last.y - line.y < 1.6 * last.size && last.y > line.y;
      if (continues) {
        caption.push(line);
        continue;
      }
      flushCaption();
      if (mode === "caption") mode = "text";
      if (mode === "text" && !current.length) out.push(...heldCaptions.splice(0));
    }
    if (mode === "references") {
      // A list is set in one size: text in another size after it (back matter, a new part) ends it.
      const listSize = references[0]?.size ?? line.size;
      if (Math.abs(line.size - listSize) <= 0.05 * listSize) {
        references.push(line);
        continue;
      }
      flushReferences();
      mode = "text";
    }
    if (open && startsParagraph(open, line, body, rights)) flushParagraph();
    current.push(line);
  }
  flushCaption();
  if (mode === "references") flushReferences();
  flushParagraph();
  return out.filter((paragraph) => paragraph.trim()).join("\n\n") + "\n";
}
