// Blocks → the document's layout: numbered sections with their hierarchy, prose paragraphs
// rejoined across column/page breaks, figure captions and tables (continued parts merged) as
// floats, back matter kept apart, and the raw reference-list entries wherever they were printed.
import { cleanInline, countWords, endsSentence } from "./clean-text.ts";
import { findRepeatedLines, isFurniture } from "./detect-furniture.ts";
import { type Block, REFERENCE_HEADINGS, isStandardOpening, splitRunInHeading } from "./parse-blocks.ts";
import type { ReferenceListStyle } from "../types.ts";
import { readAuthorRun } from "./references/read-author-run.ts";
import { type RawReferenceEntry, isEntryLike, isProse, numberedStart, splitReferenceEntries } from "./references/split-reference-entries.ts";

export type { RawReferenceEntry } from "./references/split-reference-entries.ts";

export interface LayoutTable {
  kind: "table";
  tableId: string;
  caption: string;
  header: string[];
  rows: string[][];
}

export interface LayoutFigure {
  kind: "figure";
  caption: string;
}

export type LayoutFloat = LayoutTable | LayoutFigure;

export type SectionRole = "abstract" | "body" | "back" | "references";

export interface LayoutSection {
  number: string;
  title: string;
  level: number;
  role: SectionRole;
  paragraphs: string[];
  floats: LayoutFloat[];
}

export interface DocumentLayout {
  sections: LayoutSection[];
  referenceEntries: RawReferenceEntry[];
  /** How the reference list is organised ("none" when no list was found). */
  referenceStyle: ReferenceListStyle;
}

/** "REFERENCES (1) Spencer, D. M.; …": a reference heading run into the list's first entry (ACS, some journals' PDFs). */
function inlineReferenceHeading(text: string): string | null {
  const match = /^[^\p{L}\d]*([\p{L} ]{6,22}?)[\s:.]+(?=(?:\[1\]|\(1\)|1[.)]?)\s*\p{Lu})/u.exec(text);
  if (!match || !REFERENCE_HEADINGS.has(match[1]!.trim().toLowerCase())) return null;
  return text.slice(match[0].length);
}

/**
 * Headings (markdown "#", set by the layout reader) after which the body goes on: no entry could
 * be the heading, and prose comes before any entry in the next few blocks (Cell's STAR Methods,
 * supplementary text printed after the references). Running heads set as headings ("Article")
 * are followed by more entries and do not end the list.
 */
function referenceListEnds(blocks: Block[]): Set<Block> {
  const ends = new Set<Block>();
  blocks.forEach((block, i) => {
    if (block.kind !== "heading" || !/^#{1,6}\s/.test(block.raw)) return;
    const title = block.raw.replace(/^#{1,6}\s+/, "");
    if (numberedStart(title) || readAuthorRun(title) || /\b(?:1[89]|20)\d{2}\b/.test(title)) return;
    const texts = blocks.slice(i + 1, i + 6).flatMap((b) => (b.kind === "text" ? [b.text] : []));
    const firstEntry = texts.findIndex((text) => isEntryLike(text) || numberedStart(text) !== null);
    const firstProse = texts.findIndex((text) => countWords(text) >= 20 && isProse(text));
    if (firstProse >= 0 && (firstEntry < 0 || firstProse < firstEntry)) ends.add(block);
  });
  return ends;
}

/** Is `next` a plausible heading number after `previous` (next sibling, first child, or an ancestor's sibling)? */
export function isNextHeadingNumber(previous: number[] | null, next: number[]): boolean {
  if (!previous) return next.length <= 2 && next[0]! <= 2 && next.slice(1).every((n) => n === 1);
  if (next.length === previous.length + 1) {
    return previous.every((n, i) => n === next[i]) && next[next.length - 1] === 1;
  }
  if (next.length > previous.length + 1) return false;
  // Same or shallower level: a common prefix, then the next number.
  const depth = next.length - 1;
  for (let i = 0; i < depth; i++) if (previous[i] !== next[i]) return false;
  return next[depth]! - previous[depth]! === 1;
}

export function parseHeadingNumber(number: string): number[] {
  return number.split(".").map(Number);
}

/**
 * Index of the block that opens the body: the first heading (numbered ones must start a sequence).
 * Headings printed before any prose (masthead lines, article-type labels such as "REVIEW ARTICLE"
 * that a layout reader sets as headings) do not open it when a heading every paper uses to start
 * ("Abstract", "Introduction", "1 …") follows.
 */
export function findFirstHeading(blocks: Block[]): number {
  const opens = (block: Block) =>
    block.kind === "heading" && (block.number === "" || isNextHeadingNumber(null, parseHeadingNumber(block.number)));
  const first = blocks.findIndex(opens);
  const firstProse = blocks.findIndex((block) => block.kind === "text" && countWords(block.text) >= 30 && endsSentence(block.text));
  const standard = blocks.findIndex(
    (block) => opens(block) && block.kind === "heading" && (block.number !== "" || isStandardOpening(block.title)),
  );
  if (first < 0 || standard <= first || (firstProse >= 0 && firstProse < first)) return first;
  // Skip the labels before the prose; a heading after the first prose still opens the body.
  const afterProse = firstProse >= 0 ? blocks.findIndex((block, i) => i >= firstProse && opens(block)) : -1;
  return afterProse >= 0 && afterProse < standard ? afterProse : standard;
}

function isTitleCase(text: string): boolean {
  const words = text.split(/\s+/).filter((word) => /^\p{L}/u.test(word) && word.length > 3);
  if (!words.length) return false;
  return words.filter((word) => /^\p{Lu}/u.test(word)).length / words.length >= 0.5;
}

class LayoutBuilder {
  readonly sections: LayoutSection[] = [];
  /** The reference section's paragraphs (physical lines), wherever the list was printed. */
  readonly referenceParagraphs: string[][] = [];
  private current: LayoutSection | null = null;
  private lastBody: LayoutSection | null = null;
  private lastNumber: number[] | null = null;
  private openTable: LayoutTable | null = null;
  private continuing = false;
  private pendingFigureLabel: string | null = null;
  private mode: "body" | "references" | "back" = "body";

  constructor(
    private readonly repeated: Set<string>,
    private readonly listEnds: Set<Block> = new Set(),
  ) {}

  openSection(number: string, title: string, role: SectionRole, level = 1): void {
    this.current = { number, title, level, role, paragraphs: [], floats: [] };
    this.sections.push(this.current);
    if (role === "body" || role === "abstract") this.lastBody = this.current;
    this.openTable = null;
    this.pendingFigureLabel = null;
  }

  private appendProse(section: LayoutSection, text: string): void {
    const paragraphs = section.paragraphs;
    const last = paragraphs[paragraphs.length - 1];
    if (last !== undefined && !endsSentence(last)) {
      // A paragraph that stopped mid-sentence resumes here (column/page break, figure in between).
      paragraphs[paragraphs.length - 1] = /[-/]$/.test(last) ? last + text : `${last} ${text}`;
    } else {
      paragraphs.push(text);
    }
  }

  private tableById(tableId: string): LayoutTable | null {
    for (const section of this.sections) {
      for (const float of section.floats) if (float.kind === "table" && float.tableId === tableId) return float;
    }
    return null;
  }

  private addRows(rows: string[][]): void {
    let table = this.openTable;
    if (!table) {
      if (!this.current || !rows.length) return;
      table = { kind: "table", tableId: "", caption: "", header: rows[0]!, rows: [] };
      this.current.floats.push(table);
      this.openTable = table;
      rows = rows.slice(1);
    }
    let firstDataRow = true;
    for (const cells of rows) {
      const width = Math.max(table.header.length, cells.length);
      const row = [...cells, ...Array<string>(width - cells.length).fill("")];
      if (!table.header.length) {
        table.header = row;
        continue;
      }
      const same = row.length === table.header.length && row.every((cell, j) => cell === table.header[j]);
      if (same) continue; // the header printed again on a continued page
      const previous = table.rows[table.rows.length - 1];
      const refsCol = table.header.length - 1;
      if (this.continuing && firstDataRow && previous && row[0] === "" && row[refsCol] === "") {
        // The first row of a continued part finishes the last row of the previous part.
        table.rows[table.rows.length - 1] = previous.map((cell, j) => [cell, row[j] ?? ""].filter(Boolean).join(" "));
        firstDataRow = false;
        continue;
      }
      firstDataRow = false;
      table.rows.push(row);
    }
    this.continuing = false;
  }

  private lastEntryNumber = 0;

  /** A numbered list resuming after back matter printed inside it: the next number (or the first) opens the line. */
  private resumesNumberedList(line: string): boolean {
    const start = numberedStart(line);
    if (!start || countWords(start.rest) < 2) return false;
    const last = this.lastEntryNumber;
    return last ? start.n > last && start.n <= last + 25 : start.n <= 5;
  }

  private collectReferences(lines: string[]): void {
    // Lines the layout reader set as headings inside the list keep their text, not their marks.
    const kept = lines.filter((line) => !this.repeated.has(line.trim())).map((line) => line.replace(/^#{1,6}\s+/, ""));
    if (!kept.length) return;
    this.referenceParagraphs.push(kept);
    for (const line of kept) {
      const start = numberedStart(line);
      if (start && start.n > this.lastEntryNumber && start.n <= this.lastEntryNumber + 25) this.lastEntryNumber = start.n;
    }
  }

  private handleBackMatterText(block: Extract<Block, { kind: "text" }>): void {
    if (this.mode === "references") {
      this.collectReferences(block.lines);
      return;
    }
    const resume = block.lines.findIndex((line) => this.resumesNumberedList(line));
    const backLines = resume < 0 ? block.lines : block.lines.slice(0, resume);
    for (const line of backLines) {
      const text = cleanInline(line);
      if (text && !isFurniture(text, this.repeated) && this.current) this.appendProse(this.current, text);
    }
    if (resume >= 0) {
      this.mode = "references";
      this.collectReferences(block.lines.slice(resume));
    }
  }

  /** Prose found among the entries: the end of the body, displaced by the layout. */
  restoreDisplacedProse(paragraphs: string[]): void {
    if (!this.lastBody) return;
    for (const text of paragraphs) this.appendProse(this.lastBody, cleanInline(text));
  }

  /** A numbered heading run into a paragraph line that the next paragraph continues (lowercase start). */
  private addRunInHeading(block: Block, next: Block | undefined): boolean {
    if (block.kind !== "heading" && !(block.kind === "text" && block.lines.length === 1)) return false;
    if (next?.kind !== "text" || !/^\p{Ll}/u.test(next.text)) return false;
    const split = splitRunInHeading(cleanInline(block.raw.replace(/^#{1,6}\s+/, "")));
    if (!split) return false;
    const number = parseHeadingNumber(split.number);
    if (!isNextHeadingNumber(this.lastNumber, number)) return false;
    this.lastNumber = number;
    this.openSection(split.number, split.title, "body", number.length);
    this.addText(split.rest, next);
    return true;
  }

  add(block: Block, next: Block | undefined): void {
    if (this.mode === "body" && this.addRunInHeading(block, next)) return;
    const inlineList = block.kind === "text" && this.mode !== "references" ? inlineReferenceHeading(block.text) : null;
    if (inlineList !== null && block.kind === "text") {
      this.mode = "references";
      this.openSection("", "References", "references");
      this.collectReferences([inlineList, ...block.lines.slice(1)]);
      return;
    }
    if (block.kind === "backmatter") {
      const isReferences = REFERENCE_HEADINGS.has(block.title.toLowerCase());
      this.mode = isReferences ? "references" : "back";
      this.openSection("", block.title, isReferences ? "references" : "back");
      return;
    }
    if (this.mode === "references" && this.listEnds.has(block)) this.mode = "body";
    if (this.mode !== "body") {
      if (block.kind === "text") this.handleBackMatterText(block);
      else if (block.kind === "heading") {
        // A short heading inside the list that no entry could continue is a running head ("Article").
        const runningHead = this.mode === "references" && countWords(block.title) <= 3 && !/[\d.,;:]/.test(block.title);
        if (!runningHead) this.handleBackMatterText({ kind: "text", text: block.raw, lines: [block.raw], raw: block.raw });
      }
      return;
    }
    switch (block.kind) {
      case "heading": {
        if (block.number === "") {
          this.openSection("", block.title, "body");
          return;
        }
        const number = parseHeadingNumber(block.number);
        if (isNextHeadingNumber(this.lastNumber, number)) {
          this.lastNumber = number;
          this.openSection(block.number, block.title, "body", number.length);
          return;
        }
        this.addText(cleanInline(block.raw), next);
        return;
      }
      case "figure-label":
        this.pendingFigureLabel = block.label;
        this.openTable = null;
        return;
      case "figure-caption":
        this.current?.floats.push({ kind: "figure", caption: block.text });
        this.openTable = null;
        return;
      case "table-caption": {
        if (next?.kind !== "table-rows") {
          this.addText(block.text, next);
          return;
        }
        const table: LayoutTable = { kind: "table", tableId: block.tableId, caption: block.text, header: [], rows: [] };
        this.current?.floats.push(table);
        this.openTable = table;
        this.continuing = false;
        return;
      }
      case "table-continued":
        this.openTable = this.tableById(block.tableId) ?? this.openTable;
        this.continuing = true;
        return;
      case "table-rows":
        this.addRows(block.rows);
        return;
      case "text":
        this.addText(block.text, next);
        return;
    }
  }

  private addText(text: string, next: Block | undefined): void {
    if (!this.current || isFurniture(text, this.repeated)) return;
    if (this.pendingFigureLabel) {
      this.current.floats.push({ kind: "figure", caption: `${this.pendingFigureLabel} ${text}` });
      this.pendingFigureLabel = null;
      return;
    }
    // Words printed inside a figure (its title, axis labels) land just before its caption.
    const beforeFigure = next?.kind === "figure-caption" || next?.kind === "figure-label";
    if (beforeFigure && countWords(text) <= 12 && !endsSentence(text) && isTitleCase(text)) return;
    this.openTable = null;
    this.appendProse(this.current, text);
  }
}

/**
 * Assemble the layout. `abstract` blocks open an "Abstract" section; `body` blocks start at the
 * first heading (or, for an unsectioned document, are preceded by an unnumbered "Body" heading).
 */
export function buildLayout(abstract: Block[], body: Block[]): DocumentLayout {
  const texts = [...abstract, ...body].filter((block) => block.kind === "text").map((block) => block.text);
  const builder = new LayoutBuilder(findRepeatedLines(texts), referenceListEnds(body));
  const meaningful = (blocks: Block[]) => blocks.filter((block) => !(block.kind === "text" && isFurniture(block.text)));
  if (abstract.length) {
    builder.openSection("", "Abstract", "abstract");
    const blocks = meaningful(abstract);
    blocks.forEach((block, i) => builder.add(block, blocks[i + 1]));
  }
  const blocks = meaningful(body);
  blocks.forEach((block, i) => builder.add(block, blocks[i + 1]));
  if (!builder.referenceParagraphs.length) builder.referenceParagraphs.push(...takeUnheadedList(builder.sections));
  const split = splitReferenceEntries(builder.referenceParagraphs);
  builder.restoreDisplacedProse(split.displaced);
  return { sections: builder.sections.filter(hasContent), referenceEntries: split.entries, referenceStyle: split.style };
}

/**
 * A list printed without a heading: the section whose trailing paragraphs most read as entries
 * (author run + year, or a number + author run + year; continuation lines may sit between them),
 * and the entry runs of the sections around it (a heading the layout read inside the list). Those
 * paragraphs are taken out of their sections.
 */
function takeUnheadedList(sections: LayoutSection[]): string[][] {
  const runs = sections.map((section) => {
    const paragraphs = section.paragraphs;
    let start = paragraphs.length;
    let entries = 0;
    let entryLike = 0;
    if (section.role === "abstract") return { start, entries };
    for (let i = paragraphs.length - 1; i >= 0; i--) {
      const like = isEntryLike(paragraphs[i]!);
      if (like) entryLike++;
      const share = entryLike / (paragraphs.length - i);
      if (like && share >= 0.6) {
        start = i;
        entries = entryLike;
      }
      if (paragraphs.length - i >= 6 && share < 0.3) break;
    }
    return { start, entries };
  });
  let best = -1;
  runs.forEach((run, i) => {
    if (run.entries >= 3 && (best < 0 || run.entries > runs[best]!.entries)) best = i;
  });
  if (best < 0) return [];
  // Sections just before the best one whose last paragraphs already are entries (a heading read inside the list).
  let first = best;
  while (first > 0 && runs[first - 1]!.entries >= 1) first--;
  const taken: string[][] = [];
  runs.forEach((run, i) => {
    if ((i >= first && i <= best) || (i > best && run.entries >= 2)) {
      taken.push(...sections[i]!.paragraphs.splice(run.start).map((paragraph) => [paragraph]));
    }
  });
  return taken;
}

function hasContent(section: LayoutSection): boolean {
  return section.role === "body" || section.role === "references" || section.paragraphs.length > 0 || section.floats.length > 0;
}
