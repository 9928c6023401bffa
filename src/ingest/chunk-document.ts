// Rendered sections → retrieval chunks. Prose chunks are sentence-aligned, about 120–300 words,
// and never cross a section boundary; each figure caption is a "caption" chunk; tables become
// "table" chunks of whole rows that repeat the caption and header row so each stands alone.
// Every sentence (table: every row) carries its own resolved reference numbers.
import type { Chunk, CitationStats, Sentence } from "../types.ts";
import { countWords } from "./clean-text.ts";
import type { RenderedSection, RenderedTable, Span } from "./render-clean-text.ts";
import { headingText } from "./render-clean-text.ts";
import type { CitationFinder, FoundCitation } from "./citations/find-citations.ts";
import { splitSentences } from "./split-sentences.ts";

export const MIN_CHUNK_WORDS = 120;
export const MAX_CHUNK_WORDS = 300;

export interface ChunkContext {
  text: string;
  docId: string;
  /** The document's citation style and its reference list (see find-citations.ts). */
  citations: CitationFinder;
}

interface Tally {
  markers: number;
  resolved: number;
}

const REFERENCES_HEADER = /^(?:references?|refs?\.?|citations?)$/i;

function resolve(citation: FoundCitation, tally: Tally): number[] {
  tally.markers += citation.cited;
  tally.resolved += citation.resolved;
  return citation.refs;
}

function union(lists: number[][]): number[] {
  return [...new Set(lists.flat())].sort((a, b) => a - b);
}

/** Sentences of one span of prose, each with the references its markers resolve to. */
function sentencesOf(span: Span, context: ChunkContext, tally: Tally): Sentence[] {
  const body = context.text.slice(span.start, span.end);
  const markers = context.citations.find(body);
  let next = 0; // markers and sentences are both in reading order
  return splitSentences(body).map(({ start, end }) => {
    const cited = [];
    while (next < markers.length && markers[next]!.start < end) {
      if (markers[next]!.start >= start) cited.push(markers[next]!);
      next++;
    }
    const refs = union(cited.map((marker) => resolve(marker, tally)));
    return { text: body.slice(start, end), refs, start: span.start + start, end: span.start + end };
  });
}

// A sentence is finished by its full stop, perhaps followed by quotes, brackets or a citation.
const FINISHED = /[.!?:]["”’)\]]*(?:[⁰¹²³⁴⁵⁶⁷⁸⁹,⁻–-]*|\s*\[[\d,\s–-]+\]|\s*\([^()]*\))?$/;
const unbalanced = (text: string) => (text.match(/[([]/g)?.length ?? 0) > (text.match(/[)\]]/g)?.length ?? 0);

/**
 * A sentence torn by a page, column or paragraph break that the text kept ("… power variations
 * (Crone et al., 1998;" + "Hermes et al., 2012) can characterize …") is one sentence again: the
 * first part ends unfinished and the next begins in lower case or closes the bracket the first
 * opened. Only paragraphs with nothing but white space between them are joined.
 */
export function joinTornSentences(paragraphs: Sentence[][], text: string): Sentence[][] {
  const out: Sentence[][] = [];
  for (const paragraph of paragraphs) {
    const previous = out[out.length - 1];
    const last = previous?.[previous.length - 1];
    const first = paragraph[0];
    const continues =
      last && first && !FINISHED.test(last.text) && /^\s*$/.test(text.slice(last.end, first.start)) &&
      (/^\p{Ll}/u.test(first.text) || (unbalanced(last.text) && /^[^([]*[)\]]/.test(first.text)));
    if (!continues) {
      out.push([...paragraph]);
      continue;
    }
    previous!.pop();
    const joined = { text: text.slice(last!.start, first!.end), refs: union([last!.refs, first!.refs]), start: last!.start, end: first!.end };
    previous!.push(joined, ...paragraph.slice(1));
  }
  return out;
}

/** Group sentences (tagged with their paragraph) into chunks of about 120–300 words. */
export function groupSentences(paragraphs: Sentence[][]): Sentence[][] {
  const groups: Sentence[][] = [];
  let current: Sentence[] = [];
  let words = 0;
  const flush = () => {
    if (current.length) groups.push(current);
    current = [];
    words = 0;
  };
  for (const paragraph of paragraphs) {
    const paragraphWords = paragraph.reduce((sum, sentence) => sum + countWords(sentence.text), 0);
    // Prefer to break between paragraphs once a chunk is big enough.
    if (words >= MIN_CHUNK_WORDS && words + paragraphWords > MAX_CHUNK_WORDS) flush();
    for (const sentence of paragraph) {
      const sentenceWords = countWords(sentence.text);
      if (words >= 40 && words + sentenceWords > MAX_CHUNK_WORDS) flush();
      current.push(sentence);
      words += sentenceWords;
    }
  }
  flush();
  // A short tail joins the previous chunk, or borrows sentences from it.
  const last = groups[groups.length - 1];
  const previous = groups[groups.length - 2];
  if (last && previous) {
    const wordsOf = (group: Sentence[]) => group.reduce((sum, sentence) => sum + countWords(sentence.text), 0);
    if (wordsOf(last) < MIN_CHUNK_WORDS) {
      if (wordsOf(previous) + wordsOf(last) <= MAX_CHUNK_WORDS + 15) {
        previous.push(...groups.pop()!);
      } else {
        while (wordsOf(last) < MIN_CHUNK_WORDS && previous.length > 1) {
          const moved = previous[previous.length - 1]!;
          if (wordsOf(previous) - countWords(moved.text) < MIN_CHUNK_WORDS) break;
          last.unshift(previous.pop()!);
        }
      }
    }
  }
  return groups;
}

type ChunkDraft = Omit<Chunk, "id" | "docId">;

function tableChunks(table: RenderedTable, section: RenderedSection, context: ChunkContext, tally: Tally): ChunkDraft[] {
  const refsColumn = table.header.cells.findIndex((cell) => REFERENCES_HEADER.test(cell.trim()));
  const rows: Sentence[] = table.rows.map((row) => {
    const line = context.text.slice(row.start, row.end);
    let refs: number[];
    if (refsColumn >= 0) {
      const cell = context.citations.cell(row.cells[refsColumn] ?? "");
      refs = cell ? resolve(cell, tally) : [];
    } else {
      refs = union(context.citations.find(line).map((marker) => resolve(marker, tally)));
    }
    return { text: line, refs, start: row.start, end: row.end };
  });
  const headerLine = context.text.slice(table.header.start, table.header.end);
  const preamble = [table.caption, headerLine].filter(Boolean);
  const preambleWords = countWords(preamble.join(" "));
  const drafts: ChunkDraft[] = [];
  let group: Sentence[] = [];
  let words = preambleWords;
  const flush = () => {
    if (!group.length) return;
    drafts.push({
      section: headingText(section.section),
      sectionId: section.section.id,
      kind: "table",
      text: [...preamble, ...group.map((row) => row.text)].join("\n"),
      sentences: group,
      refs: union(group.map((row) => row.refs)),
      start: drafts.length === 0 ? table.start : group[0]!.start,
      end: group[group.length - 1]!.end,
    });
    group = [];
    words = preambleWords;
  };
  for (const row of rows) {
    const rowWords = countWords(row.text);
    if (group.length && words + rowWords > MAX_CHUNK_WORDS) flush();
    group.push(row);
    words += rowWords;
  }
  flush();
  return drafts;
}

/** Chunks of the prose-bearing sections, in reading order, plus the body's citation tally. */
export function chunkSections(sections: RenderedSection[], context: ChunkContext): { chunks: Chunk[]; citationStats: CitationStats } {
  const tally: Tally = { markers: 0, resolved: 0 };
  const drafts: ChunkDraft[] = [];
  for (const section of sections) {
    if (section.role !== "body" && section.role !== "abstract") continue;
    const heading = headingText(section.section);
    const paragraphs = joinTornSentences(
      section.paragraphs.map((span) => sentencesOf(span, context, tally)),
      context.text,
    );
    for (const group of groupSentences(paragraphs)) {
      const start = group[0]!.start;
      const end = group[group.length - 1]!.end;
      drafts.push({
        section: heading,
        sectionId: section.section.id,
        kind: "text",
        text: context.text.slice(start, end),
        sentences: group,
        refs: union(group.map((sentence) => sentence.refs)),
        start,
        end,
      });
    }
    for (const float of section.floats) {
      if (float.kind === "table") {
        drafts.push(...tableChunks(float, section, context, tally));
        continue;
      }
      const sentences = sentencesOf(float, context, tally);
      drafts.push({
        section: heading,
        sectionId: section.section.id,
        kind: "caption",
        text: context.text.slice(float.start, float.end),
        sentences,
        refs: union(sentences.map((sentence) => sentence.refs)),
        start: float.start,
        end: float.end,
      });
    }
  }
  const chunks = drafts.map((draft, i) => ({
    id: `${context.docId}:${String(i).padStart(4, "0")}`,
    docId: context.docId,
    ...draft,
  }));
  const citationStats: CitationStats = {
    markers: tally.markers,
    resolved: tally.resolved,
    resolvedRatio: tally.markers === 0 ? null : tally.resolved / tally.markers,
  };
  return { chunks, citationStats };
}
