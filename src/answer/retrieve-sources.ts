// The passages an answer is built on, numbered as it will cite them.
import type { AnswerSource } from "./answer-payload.ts";
import { sourceFromChunk } from "./answer-payload.ts";
import type { AnswerResources } from "./answer-resources.ts";

/**
 * Hybrid search (first the `prefer` chunks' best, when given), or BM25's ranking when it leads by `lexicalShortcut` (scores then relative to the best
 * passage's; see `LEXICAL_SHORTCUT_MARGIN` in answer-question.ts); undefined always runs hybrid search.
 *
 * @example
 * const sources = await retrieveSources(res, "How do SLNs improve uptake?", { k: 6 });
 */
export async function retrieveSources(
  res: AnswerResources,
  question: string,
  options: { k: number; docs?: string[]; lexicalShortcut?: number; prefer?: string[] },
): Promise<AnswerSource[]> {
  const { prefer, ...searchOptions } = options;
  let results = await res.search.search(question, searchOptions);
  // Passages of the sections a question names come first (half of k at most); the rest are the
  // ordinary ranking's, so a topic the sections do not cover is still found where it is, or declined.
  if (prefer?.length) {
    const preferred = await res.search.search(question, { k: Math.ceil(options.k / 2), docs: options.docs, chunks: prefer });
    const ids = new Set(preferred.map((result) => result.id));
    results = [...preferred, ...results.filter((result) => !ids.has(result.id))].slice(0, options.k);
  }
  return results.flatMap((result, i): AnswerSource[] => {
    const chunk = res.corpus.chunk(result.id);
    const title = res.corpus.document(result.docId)?.meta.title ?? result.docId;
    return chunk ? [sourceFromChunk(chunk, i + 1, round(result.score), title)] : [];
  });
}

const round = (score: number) => Math.round(score * 10_000) / 10_000;
