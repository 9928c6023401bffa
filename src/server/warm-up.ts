// Readies a loaded index for its first question before it is served. The embedding model loads on the
// first query it embeds, and the answer-side lookups (sentence terms, bibliography, abbreviations) are
// built on an index's first question: without this, a new server's first /api/ask took over a second
// and the first question after every reload paid for the lookups.
import type { AnswerResources } from "../answer/answer-resources.ts";
import type { LoadedIndex } from "../store/load-index.ts";
import { answerResourcesFor } from "./answerer-for.ts";

/** A short query in the corpus's language; its vector is only used to load the model. */
const WARM_UP_QUERY = "warm-up query";

/**
 * Build the index's answer lookups and, when `embedQuery` is set, load the embedding model with one
 * query. A model that fails to load is not fatal here: the question that needs it reports the error.
 *
 * @example
 * await warmUpIndex(index, { embedQuery: true }); // before app.listen
 */
export async function warmUpIndex(index: LoadedIndex, options: { embedQuery?: boolean } = {}): Promise<AnswerResources> {
  const resources = answerResourcesFor(index);
  if (options.embedQuery) await index.engine.embedQuery(WARM_UP_QUERY).catch(() => undefined);
  return resources;
}
