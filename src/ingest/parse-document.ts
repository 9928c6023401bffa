// A document file → ParsedDocument: metadata, clean text, sections, reference list, resolved
// citations and chunks. parseDocumentText is the pure core; parseDocumentFile adds loading.
import path from "node:path";
import { UnreadableDocumentError } from "../errors.ts";
import type { DocumentMeta, ParsedDocument } from "../types.ts";
import { assessQuality } from "./assess-quality.ts";
import { baseDocumentId } from "./assign-document-ids.ts";
import { chunkSections } from "./chunk-document.ts";
import { normalizeRawText } from "./clean-text.ts";
import { createCitationFinder } from "./citations/find-citations.ts";
import { type DocumentFormat, formatOf, loadDocumentText } from "./load-document-text.ts";
import { classifyParagraph, splitParagraphs, usesMarkdownHeadings } from "./parse-blocks.ts";
import { frontMatterPassage } from "./front-matter-passage.ts";
import { type FrontMatterMeta, parseFrontMatter } from "./parse-metadata.ts";
import { parseReferenceList } from "./references/parse-reference-list.ts";
import { buildLayout, findFirstHeading } from "./parse-sections.ts";
import { readYamlFrontMatter } from "./read-yaml-front-matter.ts";
import { renderCleanText } from "./render-clean-text.ts";

/** Bump whenever parsed output changes: it is part of the index's corpus hash. */
export const PARSER_VERSION = "ingest-6";

export interface ParseOptions {
  /** How to read `raw`; defaults to the file name's extension. PDFs arrive as markdown from the layout reader. */
  format?: DocumentFormat;
  /** Metadata read from the file itself (PDF layout and info dictionary); wins over what the text suggests. */
  metaHints?: Partial<FrontMatterMeta>;
  /** Characters the loader extracted, for the quality record (defaults to raw's length). */
  extractedChars?: number;
}

/** Parse extracted text. `file` is the document's file name (it picks markdown handling and the fallback id). */
export function parseDocumentText(raw: string, file: string, options: ParseOptions = {}): ParsedDocument {
  const name = path.basename(file);
  const yaml = readYamlFrontMatter(raw);
  const normalized = normalizeRawText(yaml.body);
  const format = options.format ?? formatOf(name);
  const markdown = format === "md" || format === "pdf" || usesMarkdownHeadings(normalized);
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

  const { references, missingReferenceNumbers, style: referenceStyle } = parseReferenceList(layout.referenceEntries, layout.referenceStyle);
  const meta: DocumentMeta = { id: "", file: name, ...front.meta };
  // YAML front matter wins over the text's guesses; the loader's hints win over both.
  for (const [key, value] of [...Object.entries(yaml.meta), ...Object.entries(options.metaHints ?? {})]) {
    const empty = value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
    if (!empty) (meta as unknown as Record<string, unknown>)[key] = value;
  }
  if (meta.doi && (!meta.url || meta.url.startsWith("https://doi.org/"))) meta.url = `https://doi.org/${meta.doi}`;
  meta.id = baseDocumentId(meta);
  const rendered = renderCleanText(meta.title, layout, references);
  const prose = rendered.sections
    .filter((section) => section.role === "body" || section.role === "abstract")
    .flatMap((section) => [...section.paragraphs, ...section.floats.filter((float) => float.kind === "figure")])
    .map((span) => rendered.text.slice(span.start, span.end))
    .join("\n");
  if (!prose.trim() && !references.length) throw new UnreadableDocumentError(name, "contains no readable prose");

  const citations = createCitationFinder(prose, references);
  const { chunks, citationStats } = chunkSections(rendered.sections, { text: rendered.text, docId: meta.id, citations });
  const quality = assessQuality({
    citationStyle: citationStats.markers ? citations.style : "none",
    referenceStyle,
    references,
    missingReferenceNumbers,
    citationStats,
    chunks,
    extractedChars: options.extractedChars ?? raw.length,
    keptChars: rendered.text.length,
  });
  const frontMatter = frontMatterPassage(blocks.slice(0, frontEnd), blocks, sectioned);
  return {
    meta,
    ...(frontMatter ? { frontMatter } : {}),
    text: rendered.text,
    sections: rendered.sections.map((section) => section.section),
    references,
    missingReferenceNumbers,
    citationStats,
    quality,
    chunks,
  };
}

/** Load and parse a .txt, .md or .pdf file; UnreadableDocumentError names the file on failure. */
export async function parseDocumentFile(filePath: string): Promise<ParsedDocument> {
  const loaded = await loadDocumentText(filePath);
  return parseDocumentText(loaded.text, path.basename(filePath), {
    format: loaded.format,
    ...(loaded.metaHints ? { metaHints: loaded.metaHints } : {}),
    extractedChars: loaded.extractedChars ?? loaded.text.length,
  });
}
