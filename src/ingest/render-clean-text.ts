// The layout written out as the document's clean text, remembering where every heading,
// paragraph, table row and caption landed. All offsets elsewhere point into this text.
// Within a section the prose comes first and its figures and tables after it, so a run of
// prose is one contiguous slice.
import type { ReferenceEntry, Section } from "../types.ts";
import type { DocumentLayout, LayoutSection, SectionRole } from "./parse-sections.ts";

export interface Span {
  start: number;
  end: number;
}

export interface RenderedRow extends Span {
  cells: string[];
}

export interface RenderedTable extends Span {
  kind: "table";
  caption: string;
  header: RenderedRow;
  rows: RenderedRow[];
}

export interface RenderedFigure extends Span {
  kind: "figure";
  caption: string;
}

export interface RenderedSection {
  section: Section;
  role: SectionRole;
  paragraphs: Span[];
  floats: (RenderedTable | RenderedFigure)[];
}

export interface RenderedDocument {
  text: string;
  sections: RenderedSection[];
}

export function headingText(section: Pick<LayoutSection, "number" | "title">): string {
  return section.number ? `${section.number} ${section.title}` : section.title;
}

function sectionId(section: LayoutSection, taken: Set<string>): string {
  const base = section.number
    ? `s${section.number}`
    : `s-${section.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "part"}`;
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  taken.add(id);
  return id;
}

export function renderCleanText(title: string, layout: DocumentLayout, references: ReferenceEntry[]): RenderedDocument {
  let text = "";
  const write = (piece: string): Span => {
    if (text) text += "\n\n";
    const start = text.length;
    text += piece;
    return { start, end: text.length };
  };
  if (title) write(title);

  const taken = new Set<string>();
  const sections: RenderedSection[] = [];
  const openByLevel: Section[] = [];
  for (const layoutSection of layout.sections) {
    const heading = write(headingText(layoutSection));
    const level = layoutSection.level;
    const parent = layoutSection.number ? openByLevel.slice(0, level - 1).reverse().find(Boolean) : undefined;
    const section: Section = {
      id: sectionId(layoutSection, taken),
      number: layoutSection.number,
      title: layoutSection.title,
      level,
      start: heading.start,
      end: heading.end,
    };
    if (parent) section.parentId = parent.id;
    openByLevel.length = level - 1;
    openByLevel[level - 1] = section;

    const rendered: RenderedSection = { section, role: layoutSection.role, paragraphs: [], floats: [] };
    for (const paragraph of layoutSection.paragraphs) rendered.paragraphs.push(write(paragraph));
    for (const float of layoutSection.floats) {
      if (float.kind === "figure") {
        rendered.floats.push({ kind: "figure", caption: float.caption, ...write(float.caption) });
        continue;
      }
      const lines = [float.caption, float.header.join("\t"), ...float.rows.map((row) => row.join("\t"))].filter(
        (line, i) => i > 0 || line !== "",
      );
      const block = write(lines.join("\n"));
      let cursor = block.start + (float.caption ? float.caption.length + 1 : 0);
      const rowSpan = (cells: string[]): RenderedRow => {
        const line = cells.join("\t");
        const span = { start: cursor, end: cursor + line.length, cells };
        cursor = span.end + 1;
        return span;
      };
      const header = rowSpan(float.header);
      const rows = float.rows.map(rowSpan);
      rendered.floats.push({ kind: "table", caption: float.caption, header, rows, ...block });
    }
    if (layoutSection.role === "references") {
      for (const entry of references) write(`${entry.n}. ${entry.text}`);
    }
    section.end = text.length;
    sections.push(rendered);
  }
  // A section runs until the next heading at its level or above.
  for (const [i, { section }] of sections.entries()) {
    const next = sections.slice(i + 1).find((other) => other.section.level <= section.level || !other.section.number);
    section.end = next ? next.section.start - 2 : text.length;
  }
  return { text, sections };
}
