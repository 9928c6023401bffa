// Follow-ups ("how well did it work?") rewritten into standalone questions before retrieval.
// Extractive mode carries the key entities of the previous turns; LLM mode asks the model.
import { HumanMessage } from "@langchain/core/messages";
import type { ChatTurn } from "./answer-payload.ts";
import { type ChatModelLike, type LlmDeadline, streamCompletion } from "./chat-model.ts";
import { fillPrompt, loadPrompt } from "./prompt-templates.ts";
import type { DocumentMentions } from "../retrieve/document-mentions.ts";
import { contentTerms, isStopword, withoutWords } from "./question-terms.ts";
import type { SentenceIndex } from "./sentence-index.ts";

export interface CondensedQuestion {
  /** The question to retrieve with: the follow-up plus what it refers to. */
  question: string;
  /** Words carried over from earlier turns ("" when the question stands alone). */
  carried: string;
}

// Words that lean on an earlier turn for their meaning.
const ANAPHOR =
  /\b(it|its|it's|they|them|their|theirs|this|that|these|those|he|she|his|her|there|such|same|former|latter|above|aforementioned)\b|^\s*(and|also|what about|how about|then)\b/i;
// Pronouns that point back at an earlier subject (a follow-up without one names its own: "And what about X?").
const POINTS_BACK = /\b(?:it|its|they|them|their|this|that|these|those)\b/i;

/** Does the question point back at an earlier subject ("What do they target?") rather than name its own? */
export function pointsBack(question: string): boolean {
  return POINTS_BACK.test(question);
}
// "Tell me more", "What else?", "Go on": the follow-up asks for what the previous answer did not say.
const MORE = /^\s*(?:(?:can you |could you |please )?(?:tell me|say|give me|show me) (?:a (?:bit|little) )?more\b|more (?:details?|on (?:that|this|it))\b|what else\b|anything else\b|go on\b|continue\b|(?:please )?elaborate\b|expand on (?:that|this|it)\b)/i;

/** Does the follow-up ask for more than the previous answer said ("Tell me more", "What else does it say?")? */
export function asksForMore(question: string): boolean {
  return MORE.test(question);
}

/** The alphanumerics of a sentence's opening: how an answer's quote of it is recognised, markers and spacing aside. */
function opening(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, "").toLowerCase().slice(0, 40);
}

/** Was a sentence already quoted in `answer` (an earlier turn's answer)? */
export function alreadyQuoted(sentence: string, answer: string): boolean {
  const head = opening(sentence);
  return head.length >= 20 && answer.replace(/[^\p{L}\p{N}]+/gu, "").toLowerCase().includes(head);
}

/** The paper the latest user turn naming exactly one paper named, if any (a later turn naming several ends the search). */
export function lastNamedPaper(history: readonly ChatTurn[], mentions: Pick<DocumentMentions, "find">, inScope: (docId: string) => boolean = () => true): string | undefined {
  for (const turn of [...history].reverse()) {
    if (turn.role !== "user") continue;
    const named = mentions.find(turn.content).filter(inScope);
    if (named.length === 1) return named[0];
    if (named.length > 1) return undefined;
  }
  return undefined;
}

// "it" as the subject of a reporting verb ("What does it say about liposomes?", "Does it mention exosomes?") is
// the paper being discussed, not the previous subject: the reporting verbs of document-mentions.ts's core list.
const PAPER_PRONOUN = /\bit(?=\s+(?:say|says|said|mention|mentions|mentioned|report|reports|reported|write|writes|wrote|discuss|discusses|discussed|describe|describes|described|state|states|stated|suggest|suggests|suggested|claim|claims|claimed|conclude|concludes|concluded|cover|covers|covered|propose|proposes|proposed|cite|cites|cited)\b)/i;

/**
 * A follow-up whose "it" is the paper an earlier turn named, with the paper's label in its place, so that it is
 * read as naming that paper ("What does it say about liposomes?" → "What does Guan et al. (2024) say about
 * liposomes?"); the question unchanged otherwise, or when the question names a paper itself.
 *
 * @example
 * resolvePaperPronoun("Does it mention exosomes?", history, mentions, (id) => documentLabel(corpus, id));
 */
export function resolvePaperPronoun(
  question: string,
  history: readonly ChatTurn[] | undefined,
  mentions: Pick<DocumentMentions, "find">,
  label: (docId: string) => string,
  inScope?: (docId: string) => boolean,
): string {
  if (!history?.length || !PAPER_PRONOUN.test(question) || mentions.find(question).length > 0) return question;
  const paper = lastNamedPaper(history, mentions, inScope);
  return paper ? question.replace(PAPER_PRONOUN, label(paper)) : question;
}

/** Most words carried from the previous question, and from the previous answer. */
const MAX_FROM_QUESTION = 6;
const MAX_FROM_ANSWER = 3;

const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}/+.-]*[\p{L}\p{N}+])?/gu;
// Names of drugs, genes, trials and constructs: inner capitals, digits or hyphens (miR-21, PMA, pHSL-TS-DOX, NCT04305496).
const ENTITY_LIKE = /^(?=.*[\p{L}])(?:.+[\p{Lu}\d-].*|[\p{Lu}]{2,}.*)$/u;

function stripMarkers(text: string): string {
  return text.replace(/\s*\[\d[\d,\s–-]*\]/g, "");
}

/** Does the question lean on earlier turns? */
export function isFollowUp(question: string): boolean {
  return ANAPHOR.test(question) || contentTerms(question).length <= 1;
}

/** Words of `text` worth carrying: entity-like names first, then the rarest content words. */
function keyWords(text: string, sentences: SentenceIndex, max: number, entitiesOnly: boolean): string[] {
  const seen = new Set<string>();
  const candidates: { word: string; entity: boolean; weight: number; position: number }[] = [];
  for (const [position, match] of [...stripMarkers(text).matchAll(WORD)].entries()) {
    const word = match[0].replace(/[.]+$/, "");
    const key = word.toLowerCase();
    if (seen.has(key) || isStopword(word) || word.length < 3) continue;
    seen.add(key);
    const entity = ENTITY_LIKE.test(word) && !(position === 0 && /^\p{Lu}\p{Ll}+$/u.test(word));
    if (entitiesOnly && !entity) continue;
    const terms = contentTerms(word);
    if (terms.length === 0) continue;
    const weight = Math.max(...terms.map((term) => sentences.idf(term)));
    candidates.push({ word, entity, weight, position });
  }
  return candidates
    .sort((a, b) => Number(b.entity) - Number(a.entity) || b.weight - a.weight)
    .slice(0, max)
    .sort((a, b) => a.position - b.position)
    .map((c) => c.word);
}

/** The text without the words naming a document ("the Verma review", "Guan et al.", "the miRNA review"). */
function withoutDocumentNames(text: string, mentions: DocumentMentions): string {
  return withoutWords(mentions.withoutNamingTitles(text), mentions.namingWords(text));
}

/**
 * Extractive condensing: walk the conversation, and whenever a user turn leans on the one before,
 * carry that turn's key entities (and names from the answer it got) into it. A turn naming a paper of its
 * own ("Is that in the Guan review too?") carries the topic, not the paper the turn before named (given
 * `mentions`): that turn asked about another paper.
 *
 * @example
 * condenseFollowUp("How well did it work in mice?", [
 *   { role: "user", content: "Which nanocomplex did Yin and colleagues design to silence Akt?" },
 *   { role: "assistant", content: "A micelle/siAkt nanocomplex (PMA) [1]." },
 * ], sentences); // { question: "How well did it work in mice? (Yin nanocomplex silence Akt PMA)", carried: "Yin nanocomplex silence Akt PMA" }
 */
export function condenseFollowUp(question: string, history: readonly ChatTurn[] | undefined, sentences: SentenceIndex, mentions?: DocumentMentions): CondensedQuestion {
  let previous: { own: string; carried: string; answer: string } | undefined;
  const turns = [...(history ?? []), { role: "user" as const, content: question }];
  let result: CondensedQuestion = { question, carried: "" };
  for (const [i, turn] of turns.entries()) {
    if (turn.role !== "user") continue;
    const standalone = i === turns.length - 1 ? question : turn.content;
    let carried = "";
    if (previous && isFollowUp(standalone)) {
      // The previous turn's own words, and what it carried only when it pointed back itself: after "And what about
      // liposomes?" (which carried solid lipid nanoparticles), "Are they toxic?" asks about liposomes.
      const namesItsOwn = mentions !== undefined && mentions.find(standalone).length > 0;
      const earlier = namesItsOwn ? withoutDocumentNames(previous.own, mentions) : previous.own;
      const fromOwn = keyWords(earlier, sentences, MAX_FROM_QUESTION, false);
      // "Tell me more" points back at the whole subject, as a pronoun does.
      const chains = pointsBack(previous.own) || asksForMore(previous.own);
      const fromCarried = chains ? keyWords(previous.carried, sentences, MAX_FROM_QUESTION - fromOwn.length, false) : [];
      // The names in the answer the other paper gave (its constructs, its trials) are not what this paper is asked about,
      // nor are an answer's names what "Tell me more" asks about: they are what was already said.
      const fromAnswer = namesItsOwn || asksForMore(standalone) ? [] : keyWords(previous.answer, sentences, MAX_FROM_ANSWER, true);
      const words = [...fromOwn, ...fromCarried, ...fromAnswer];
      const own = new Set(contentTerms(standalone));
      carried = [...new Set(words)].filter((w) => !contentTerms(w).every((t) => own.has(t))).join(" ");
    }
    result = { question: carried ? `${standalone} (${carried})` : standalone, carried };
    const answer = turns[i + 1]?.role === "assistant" ? turns[i + 1]!.content : "";
    previous = { own: standalone, carried: result.carried, answer };
  }
  return result;
}

function formatHistory(history: readonly ChatTurn[]): string {
  return history
    .slice(-6)
    .map((turn) => `${turn.role === "user" ? "User" : "Assistant"}: ${stripMarkers(turn.content).trim()}`)
    .join("\n");
}

/** LLM condensing with prompts/condense-question.md; questions that stand alone skip the call. */
export async function condenseWithLlm(
  question: string,
  history: readonly ChatTurn[] | undefined,
  model: ChatModelLike,
  deadline: LlmDeadline,
): Promise<CondensedQuestion> {
  if (!history?.length || !isFollowUp(question)) return { question, carried: "" };
  const prompt = fillPrompt(loadPrompt("condense-question.md"), { history: formatHistory(history), question });
  const rewritten = (await streamCompletion(model, [new HumanMessage(prompt)], deadline))
    .trim()
    .replace(/^standalone question:\s*/i, "")
    .replace(/^["“]|["”]$/g, "")
    .trim();
  // An empty or runaway rewrite is worse than the question as asked.
  if (!rewritten || rewritten.length > 4 * question.length + 400) return { question, carried: "" };
  return { question: rewritten, carried: "" };
}
