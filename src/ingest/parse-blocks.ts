// Extracted text → typed blocks: headings, back-matter headings, figure and table captions,
// table rows, prose. One block per blank-line separated paragraph; no document context yet
// (parse-sections.ts decides, e.g., whether a numbered line really is the next heading).
import { cleanInline, joinLines } from "./clean-text.ts";

export type Block =
  | { kind: "heading"; number: string; title: string; raw: string }
  | { kind: "backmatter"; title: string; raw: string }
  | { kind: "figure-label"; label: string; raw: string }
  | { kind: "figure-caption"; label: string; text: string; raw: string }
  | { kind: "table-caption"; tableId: string; label: string; text: string; raw: string }
  | { kind: "table-continued"; tableId: string; raw: string }
  | { kind: "table-rows"; rows: string[][]; raw: string }
  | { kind: "text"; text: string; lines: string[]; raw: string };

/** Unnumbered headings that end the body: what follows is not the review's own prose. */
const BACK_MATTER = new Set([
  "references", "reference", "bibliography", "literature cited", "works cited", "notes and references",
  "author contributions", "authors' contributions", "author contribution", "contributions", "funding",
  "funding information", "conflict of interest", "conflicts of interest", "competing interests",
  "declaration of competing interest", "publisher's note", "publisher’s note", "data availability",
  "data availability statement", "acknowledgements", "acknowledgments", "acknowledgement", "acknowledgment",
  "supplementary material", "supplementary materials", "supplementary information", "abbreviations",
  "ethics statement", "generative ai statement", "author information", "disclosure statement", "orcid",
]);

/** Unnumbered headings common enough to trust on a line of their own. */
const PLAIN_HEADINGS = new Set([
  "abstract", "summary", "introduction", "background", "discussion", "conclusion", "conclusions",
  "concluding remarks", "outlook", "future perspectives", "future directions", "perspectives",
]);

export const REFERENCE_HEADINGS = new Set([
  "references", "reference", "bibliography", "literature cited", "works cited", "notes and references",
]);

const HEADING = /^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(\S.*)$/;
const FIGURE = /^(FIGURE|Figure|FIG\.?|Fig\.?)\s*(\d{1,2}[A-Za-z]?)\b\s*[.:|]?\s*(.*)$/s;
const TABLE = /^(TABLE|Table)\s+(\d{1,2}|[IVXL]{1,4})\b\s*[.:|]?\s*(.*)$/s;
const CONTINUED = /^\(?(?:continued|cont(?:'?d)?\.?)\)?\.?$/i;

/** Split extracted text into paragraphs at blank (or whitespace-only) lines. */
export function splitParagraphs(text: string): string[][] {
  const paragraphs: string[][] = [];
  let current: string[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") {
      if (current.length) paragraphs.push(current);
      current = [];
    } else {
      // Trailing tabs are empty table cells: keep them.
      current.push(line.replace(/[ \r]+$/, ""));
    }
  }
  if (current.length) paragraphs.push(current);
  return paragraphs;
}

function headingOf(line: string): { number: string; title: string } | null {
  const match = HEADING.exec(line);
  if (!match) return null;
  const title = match[2]!.trim();
  const words = title.split(/\s+/).length;
  if (words > 25 || !/^[\p{L}(“"']/u.test(title) || /[.,;]$/.test(title) || /\t/.test(line)) return null;
  // A heading carries no citation markers and no sentence-internal full stops.
  if (/\(\d+(?:[,–-]\s*\d+)*\)|[¹²³⁴⁵⁶⁷⁸⁹]|\. [A-Z]/.test(title)) return null;
  return { number: match[1]!, title };
}

function isTableRows(lines: string[]): boolean {
  const withTabs = lines.filter((line) => line.includes("\t")).length;
  return withTabs > 0 && withTabs >= lines.length / 2;
}

/** Classify one paragraph (its physical lines). `markdown` strips `#` heading marks first. */
export function classifyParagraph(lines: string[], markdown = false): Block {
  const raw = lines.join("\n");
  if (isTableRows(lines)) {
    const rows = lines
      .map((line) => line.split("\t").map((cell) => cleanInline(cell)))
      .filter((cells) => cells.some((cell) => cell !== ""));
    return { kind: "table-rows", rows, raw };
  }
  let joined = joinLines(lines);
  let markdownHeading = false;
  if (markdown && /^#{1,6}\s+/.test(joined)) {
    // "# Title" is the document's title; "## …" and deeper are its section headings.
    markdownHeading = !/^#\s/.test(joined);
    joined = joined.replace(/^#{1,6}\s+/, "");
  }
  const text = cleanInline(joined);
  const bare = text.replace(/[:.]$/, "").trim();
  if (lines.length === 1 || markdownHeading) {
    const lower = bare.toLowerCase();
    if (BACK_MATTER.has(lower)) return { kind: "backmatter", title: bare, raw };
    const heading = headingOf(text);
    if (heading) return { kind: "heading", ...heading, raw };
    if (PLAIN_HEADINGS.has(lower)) return { kind: "heading", number: "", title: bare, raw };
    if (markdownHeading) return { kind: "heading", number: "", title: bare, raw };
  }
  const table = TABLE.exec(text);
  if (table) {
    const tableId = table[2]!;
    const rest = table[3]!.trim();
    if (CONTINUED.test(rest)) return { kind: "table-continued", tableId, raw };
    if (rest === "" || /^[\p{Lu}(“"]/u.test(rest)) {
      return { kind: "table-caption", tableId, label: `${table[1]} ${tableId}`, text, raw };
    }
  }
  const figure = FIGURE.exec(text);
  if (figure) {
    const rest = figure[3]!.trim();
    const label = `${figure[1]} ${figure[2]}`;
    if (rest === "") return { kind: "figure-label", label, raw };
    // "Figure 3 shows …" is prose; a caption starts with a capitalised noun phrase.
    if (/^[\p{Lu}(“"]/u.test(rest) && !/^(?:shows|illustrates|depicts)\b/i.test(rest)) {
      return { kind: "figure-caption", label, text, raw };
    }
  }
  return { kind: "text", text, lines, raw };
}
