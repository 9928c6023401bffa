// Extracted text → typed blocks: headings, back-matter headings, figure and table captions,
// table rows, prose. One block per blank-line separated paragraph; no document context yet
// (parse-sections.ts decides, e.g., whether a numbered line really is the next heading).
import { cleanInline, countWords, joinLines } from "./clean-text.ts";
import { PANEL_LABEL } from "./detect-furniture.ts";
import { parseAuthorLine } from "./parse-metadata.ts";

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
  "references and notes", "reference list", "references cited", "cited literature",
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
  // The IMRaD sections of research articles (ICMJE recommendations; ACS, Elsevier, PLOS, Cell templates).
  "methods", "materials and methods", "methods and materials", "results", "results and discussion",
  "experimental section", "experimental procedures", "limitations",
]);

/** Headings with which papers open their content: an abstract or the first IMRaD section printed. */
export function isStandardOpening(title: string): boolean {
  return /^(?:abstract|summary|introduction|background|results|methods|materials and methods)$/i.test(
    title.replace(ORNAMENT, "").trim(),
  );
}

/** "IV. RESULTS": the roman-numbered capitalised section headings of IEEE and other engineering styles. */
const ROMAN_HEADING = /^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})\.\s+\p{Lu}[\p{Lu}\d ,:;&/()'’-]*$/u;

/** A roman-numbered heading, not an all-caps name ("V. KUMAR", "J. A. SMITH AND K. LEE"). */
function isRomanHeading(text: string): boolean {
  if (!ROMAN_HEADING.test(text) || countWords(text) > 12) return false;
  const title = text.replace(/^[IVX]+\.\s+/, "");
  if (/\b\p{Lu}\.(?:\s|$)/u.test(title)) return false;
  const lower = title.normalize("NFKC").toLowerCase();
  return countWords(title) >= 2 || PLAIN_HEADINGS.has(lower) || BACK_MATTER.has(lower);
}

/** Ornaments some publishers print before a heading ("■ INTRODUCTION"). */
const ORNAMENT = /^[■▪●◆◼□]\s*/u;

export const REFERENCE_HEADINGS = new Set([
  "references", "reference", "bibliography", "literature cited", "works cited", "notes and references",
  "references and notes", "reference list", "references cited", "cited literature",
]);

const HEADING = /^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(\S.*)$/;
const FIGURE = /^(FIGURE|Figure|FIG\.?|Fig\.?)\s*(\d{1,2}[A-Za-z]?)\b\s*[.:|]?\s*(.*)$/s;
const TABLE = /^(TABLE|Table)\s+(\d{1,2}|[IVXL]{1,4})\b\s*[.:|]?\s*(.*)$/s;
/** "- 2.1 Heading": list bullets that PDF-to-Markdown converters put before numbered headings. */
const BULLET = /^[-*•]\s+(?=\d)/;
const CONTINUED = /^\(?(?:continued|cont(?:'?d)?\.?)\)?\.?$/i;

/**
 * Split extracted text into paragraphs at blank (or whitespace-only) lines. A bulleted numbered
 * heading ("- 4.4 fNIRS-BCI paradigms", as PDF-to-Markdown converters write headings) is a
 * paragraph of its own even when the converter left no blank line around it.
 */
export function splitParagraphs(text: string): string[][] {
  const paragraphs: string[][] = [];
  let current: string[] = [];
  const close = () => {
    if (current.length) paragraphs.push(setextToAtx(current));
    current = [];
  };
  for (const line of text.split("\n")) {
    if (UNDERLINE.test(line) && current.length === 1) {
      current.push(line.trim());
      close();
    } else if (line.trim() === "" || RULE.test(line) || UNDERLINE.test(line)) {
      close();
    } else if (BULLET.test(line) && headingOf(cleanInline(line.replace(BULLET, "")))) {
      close();
      paragraphs.push([line.replace(/[ \r]+$/, "")]);
    } else {
      // Trailing tabs are empty table cells: keep them.
      current.push(line.replace(/[ \r]+$/, ""));
    }
  }
  close();
  return paragraphs;
}

/** A horizontal rule ("---", "***", "___" alone on a line): a separator, never content. */
const RULE = /^\s{0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
/** A Setext underline: "=====" makes the line above a title, "-----" a section heading. */
const UNDERLINE = /^\s{0,3}(?:={3,}|-{3,})[ \t]*$/;

/** "Introduction\n------------" → "## Introduction" (and "=====" → "# "), as Markdown reads them. */
function setextToAtx(lines: string[]): string[] {
  if (lines.length !== 2 || !UNDERLINE.test(lines[1]!)) return lines;
  return [`${lines[1]!.trim().startsWith("=") ? "#" : "##"} ${lines[0]!.trim()}`];
}

/**
 * Does a text mark its headings the Markdown way ("## Methods", a "# Title" first line, or a Setext
 * underline)? A .txt written like that is read as Markdown; plain text does not start lines with "#".
 */
export function usesMarkdownHeadings(text: string): boolean {
  return (text.match(/^#{1,6}[ \t]+\S/gm) ?? []).length >= 2 || /^\s*#[ \t]+\S/.test(text) || /(?:^|\n\n)[^\n]*\S[^\n]*\n\s{0,3}(?:={3,}|-{3,})[ \t]*$/m.test(text);
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

/**
 * A numbered heading that runs into the first line of its paragraph ("4.6.1.1 Slow, non-fine MI
 * Slow movements usually involve"), as converters print run-in headings: the heading ends before
 * the first capitalised word that opens a sentence (a plain capitalised word, not an acronym).
 * Callers use it only where the line is known to continue into the next paragraph.
 */
export function splitRunInHeading(text: string): { number: string; title: string; rest: string } | null {
  const match = HEADING.exec(text.replace(BULLET, ""));
  if (!match) return null;
  const words = match[2]!.trim().split(/\s+/);
  for (let i = 1; i + 3 <= words.length; i++) {
    if (!/^\p{Lu}\p{Ll}*[,;]?$/u.test(words[i]!) || /[:,;]$/.test(words[i - 1]!)) continue;
    const heading = headingOf(`${match[1]} ${words.slice(0, i).join(" ")}`);
    if (!heading) return null;
    return { ...heading, rest: words.slice(i).join(" ") };
  }
  return null;
}

function isTableRows(lines: string[]): boolean {
  const withTabs = lines.filter((line) => line.includes("\t")).length;
  return withTabs > 0 && withTabs >= lines.length / 2;
}

/** A Markdown (GFM) pipe table: every line a "|cell|cell|" row. */
const PIPE_ROW = /^\s*\|.*\|\s*$/;
const PIPE_SEPARATOR = /^\s*\|(?:\s*:?-{3,}:?\s*\|)+\s*$/;

function pipeRows(lines: string[]): string[][] {
  return lines
    .filter((line) => !PIPE_SEPARATOR.test(line))
    .map((line) =>
      line
        .trim()
        .replace(/^\||\|$/g, "")
        .split("|")
        .map((cell) => cleanInline(cell.replace(/<br\s*\/?>/gi, " "))),
    )
    .filter((cells) => cells.some((cell) => cell !== ""));
}


/** Is a Markdown heading's text really a heading? Formulas and lone symbols set as headings are not. */
function hasHeadingWords(text: string): boolean {
  return (text.match(/\p{L}{2,}/gu) ?? []).length >= 1 && !/[=≈<>±]/.test(text);
}

/** Classify one paragraph (its physical lines). `markdown` strips `#` heading marks first. */
export function classifyParagraph(lines: string[], markdown = false): Block {
  const raw = lines.join("\n");
  if (markdown && lines.every((line) => PIPE_ROW.test(line))) return { kind: "table-rows", rows: pipeRows(lines), raw };
  if (isTableRows(lines)) {
    const rows = lines
      .map((line) => line.split("\t").map((cell) => cleanInline(cell)))
      .filter((cells) => cells.some((cell) => cell !== ""));
    return { kind: "table-rows", rows, raw };
  }
  let joined = joinLines(lines);
  let markdownHeading = false;
  if (markdown && /^#{1,6}\s+/.test(joined)) {
    // "# Title" is the document's title; "## …" and deeper are its section headings, except what
    // PDF-to-Markdown converters also set as headings: publisher side-panel labels, author lines,
    // table and figure captions, formulas.
    markdownHeading = !/^#\s/.test(joined);
    joined = joined.replace(/^#{1,6}\s+/, "");
    const inner = cleanInline(joined);
    if (
      PANEL_LABEL.test(inner) ||
      parseAuthorLine(inner) !== null ||
      TABLE.test(inner) ||
      FIGURE.test(inner) ||
      !hasHeadingWords(inner)
    ) {
      markdownHeading = false;
    }
  }
  if (lines.length === 1 && BULLET.test(joined) && headingOf(cleanInline(joined.replace(BULLET, "")))) {
    joined = joined.replace(BULLET, "");
  }
  const text = cleanInline(joined);
  const bare = text.replace(/[:.]$/, "").trim();
  if (lines.length === 1 || markdownHeading) {
    // Ligatures ("Conﬂict of interest") fold so the word lists below match.
    const plain = bare.replace(ORNAMENT, "");
    const lower = plain.normalize("NFKC").toLowerCase();
    if (BACK_MATTER.has(lower)) return { kind: "backmatter", title: plain, raw };
    const heading = headingOf(text);
    if (heading) return { kind: "heading", ...heading, raw };
    if (PLAIN_HEADINGS.has(lower)) return { kind: "heading", number: "", title: plain, raw };
    // Kept as printed: the numeral is part of how the paper names the section.
    if (isRomanHeading(plain)) return { kind: "heading", number: "", title: plain, raw };
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
