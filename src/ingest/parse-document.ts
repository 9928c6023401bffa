// A document file → ParsedDocument: metadata, clean text, sections, reference list, resolved
// citations and chunks. parseDocumentText is the pure core; parseDocumentFile adds loading.
import path from "node:path";
import { UnreadableDocumentError } from "../errors.ts";
import type { DocumentMeta, ParsedDocument } from "../types.ts";
import { baseDocumentId } from "./assign-document-ids.ts";
import { chunkSections } from "./chunk-document.ts";
import { normalizeRawText } from "./clean-text.ts";
import { formatOf, loadDocumentText } from "./load-document-text.ts";
import { classifyParagraph, splitParagraphs } from "./parse-blocks.ts";
import { parseFrontMatter } from "./parse-metadata.ts";
import { parseReferenceList } from "./parse-reference-list.ts";
import { buildLayout, findFirstHeading } from "./parse-sections.ts";
import { renderCleanText } from "./render-clean-text.ts";
import { detectCitationStyle } from "./resolve-citation-markers.ts";

/** Bump whenever parsed output changes: it is part of the index's corpus hash. */
export const PARSER_VERSION = "ingest-1";

/** Parse extracted text. `file` is the document's file name (it picks markdown handling and the fallback id). */
export function parseDocumentText(raw: string, file: string): ParsedDocument {
  const name = path.basename(file);
  const normalized = normalizeRawText(raw);
  const markdown = formatOf(name) === "md";
  const blocks = splitParagraphs(normalized).map((lines) => classifyParagraph(lines, markdown));
  if (!blocks.length) throw new UnreadableDocumentError(name, "contains no text");

  const firstHeading = findFirstHeading(blocks);
  const firstBackMatter = blocks.findIndex((block) => block.kind === "backmatter");
  const sectioned = firstHeading >= 0 && (firstBackMatter < 0 || firstHeading < firstBackMatter);
  const frontEnd = sectioned ? firstHeading : firstBackMatter >= 0 ? firstBackMatter : blocks.length;
  const front = parseFrontMatter(blocks.slice(0, frontEnd), sectioned);
  const body = sectioned
    ? blocks.slice(frontEnd)
    : [{ kind: "heading" as const, number: "", title: "Body", raw: "" }, ...front.rest, ...blocks.slice(frontEnd)];
  const layout = buildLayout(front.abstract, body);

  const { references, missingReferenceNumbers } = parseReferenceList(layout.referenceEntries);
  const meta: DocumentMeta = { id: "", file: name, ...front.meta };
  meta.id = baseDocumentId(meta);
  const rendered = renderCleanText(meta.title, layout, references);
  const prose = rendered.sections
    .filter((section) => section.role === "body" || section.role === "abstract")
    .flatMap((section) => [...section.paragraphs, ...section.floats.filter((float) => float.kind === "figure")])
    .map((span) => rendered.text.slice(span.start, span.end))
    .join("\n");
  if (!prose.trim() && !references.length) throw new UnreadableDocumentError(name, "contains no readable prose");

  const { chunks, citationStats } = chunkSections(rendered.sections, {
    text: rendered.text,
    docId: meta.id,
    style: detectCitationStyle(prose),
    maxNumber: references[references.length - 1]?.n ?? 0,
    entries: new Set(references.map((entry) => entry.n)),
  });
  return {
    meta,
    text: rendered.text,
    sections: rendered.sections.map((section) => section.section),
    references,
    missingReferenceNumbers,
    citationStats,
    chunks,
  };
}

/** Load and parse a .txt, .md or .pdf file; UnreadableDocumentError names the file on failure. */
export async function parseDocumentFile(filePath: string): Promise<ParsedDocument> {
  const { text } = await loadDocumentText(filePath);
  return parseDocumentText(text, path.basename(filePath));
}
