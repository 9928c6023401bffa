// pdf-parse prints one line per visual line and no blank lines between paragraphs. Rebuild
// the blank-line separated paragraphs the rest of the parser reads: headings, captions, table
// rows and reference entries start their own paragraph; a short line that ends a sentence ends one.
import { joinLines } from "./clean-text.ts";
import { isFurnitureLine } from "./detect-furniture.ts";
import { parseAuthorLine } from "./parse-metadata.ts";

const PAGE_MARK = /^-- \d+ of \d+ --$/;
const HEADING = /^\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+\S.{0,150}$/;
const STARTS_BLOCK = /^(?:FIGURE|Figure|Fig\.|TABLE|Table)\s*\d/;
const REFERENCE_HEADING = /^(?:references|bibliography|literature cited)$/i;
const ENTRY = /^(?:[-•]\s*)?\d{1,4}(?:\.\s*|\s+)\p{L}/u;

/** Short lines printed on three or more pages: running heads and feet. */
function findRunningLines(lines: string[]): Set<string> {
  const pagesOf = new Map<string, Set<number>>();
  let page = 0;
  for (const line of lines) {
    const text = line.trim();
    if (PAGE_MARK.test(text)) page++;
    else if (text && !text.includes("\t") && text.split(/\s+/).length <= 12) {
      pagesOf.set(text, (pagesOf.get(text) ?? new Set()).add(page));
    }
  }
  return new Set([...pagesOf].filter(([, pages]) => pages.size >= 3).map(([text]) => text));
}

/** Text as pdf-parse prints it (pages separated by its "-- n of m --" marks) → paragraphs. */
export function reflowPdfText(pdfText: string): string {
  const printed = pdfText.split("\n").map((line) => line.replace(/[ \r]+$/, ""));
  // Running heads, feet and page numbers go before joining, so a sentence resumes across the page.
  const running = findRunningLines(printed);
  const lines = printed.filter((line) => !line.trim() || !(PAGE_MARK.test(line.trim()) || isFurnitureLine(line, running)));
  const lengths = lines.filter((line) => line.length > 30).map((line) => line.length).sort((a, b) => a - b);
  const typical = lengths[Math.floor(lengths.length * 0.75)] ?? 80;
  const paragraphs: string[] = [];
  let current: string[] = [];
  let inReferences = false;
  let inBody = false;
  const flush = () => {
    if (current.length) {
      const isTable = current.every((line) => line.includes("\t"));
      paragraphs.push(isTable ? current.join("\n") : joinLines(current));
    }
    current = [];
  };
  for (const line of lines) {
    const trimmed = line.trim();
    if (!trimmed) {
      flush();
      continue;
    }
    const previous = current[current.length - 1];
    const isHeading = (HEADING.test(trimmed) && !/[.,;]$/.test(trimmed) && trimmed.split(/\s+/).length <= 20) || REFERENCE_HEADING.test(trimmed);
    const isEntry = inReferences && ENTRY.test(trimmed);
    const isRow = trimmed.includes("\t");
    const previousIsRow = previous?.includes("\t") ?? false;
    const previousEnded = previous !== undefined && /[.!?:]["”’)\]]*$|[¹²³⁴⁵⁶⁷⁸⁹]$/.test(previous) && previous.length < typical * 0.85;
    // Before the first heading, an author line stands apart from the title above and the text below.
    const isAuthorLine = !inBody && parseAuthorLine(trimmed) !== null;
    if (isHeading || isEntry || isAuthorLine || STARTS_BLOCK.test(trimmed) || isRow !== previousIsRow || previousEnded) flush();
    current.push(isRow ? line : trimmed);
    if (isHeading || isAuthorLine) {
      inBody ||= isHeading;
      if (REFERENCE_HEADING.test(trimmed)) inReferences = true;
      flush();
    }
  }
  flush();
  return paragraphs.join("\n\n");
}
