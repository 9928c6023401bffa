// Is there enough support to answer? Gathers refusal.ts's signals for one question over its scored
// sentences: lexical coverage, names, topic words and a yes/no question's subject the corpus never prints, and (only when coverage is
// thin) the dense similarity of the nearest passage; the dense probes reuse the engine's cached vectors.
import type { AnswerResources } from "./answer-resources.ts";
import type { ScoredSentence } from "./extractive-answer.ts";
import type { QuestionTerms } from "./question-terms.ts";
import {
  REFUSAL_THRESHOLDS,
  type RefusalThresholds,
  foreignBodyParts,
  foreignModifiers,
  foreignNames,
  foreignSubject,
  foreignTopicWords,
  isEvidenceTooWeak,
  paraphraseTerms,
  weighParaphrase,
} from "./refusal.ts";

export interface EvidenceQuestion {
  /** The question as asked: its words are read for names and topics. */
  question: string;
  /** The text searched (condensed, abbreviations expanded): embedded for the dense probe. */
  searchText: string;
  terms: QuestionTerms;
  scored: readonly ScoredSentence[];
  docs: string[] | undefined;
}

/**
 * Too little support to answer (see refusal.ts).
 *
 * @example
 * if (await isEvidenceWeak(res, { question, searchText, terms, scored, docs })) return refusal;
 */
export async function isEvidenceWeak(res: AnswerResources, input: EvidenceQuestion, thresholds: RefusalThresholds = REFUSAL_THRESHOLDS): Promise<boolean> {
  const { question, terms, scored, docs } = input;
  const nearestCosine = async (word: string) => (await res.search.search(word, { k: 1, docs, mode: "dense" }))[0]?.score ?? 0;
  const coverageOf = (weighed: QuestionTerms) => Math.max(0, ...scored.map((s) => res.sentences.coverage(weighed, s.sentence.terms)));
  const lexicalCoverage = coverageOf(terms);
  const names = foreignNames(question, res.sentences, res.citedVocabulary);
  // Topic words decide only below their coverage bar: above it no word is embedded for them.
  const foreignTopics =
    lexicalCoverage < thresholds.minCoverageWithForeignTopic
      ? await foreignTopicWords(question, res.sentences, res.citedVocabulary, names, nearestCosine, thresholds.foreignTopicSimilarity)
      : [];
  // Dense similarity decides only below `minCoverageWhenDistant`: above it the question is not embedded for it.
  const denseDecides = terms.size > 0 && lexicalCoverage < thresholds.minCoverageWhenDistant;
  const nearest = denseDecides ? await res.search.search(input.searchText, { k: 1, docs, mode: "dense" }) : [];
  const denseSimilarity = denseDecides ? (nearest[0]?.score ?? 0) : 1;
  // A question naming nothing foreign, refused only for thin coverage: its everyday words the corpus
  // never prints are paraphrase and stop outweighing its known terms (refusal.ts, `paraphraseTerms`).
  let sentenceCoverage = lexicalCoverage;
  const thin = lexicalCoverage < thresholds.minCoverage || (denseDecides && denseSimilarity < thresholds.minSimilarity);
  if (thin && names.length === 0 && foreignTopics.length === 0) {
    const paraphrase = await paraphraseTerms(question, terms, res.sentences, res.citedVocabulary, nearestCosine, thresholds.paraphraseSimilarity);
    sentenceCoverage = Math.max(lexicalCoverage, coverageOf(weighParaphrase(terms, paraphrase, res.sentences)));
  }
  return isEvidenceTooWeak(
    {
      sentenceCoverage,
      denseSimilarity,
      foreignNames: names,
      foreignTopics,
      foreignModifiers: foreignModifiers(question, res.sentences, res.citedVocabulary),
      foreignBodyParts: foreignBodyParts(question, res.sentences, res.citedVocabulary),
      foreignSubject: foreignSubject(question, res.sentences, res.citedVocabulary),
    },
    thresholds,
  );
}
