// The answering pipeline: citation lookups first (deterministic), else condense a follow-up,
// retrieve, check the evidence, then write — with the LLM when one is configured (falling back to
// extractive on failure or timeout), else extractively.
import { ReviewChatError } from "../errors.ts";
import {
  type AnswerEvents,
  type AnswerMode,
  type AnswerPayload,
  type AnswerReason,
  type AnswerReference,
  type AnswerSource,
  type AskRequest,
  referenceEntries,
} from "./answer-payload.ts";
import { type AnswerResources, documentLabel } from "./answer-resources.ts";
import { type ChatModelLike, type LlmConfig, LlmDeadline, createChatModel, llmFailureReason } from "./chat-model.ts";
import { invalidMarkerWarning, referencesForCitedClaims, sanitizeCitationMarkers } from "./citation-markers.ts";
import { answerCitationLookup } from "./citation-lookup.ts";
import { parseCitationLookup } from "./citation-lookup-intent.ts";
import { alreadyQuoted, asksForMore, condenseFollowUp, condenseWithLlm, pointsBack, resolvePaperPronoun } from "./condense-question.ts";
import { answerAcrossReviews } from "./cross-review.ts";
import { answerDocumentFacts } from "./document-facts.ts";
import { type EvidenceQuestion, isEvidenceWeak } from "./evidence-check.ts";
import { type ExtractiveOptions, answerReferences, quoteSentence, scoreSentences, selectSentences } from "./extractive-answer.ts";
import { generateLlmAnswer } from "./llm-answer.ts";
import { inPapersTerms, printedIn } from "./plain-language.ts";
import { balanceCarried, contentTerms, questionTerms, withoutWords } from "./question-terms.ts";
import { NOT_COVERED, REFUSAL_ANSWER, REFUSAL_THRESHOLDS, type RefusalThresholds } from "./refusal.ts";
import { requestedValue } from "./requested-value.ts";
import { corpusValueEvidence, preferReportedValues, quotesValue, valueNotReportedPayload } from "./value-not-reported.ts";
import { retrieveSources } from "./retrieve-sources.ts";
import { answerFromNamedDocuments, namedDocumentNotCitedWarning } from "./named-document-answer.ts";
import { sectionNotQuotedWarning, sectionOnlyAnswer } from "./section-answer.ts";
import { answerSectionLocation, parseSectionLocation } from "./section-location.ts";
import { sectionsAsked, withPartsAsPaper } from "./section-mentions.ts";

export const DEFAULT_K = 6;

/**
 * "Tell me more" is answered from sentences the previous answer did not quote when the best of them scores at
 * least this share of the best sentence's score; else the reviews have nothing more on it (NOTHING_MORE).
 */
const MORE_MIN_SHARE = 0.4;
const NOTHING_MORE: AnswerReason = { code: "not_covered", message: "The reviews say nothing more on this than the earlier answers quoted." };

/**
 * When BM25's best passage leads its second by this share of its score, the answer is built on
 * BM25's ranking without embedding the question (the dense part of hybrid search weighs 0.2 and
 * the embedding is nearly all of a first-time answer's time). On the dev set 0.2 leaves 57 of 160
 * distinct questions unembedded (the refusal check still embeds some that skip hybrid search); two
 * answers cite differently, precision 0.737 → 0.736 (BENCHMARKS.md).
 */
export const LEXICAL_SHORTCUT_MARGIN = 0.2;

export interface AnswererOptions {
  /** LLM settings (from `loadConfig().llm`); extractive only when absent or not enabled. */
  llm?: LlmConfig;
  /** A ready chat model, instead of one built from `llm` (needs `llm.timeoutMs` all the same). */
  model?: ChatModelLike;
  extractive?: ExtractiveOptions;
  refusal?: RefusalThresholds;
  /** See `LEXICAL_SHORTCUT_MARGIN`; `Infinity` always runs hybrid search. */
  lexicalShortcutMargin?: number;
}

function isLlmFailure(error: unknown): error is ReviewChatError {
  return ReviewChatError.isInstance(error) && error.code === "llm_failed";
}

/**
 * Answers questions over one loaded index: build it once per index (the precomputed parts live in
 * `AnswerResources`) and call `answer` per request.
 *
 * @example
 * const answerer = new Answerer(createAnswerResources(index.corpus, index.engine), { llm: config.llm });
 * const payload = await answerer.answer({ question: "How do SLNs improve docetaxel uptake?" });
 */
export class Answerer {
  readonly mode: AnswerMode;
  private readonly model?: ChatModelLike;
  private readonly timeoutMs: number;

  constructor(
    readonly res: AnswerResources,
    private readonly options: AnswererOptions = {},
  ) {
    const enabled = Boolean(options.model || options.llm?.enabled);
    this.model = enabled ? (options.model ?? createChatModel(options.llm!)) : undefined;
    this.mode = this.model ? "llm" : "extractive";
    this.timeoutMs = options.llm?.timeoutMs ?? 20_000;
  }

  async answer(asked: AskRequest, events: AnswerEvents = {}): Promise<AnswerPayload> {
    // "fat bubbles" is read as the papers' "liposomes" (plain-language.ts) by every step below.
    // "What does it say about X?" after a turn naming the Guan review is asked of that review (condense-question.ts).
    const inScope = (docId: string) => !asked.docs?.length || asked.docs.includes(docId);
    const resolved = resolvePaperPronoun(asked.question, asked.history, this.res.mentions, (docId) => documentLabel(this.res.corpus, docId), inScope);
    const request = { ...asked, question: inPapersTerms(resolved, printedIn(this.res.sentences)) };
    const { signal } = events;
    signal?.throwIfAborted();
    const k = request.k ?? DEFAULT_K;

    // A question about a paper itself ("Who wrote the Verma review?"): answered from its record (document-facts.ts).
    const facts = answerDocumentFacts(request.question, this.res, request.docs, request.history ?? []);
    if (facts) {
      events.onSources?.(facts.sources);
      events.onDelta?.(facts.answer);
      return { ...facts, mode: "extractive" };
    }

    // "Which section of the Guan review discusses quantum dots?": where a topic is, not what is said of it (section-location.ts).
    const located = parseSectionLocation(request.question, this.res.mentions.namingWords(request.question));
    if (located) {
      const named = this.res.mentions.find(request.question).filter((id) => !request.docs?.length || request.docs.includes(id));
      const scope = named.length ? named : (request.docs?.length ? request.docs : this.res.corpus.documents.map((doc) => doc.meta.id));
      return answerSectionLocation(located, scope, named.length > 0, this.res, events, (cited) => this.entries(cited));
    }

    const intent = parseCitationLookup(request.question);
    if (intent) {
      const lookup = await answerCitationLookup(intent, request.question, this.res, { docs: request.docs, k, history: request.history });
      // "Do both reviews mention olaparib?": a name no reference list holds but the texts print is a topic, not an author.
      const topicNotAuthor = intent.kind === "author" && lookup?.refused && contentTerms(intent.author).some((term) => this.res.sentences.knows(term));
      if (lookup && !topicNotAuthor) {
        events.onSources?.(lookup.sources);
        events.onDelta?.(lookup.answer);
        return { ...lookup, ...(lookup.refused ? { reason: NOT_COVERED } : {}), mode: "extractive" };
      }
    }

    const warnings: string[] = [];
    let llmUsable = Boolean(this.model);
    const llmFailed = (error: unknown) => {
      if (!isLlmFailure(error)) throw error;
      llmUsable = false;
      events.onLlmFallback?.(llmFailureReason(error));
      warnings.push(`${error.message}; answered extractively instead`);
    };
    const finish = (payload: Omit<AnswerPayload, "sources" | "warnings">, sources: AnswerSource[]): AnswerPayload => ({
      ...payload,
      sources,
      ...(warnings.length ? { warnings } : {}),
    });

    const question = request.question;
    let condensed = condenseFollowUp(question, request.history, this.res.sentences, this.res.mentions);
    if (this.model && request.history?.length) {
      condensed = await condenseWithLlm(question, request.history, this.model, this.deadline(signal)).catch((error: unknown) => {
        llmFailed(error);
        return condensed;
      });
    }
    signal?.throwIfAborted();

    const docs = request.docs?.length ? request.docs : undefined;
    const requested = requestedValue(condensed.carried ? condensed.question : request.question, (term) =>
      this.res.sentences.knows(term) ? this.res.sentences.idf(term) : 0,
    );
    // Cross-review hook: a question about several reviews ("what do both reviews say about …") is
    // answered review by review (cross-review.ts), with this answerer's retrieval and refusal check.
    const acrossReviews = await answerAcrossReviews(condensed.question, {
      res: this.res,
      docs,
      k,
      extractive: this.options.extractive,
      events,
      retrieve: (text, ids, n) => this.retrieve(text, ids, n, true),
      evidenceIsWeak: (text, terms, scored, ids) => this.evidenceIsWeak({ question: text, searchText: text, terms, scored, docs: ids }),
      warn: (message) => warnings.push(message),
      references: (cited) => this.entries(cited),
      llm: this.model && llmUsable ? { model: this.model, deadline: () => this.deadline(signal), onFailure: llmFailed } : undefined,
      // A value no passage about the entity prints, in any review, is declined before the reviews are read one by one.
      declineBeforeAnswering: () => (requested ? valueNotReportedPayload(requested, corpusValueEvidence(this.res, requested, [], docs), events, true) : null),
    });
    if (acrossReviews) return finish(acrossReviews, acrossReviews.sources);
    // End of the cross-review hook.

    // A question naming a review ("the nanomaterials review") is answered from it first.
    const namedDocuments = docs ? [] : this.res.mentions.find(withPartsAsPaper(question));
    // Hybrid search boosts a named review's passages; BM25 alone would not.
    // "Is TNBC …" is searched as "Is triple-negative breast cancer (TNBC) …" where the documents define
    // it so: the embedding knows no paper's abbreviations. Sentences already read their document's
    // definitions, so they are scored against the question as asked (a long form added to it would
    // weigh its concept twice).
    // Title words naming a review ("the nanomaterials review") say which paper, not what about: neither searched nor weighed.
    const withoutTitles = (text: string) => (namedDocuments.length > 0 ? this.res.mentions.withoutNamingTitles(text) : text);
    const searchText = this.res.abbreviations.expandQuestion(withoutTitles(condensed.question));
    // The words naming a review ("the Guan paper") or its sections ("the abstract", section-mentions.ts) say which
    // part is asked, not what about: the topic is weighed without them; a question asking nothing else gets the section's opening.
    const namingWords = namedDocuments.length > 0 ? this.res.mentions.namingWords(`${withPartsAsPaper(question)} ${condensed.question}`) : [];
    const sections = sectionsAsked(question, this.res.corpus, namedDocuments, docs);
    const topic = (text: string) => withoutWords(withoutTitles(text), [...namingWords, ...(sections?.words ?? [])]);
    const lead = condensed.carried ? null : sectionOnlyAnswer({ question, sections, namedDocuments, topic, res: this.res, events, entries: (cited) => this.entries(cited) });
    if (lead) return finish(lead, lead.sources);
    const sources = await this.retrieve(searchText, docs, k, namedDocuments.length === 0 && !sections, sections?.chunkIds);
    events.onSources?.(sources);
    signal?.throwIfAborted();
    // A follow-up naming a new subject ("And what about liposomes?") is about it, not what was carried; one that
    // points back ("What do they target?") is about what it points at, so the carried terms keep their weight.
    const carriedTerms = () => questionTerms(topic(question), condensed.carried);
    const terms = condensed.carried
      ? pointsBack(question) ? carriedTerms() : balanceCarried(carriedTerms(), (term) => this.res.sentences.idf(term))
      : questionTerms(topic(condensed.question));
    // Sentences are ranked by meaning as well as words (the question's similarity to each source's sentence
    // windows) when hybrid search embedded the question; after a lexical shortcut, by words alone.
    const ids = sources.map((source) => source.id);
    const windowSimilarities = await this.res.search.windowSimilarities?.(searchText, ids, { searchedOnly: true }).catch(() => undefined);
    let scored = scoreSentences(question, terms, sources, this.res.sentences, { ...this.options.extractive, namedDocuments, namedSectionChunks: sections?.chunkIds ?? [], windowSimilarities });

    // --- "Not reported" (value-not-reported.ts): a value asked of an entity the sources discuss but print none of.
    // Checked before the LLM is called, so both modes decline alike; before the coverage check, which would
    // decline some of these too, but without saying what is missing.
    const evidence = requested && corpusValueEvidence(this.res, requested, sources, docs);
    if (requested && evidence?.status === "not-reported" && !quotesValue(requested, selectSentences(scored, this.options.extractive), this.res.sentences)) {
      const notReported = valueNotReportedPayload(requested, evidence, events);
      if (notReported) return finish(notReported, notReported.sources);
    }
    if (evidence?.status === "reported") scored = preferReportedValues(scored, evidence.sentences);
    // --- end "not reported"

    if (sources.length === 0 || (await this.evidenceIsWeak({ question: topic(question), searchText, terms, scored, docs }))) {
      events.onDelta?.(REFUSAL_ANSWER);
      return finish({ answer: REFUSAL_ANSWER, refused: true, reason: NOT_COVERED, mode: "extractive", references: [] }, sources);
    }

    if (this.model && llmUsable) {
      try {
        const llm = await generateLlmAnswer({
          question: condensed.question,
          sources,
          label: (docId) => documentLabel(this.res.corpus, docId),
          model: this.model,
          deadline: this.deadline(signal),
          onDelta: events.onDelta,
        });
        if (llm.invalid.length) warnings.push(invalidMarkerWarning(llm.invalid, sources.length));
        if (llm.refused) return finish({ answer: REFUSAL_ANSWER, refused: true, reason: NOT_COVERED, mode: "llm", references: [] }, sources);
        if (!/\[\d/.test(llm.text)) warnings.push("The language model cited no source");
        // As for an extractive answer: the model citing only passages outside the sections asked is said so.
        const citedSources = sanitizeCitationMarkers(llm.text, sources.length).cited.flatMap((n) => sources.filter((source) => source.n === n));
        const outsideSectionsCited = citedSources.length ? sectionNotQuotedWarning(sections, citedSources.map((source) => ({ source })), this.res.corpus) : undefined;
        if (outsideSectionsCited) warnings.push(outsideSectionsCited);
        // As for an extractive answer: a model citing only other papers than the one named is said so.
        const otherPapersCited = namedDocumentNotCitedWarning(docs ? [] : namedDocuments, citedSources, this.res.corpus);
        if (otherPapersCited) warnings.push(otherPapersCited);
        const cited = referencesForCitedClaims(llm.text, sources, this.res.sentences);
        return finish({ answer: llm.text, refused: false, mode: "llm", references: this.entries(cited) }, sources);
      } catch (error) {
        llmFailed(error);
      }
    }

    // "Tell me more": what earlier answers quoted is not said again; when nothing else comes near it, that is said.
    const previousAnswers = (request.history ?? []).filter((turn) => turn.role === "assistant").map((turn) => turn.content).join("\n");
    if (previousAnswers && asksForMore(question)) {
      const unsaid = scored.filter((item) => !alreadyQuoted(item.sentence.sentence.text, previousAnswers));
      if (!unsaid.length || unsaid[0]!.score < MORE_MIN_SHARE * scored[0]!.score) {
        events.onDelta?.(NOTHING_MORE.message);
        return finish({ answer: NOTHING_MORE.message, refused: true, reason: NOTHING_MORE, mode: "extractive", references: [] }, sources);
      }
      scored = unsaid;
    }
    let chosen = selectSentences(scored, this.options.extractive);
    // A question naming a paper is answered from it, or says that paper does not discuss it (named-document-answer.ts).
    const named = await answerFromNamedDocuments({
      named: docs ? [] : namedDocuments,
      chosen,
      scored,
      topic: topic(question),
      terms,
      res: this.res,
      extractive: this.options.extractive,
      isWeak: (own) => this.evidenceIsWeak({ question: topic(question), searchText, terms, scored: own, docs: [...namedDocuments] }),
    });
    if (named.kind === "from-named") chosen = named.chosen;
    const outsideSections = sectionNotQuotedWarning(sections, chosen, this.res.corpus);
    if (outsideSections) warnings.push(outsideSections);
    const parts = [...(named.kind === "not-in-named" ? [named.lead] : []), ...chosen.map(quoteSentence)];
    for (const [i, part] of parts.entries()) events.onDelta?.(i === 0 ? part : ` ${part}`);
    const cited = answerReferences(chosen);
    const declined = named.kind === "not-in-named" ? { refused: true, reason: named.reason } : { refused: false };
    return finish({ answer: parts.join(" "), ...declined, mode: "extractive", references: this.entries(cited) }, sources);
  }

  /**
   * Each model call gets LLM_TIMEOUT_MS of its own, counted from when it starts (not from the
   * request, whose first question may spend a second loading the embedding model).
   */
  private deadline(signal?: AbortSignal): LlmDeadline {
    return new LlmDeadline(this.timeoutMs, signal);
  }

  /** Too little support to answer (evidence-check.ts), with this answerer's thresholds. */
  private evidenceIsWeak(input: EvidenceQuestion): Promise<boolean> {
    return isEvidenceWeak(this.res, input, this.options.refusal ?? REFUSAL_THRESHOLDS);
  }

  /** The retrieved passages, numbered as the answer will cite them (retrieve-sources.ts). */
  private retrieve(question: string, docs: string[] | undefined, k: number, shortcutAllowed: boolean, prefer?: string[]): Promise<AnswerSource[]> {
    const margin = this.options.lexicalShortcutMargin ?? LEXICAL_SHORTCUT_MARGIN;
    const lexicalShortcut = shortcutAllowed && Number.isFinite(margin) ? margin : undefined;
    return retrieveSources(this.res, question, { k, docs, lexicalShortcut, prefer });
  }

  /** Resolve (docId, n) pairs to this corpus's entries (answer-payload.ts, `referenceEntries`). */
  private entries(cited: readonly { docId: string; n: number }[]): AnswerReference[] {
    return referenceEntries((docId, n) => this.res.corpus.reference(docId, n), cited);
  }
}
