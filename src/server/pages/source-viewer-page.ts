// GET /docs/:id: the cleaned review as the index holds it — sections, every passage an anchor
// (#chunk-<id>, highlighted by :target when a citation links to it), the review's reference numbers
// linked to their entries, and the reference list with DOI links. All corpus text is escaped.
import type { StoredDocument } from "../../store/index-files.ts";
import type { Chunk, ReferenceEntry, Section } from "../../types.ts";
import { describeQuality } from "../../ingest/assess-quality.ts";
import { findAuthorYearCitations } from "../../ingest/citations/find-author-year-citations.ts";
import { matchAuthorYearEntries } from "../../ingest/citations/match-author-year-entries.ts";
import { type NumberedCitationStyle, detectCitationStyle, findCitationMarkers } from "../../ingest/citations/resolve-citation-markers.ts";
import { doiUrl, safeHttpUrl } from "../../widget/safe-url.ts";
import { type SafeHtml, html } from "./html.ts";
import { renderPage } from "./page-layout.ts";

const CSS = `
main.viewer { max-width: 900px; }
.meta { margin: 0 0 4px; }
.toc { margin: 20px 0; padding: 12px 16px; border: 1px solid var(--border); border-radius: 8px; background: var(--soft); }
.toc summary { cursor: pointer; font-weight: 600; }
.toc ol { margin: 8px 0 0; padding-left: 0; list-style: none; }
.toc li { margin: 2px 0; }
.toc .l2 { padding-left: 1.2em; } .toc .l3 { padding-left: 2.4em; } .toc .l4 { padding-left: 3.6em; }
.doc-text { white-space: pre-wrap; overflow-wrap: anywhere; tab-size: 4; }
.doc-text .sec { white-space: normal; margin: 1.6em 0 .4em; scroll-margin-top: 16px; }
.chunk { scroll-margin-top: 30vh; border-radius: 3px; }
.chunk:target { background: var(--mark); color: var(--mark-fg); box-shadow: 0 0 0 3px var(--mark); border-radius: 2px;
  box-decoration-break: clone; -webkit-box-decoration-break: clone; }
.chunk:target::before { content: "Cited passage"; margin-right: 6px; padding: 1px 6px; border-radius: 4px; background: #92400e;
  color: #fff; font-size: 12px; font-weight: 600; vertical-align: 1px; }
.cite { text-decoration: none; border-bottom: 1px dotted currentColor; }
.chunk:target .cite { color: inherit; }
.ref-block { white-space: normal; }
.references { padding-left: 3em; font-size: 15px; }
.references li { margin-bottom: 6px; overflow-wrap: anywhere; scroll-margin-top: 30vh; }
.health { margin: 8px 0 0; font-size: 14px; }
.health ul { margin: 4px 0 0; padding-left: 1.2em; color: var(--warn, #92400e); }
.references li:target { background: var(--mark); color: var(--mark-fg); box-shadow: 0 0 0 4px var(--mark); }
`;

const NUMBER = /\d{1,4}|[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g;
const SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

interface Span {
  start: number;
  end: number;
}

interface ReferenceLink extends Span {
  n: number;
}

const toNumber = (token: string) =>
  Number([...token].map((ch) => (SUPERSCRIPT_DIGITS.includes(ch) ? String(SUPERSCRIPT_DIGITS.indexOf(ch)) : ch)).join(""));

/**
 * Each reference number printed in a citation marker (the parser's own marker grammar) of a
 * sentence the parser found citing it; a range "1–3" links its two printed ends. In an author–year
 * paper each cited work ("Smith et al., 2020") links to the entry it resolved to.
 */
export function findReferenceLinks(doc: StoredDocument, chunks: readonly Chunk[]): ReferenceLink[] {
  const { text } = doc;
  const known = new Set(doc.references.map((ref) => ref.n));
  const maxNumber = Math.max(0, ...known);
  const detected = doc.quality?.citationStyle;
  if (detected === "author-year") return authorYearLinks(doc, chunks);
  const style: NumberedCitationStyle = detected && detected !== "none" ? detected : detectCitationStyle(text, maxNumber || 999);
  const links = new Map<number, ReferenceLink>();
  for (const chunk of chunks) {
    for (const sentence of chunk.sentences) {
      if (!sentence.refs.length) continue;
      const cited = new Set(sentence.refs);
      const slice = text.slice(sentence.start, sentence.end);
      for (const marker of findCitationMarkers(slice, { style, maxNumber })) {
        for (const token of slice.slice(marker.start, marker.end).matchAll(NUMBER)) {
          const n = toNumber(token[0]);
          if (!cited.has(n) || !known.has(n)) continue;
          const start = sentence.start + marker.start + token.index;
          links.set(start, { start, end: start + token[0].length, n });
        }
      }
    }
  }
  return [...links.values()].sort((a, b) => a.start - b.start);
}

function authorYearLinks(doc: StoredDocument, chunks: readonly Chunk[]): ReferenceLink[] {
  const matcher = matchAuthorYearEntries(doc.references);
  const links: ReferenceLink[] = [];
  for (const chunk of chunks) {
    for (const sentence of chunk.sentences) {
      if (!sentence.refs.length) continue;
      const slice = doc.text.slice(sentence.start, sentence.end);
      for (const citation of findAuthorYearCitations(slice)) {
        for (const work of citation.works) {
          const n = matcher.resolve(work).find((m) => sentence.refs.includes(m));
          if (n !== undefined) links.push({ start: sentence.start + work.start, end: sentence.start + work.end, n });
        }
      }
    }
  }
  return links.sort((a, b) => a.start - b.start);
}

const headingText = (section: Section) => [section.number, section.title].filter(Boolean).join(" ");
const squash = (text: string) => text.replace(/[^\p{L}\p{N}]+/gu, "").toLowerCase();

/** The heading line at the section's start when the clean text prints it, so it is shown once. */
function printedHeading(text: string, section: Section): Span | undefined {
  const lineEnd = text.indexOf("\n", section.start);
  const end = lineEnd === -1 ? section.end : Math.min(lineEnd, section.end);
  const line = squash(text.slice(section.start, end));
  if (!line || (line !== squash(headingText(section)) && line !== squash(section.title))) return undefined;
  let after = end;
  while (text[after] === "\n") after++;
  return { start: section.start, end: after };
}

/** Chunks in reading order, clipped so none overlaps the one before (spans cannot interleave). */
function chunkSpans(chunks: readonly Chunk[], length: number): (Span & { id: string })[] {
  const spans: (Span & { id: string })[] = [];
  let previousEnd = 0;
  for (const chunk of [...chunks].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const start = Math.max(chunk.start, previousEnd);
    const end = Math.min(Math.max(chunk.end, start), length);
    spans.push({ id: chunk.id, start, end });
    previousEnd = Math.max(previousEnd, end);
  }
  return spans;
}

const REFERENCE_HEADING = /^(references?|bibliography|literature cited|notes and references)$/i;

/**
 * The clean text with headings, passage anchors and reference links woven in. The title (shown
 * as the page heading) is not repeated, and the printed reference list is replaced by
 * `referenceList`, whose entries carry the anchors the reference links point at.
 */
export function renderDocumentText(doc: StoredDocument, chunks: readonly Chunk[], referenceList: SafeHtml): SafeHtml {
  const { text } = doc;
  const sections = doc.sections.filter((s) => s.title && s.start >= 0 && s.start < text.length).sort((a, b) => a.start - b.start);
  const listSection = sections.find((s) => REFERENCE_HEADING.test(s.title.trim()));
  const replaced: Span | undefined = listSection && { start: listSection.start, end: Math.max(listSection.end, listSection.start) };
  const inReplaced = (at: number) => replaced !== undefined && at > replaced.start && at < replaced.end;
  const headings = sections
    .filter((section) => !inReplaced(section.start))
    .map((section) => ({ section, printed: printedHeading(text, section) }));
  const title = text.startsWith(doc.meta.title) ? { start: 0, end: doc.meta.title.length } : undefined;
  const skipped = [title, replaced, ...headings.map((h) => h.printed)].filter((s): s is Span => s !== undefined);
  const overlapsSkipped = (span: Span) => skipped.some((s) => span.start < s.end && span.end > s.start);
  const links = findReferenceLinks(doc, chunks).filter((link) => !overlapsSkipped(link));
  const spans = chunkSpans(chunks, text.length);

  // Every offset where something opens, closes or is inserted; text between them is escaped as is.
  const cuts = new Set<number>([0, text.length]);
  for (const span of [...skipped, ...links, ...spans]) cuts.add(span.start).add(span.end);
  for (const { section } of headings) cuts.add(section.start);
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);

  const spanStarts = new Map<number, (Span & { id: string })[]>();
  for (const span of spans) spanStarts.set(span.start, [...(spanStarts.get(span.start) ?? []), span]);
  const headingAt = new Map<number, (typeof headings)[number][]>();
  for (const h of headings) headingAt.set(h.section.start, [...(headingAt.get(h.section.start) ?? []), h]);
  const linkAt = new Map(links.map((link) => [link.start, link]));

  const out: (string | SafeHtml)[] = [];
  let open: (Span & { id: string }) | undefined;
  let skipUntil = title?.end ?? -1;
  for (let i = 0; i < points.length - 1; i++) {
    const at = points[i]!;
    const next = points[i + 1]!;
    if (open && open.end <= at) {
      out.push(html`</span>`);
      open = undefined;
    }
    for (const { section, printed } of headingAt.get(at) ?? []) {
      const level = Math.min(Math.max(section.level, 1) + 1, 6);
      out.push(html`<h${level} class="sec" id="sec-${section.id}">${headingText(section)}</h${level}>`);
      if (printed) skipUntil = Math.max(skipUntil, printed.end);
      if (section === listSection) {
        out.push(referenceList);
        skipUntil = Math.max(skipUntil, replaced!.end);
      }
    }
    for (const span of spanStarts.get(at) ?? []) {
      if (open) out.push(html`</span>`);
      // Empty spans (a chunk wholly inside the one before) still anchor the link.
      out.push(html`<span class="chunk" id="chunk-${span.id}">`);
      open = span;
      if (span.end === span.start) {
        out.push(html`</span>`);
        open = undefined;
      }
    }
    if (at < skipUntil) continue;
    let piece = text.slice(at, next);
    // Blank lines around headings would double their own margins.
    if (headingAt.has(next)) piece = piece.replace(/\n+$/, "\n");
    if (headingAt.has(points[i - 1] ?? -1) || at === skipUntil) piece = piece.replace(/^\n+/, "");
    const link = linkAt.get(at);
    if (link && link.end === next) {
      out.push(html`<a class="cite" href="#ref-${link.n}" aria-label="reference ${link.n}">${piece}</a>`);
    } else {
      out.push(piece);
    }
  }
  if (open) out.push(html`</span>`);
  if (!listSection) out.push(html`<h2 class="sec" id="references">References</h2>`, referenceList);
  return html`${out}`;
}

function referenceEntry(ref: ReferenceEntry): SafeHtml {
  const url = doiUrl(ref.doi) ?? safeHttpUrl(ref.url);
  const linkText = ref.doi ? `doi:${ref.doi}` : url;
  return html`<li id="ref-${ref.n}" value="${ref.n}">${ref.text}${
    url ? html` <a href="${url}" target="_blank" rel="noopener noreferrer">${linkText}</a>` : ""
  }</li>`;
}

/**
 * @param status the document's ingest state ("parsed", "embedding 40 %", "ready"); shown while it is not ready,
 * since until then answers find it by its words only.
 */
export function renderSourceViewerPage(doc: StoredDocument, chunks: readonly Chunk[], status?: { state: string; label: string }): string {
  const { meta } = doc;
  const doi = doiUrl(meta.doi) ?? safeHttpUrl(meta.url);
  const authors = meta.authors.join(", ");
  const where = [meta.journal, meta.year, meta.volume].filter(Boolean).join(" · ");
  const toc = doc.sections
    .filter((s) => s.title)
    .map((s) => html`<li class="l${Math.min(s.level, 4)}"><a href="#sec-${s.id}">${headingText(s)}</a></li>`);
  const references = [...doc.references].sort((a, b) => a.n - b.n);
  // How well the file was read, with its warnings, so a reader knows what the links are worth.
  const health = describeQuality(doc.quality, doc.missingReferenceNumbers);
  const progress =
    status && status.state !== "ready"
      ? html`<p class="meta" role="status">Indexing: ${status.label} (searchable by its words now; by meaning once ready)</p>`
      : "";
  const healthLine = html`<section class="health muted" aria-label="Parse quality">${progress}<p class="meta">${health.list} · ${health.citations}</p>${
    doc.quality.warnings.length ? html`<ul>${doc.quality.warnings.map((warning) => html`<li>Warning: ${warning}</li>`)}</ul>` : ""
  }</section>`;
  const referenceList = html`<div class="ref-block">${
    doc.missingReferenceNumbers.length
      ? html`<p class="muted">Missing from the printed list: ${doc.missingReferenceNumbers.join(", ")}.</p>`
      : ""
  }<ol class="references">${references.map(referenceEntry)}</ol></div>`;
  return renderPage({
    title: `${meta.title} — Review Chat`,
    css: CSS,
    body: html`<main id="main" class="viewer">
<h1>${meta.title}</h1>
${authors ? html`<p class="meta">${authors}</p>` : ""}
<p class="meta muted">${where}${doi ? html` · <a href="${doi}" target="_blank" rel="noopener noreferrer">${meta.doi ? `doi:${meta.doi}` : doi}</a>` : ""}</p>
${healthLine}
${toc.length ? html`<details class="toc"><summary>Sections (${toc.length})</summary><ol>${toc}</ol></details>` : ""}
<article class="doc-text" aria-label="Review text">${renderDocumentText(doc, chunks, referenceList)}</article>
</main>`,
  });
}
