// The passages an answer is built on, numbered as it will cite them.
import type { AnswerSource } from "./answer-payload.ts";
import { sourceFromChunk } from "./answer-payload.ts";
import type { AnswerResources } from "./answer-resources.ts";

/**
 * Hybrid search, or BM25's ranking when it leads by `lexicalShortcut` (scores then relative to the best
 * passage's; see `LEXICAL_SHORTCUT_MARGIN` in answer-question.ts); undefined always runs hybrid search.
 *
 * @example
 * const sources = await retrieveSources(res, "How do SLNs improve uptake?", { k: 6 });
 */
export async function retrieveSources(
  res: AnswerResources,
  question: string,
  options: { k: number; docs?: string[]; lexicalShortcut?: number },
): Promise<AnswerSource[]> {
  const results = await res.search.search(question, options);
  return results.flatMap((result, i): AnswerSource[] => {
    const chunk = res.corpus.chunk(result.id);
    const title = res.corpus.document(result.docId)?.meta.title ?? result.docId;
    return chunk ? [sourceFromChunk(chunk, i + 1, round(result.score), title)] : [];
  });
}

const round = (score: number) => Math.round(score * 10_000) / 10_000;
