// A question naming one paper ("What does the Guan review say about miR-21?", "Does the Guan review mention
// antagomirs?") is answered from that paper. Retrieval only prefers the named paper's passages, so when every
// sentence the answer would quote comes from another paper, the named one is read on its own: if it names the
// topic and passes the refusal check any answer passes, its own best sentences are the answer; if not, the
// answer says the named paper does not discuss it, and what the other papers say is given as such, never as
// the named paper's words.
import type { AnswerReason, AnswerSource } from "./answer-payload.ts";
import { type AnswerResources, documentLabel } from "./answer-resources.ts";
import { documentNamesTopic } from "./cross-review.ts";
import { type ExtractiveOptions, type ScoredSentence, selectSentences } from "./extractive-answer.ts";
import type { QuestionTerms } from "./question-terms.ts";

export type NamedDocumentOutcome =
  | { kind: "as-chosen" }
  | { kind: "from-named"; chosen: ScoredSentence[] }
  | { kind: "not-in-named"; lead: string; reason: AnswerReason };

/**
 * What to do with `chosen` for a question naming `named`: keep it (it quotes a named paper, or none is
 * named), quote the named paper's own sentences instead, or say the named paper does not discuss it.
 *
 * @example
 * const outcome = await answerFromNamedDocuments({ named: ["guan2024"], chosen, scored, topic, terms, res, extractive, isWeak });
 */
export async function answerFromNamedDocuments(input: {
  named: readonly string[];
  chosen: readonly ScoredSentence[];
  scored: readonly ScoredSentence[];
  /** The question without the words naming papers and sections. */
  topic: string;
  terms: QuestionTerms;
  res: Pick<AnswerResources, "sentences" | "corpus">;
  extractive?: ExtractiveOptions;
  /** The refusal check of any answer, on the named papers' sentences. */
  isWeak(scored: readonly ScoredSentence[]): Promise<boolean>;
}): Promise<NamedDocumentOutcome> {
  const { named, chosen, scored, topic, terms, res } = input;
  if (named.length === 0 || chosen.length === 0 || chosen.some((item) => named.includes(item.source.docId))) return { kind: "as-chosen" };
  const own = scored.filter((item) => named.includes(item.source.docId));
  const namesTopic = named.some((docId) => documentNamesTopic(res, docId, topic, terms));
  if (own.length > 0 && namesTopic && !(await input.isWeak(own))) return { kind: "from-named", chosen: selectSentences(own, input.extractive) };
  const labels = named.map((docId) => documentLabel(res.corpus, docId));
  const others = [...new Set(chosen.map((item) => item.source.docId))].map((docId) => documentLabel(res.corpus, docId));
  const subject = labels.join(" and ");
  const message = `${subject} ${named.length === 1 ? "does" : "do"} not discuss this.`;
  return { kind: "not-in-named", lead: `${message} ${others.join(" and ")} ${others.length === 1 ? "does" : "do"}:`, reason: { code: "not_covered", message } };
}

/**
 * A warning when an answer (a model's, in LLM mode) cites only other papers than the one the question names:
 * what it says is theirs, not the named paper's.
 *
 * @example
 * namedDocumentNotCitedWarning(["guan2024"], citedSources, corpus); // "Guan et al. (2024) is not cited: the answer comes from Verma et al. (2024)"
 */
export function namedDocumentNotCitedWarning(
  named: readonly string[],
  cited: readonly Pick<AnswerSource, "docId">[],
  corpus: AnswerResources["corpus"],
): string | undefined {
  if (named.length === 0 || cited.length === 0 || cited.some((source) => named.includes(source.docId))) return undefined;
  const labels = named.map((docId) => documentLabel(corpus, docId)).join(" and ");
  const others = [...new Set(cited.map((source) => source.docId))].map((docId) => documentLabel(corpus, docId)).join(" and ");
  return `${labels} ${named.length === 1 ? "is" : "are"} not cited: the answer comes from ${others}`;
}
