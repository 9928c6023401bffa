// A question that asks only what a named section says ("What does the abstract say?", "What future
// directions does the Smith review propose?") is answered with that section's leading sentences:
// there is no topic to search for, and the section's opening states what it holds.
import type { AnswerEvents, AnswerPayload, AnswerReference, AnswerSource } from "./answer-payload.ts";
import { sourceFromChunk } from "./answer-payload.ts";
import { type AnswerResources, documentLabel } from "./answer-resources.ts";
import { answerReferences, quoteSentence, type ScoredSentence } from "./extractive-answer.ts";
import { contentTerms, questionTerms, withoutWords } from "./question-terms.ts";
import { NOT_COVERED } from "./refusal.ts";
import { chunksOfHeading, documentOutline, missingSections, type SectionMention, topLevelHeadings } from "./section-mentions.ts";
import { tokenize } from "../index/tokenize.ts";

// Words that ask for a part's gist rather than a topic: reporting verbs of academic writing (Hyland 1999,
// "Academic attribution: citation and the construction of disciplinary knowledge", Applied Linguistics 20(3))
// and the nouns and adjectives of "what are its main points / key messages / contents", and the verbs of
// "what does it start / open / begin with" (its opening).
const GIST_TERMS = new Set(
  tokenize(
    "propose suggest state conclude concluded conclusion cover contain outline highlight present recommend include " +
      "write claim argue note find identify emphasize emphasise stress point points main key message messages " +
      "content contents overall general brief briefly summary summarize summarise start starts begin begins open opens opening",
  ),
);

/** Sentences quoted from each document's named section. */
export const SECTION_LEAD_SENTENCES = 3;

/**
 * True when `topicText` (the question without the words naming documents and sections) asks nothing
 * but what the section says.
 *
 * @example
 * asksOnlyForSection("What does the say?"); // true
 * asksOnlyForSection("What does the say about liposomes?"); // false
 */
export function asksOnlyForSection(topicText: string): boolean {
  return [...questionTerms(topicText).keys()].every((term) => GIST_TERMS.has(term) || contentTerms(term).length === 0);
}

/**
 * The answer quoting the first sentences of each document's first named section, citing each passage.
 *
 * @example
 * const payload = sectionLeadPayload(mention, res, events, (cited) => entries(cited));
 */
export function sectionLeadPayload(
  mention: SectionMention,
  res: Pick<AnswerResources, "corpus" | "sentences">,
  events: AnswerEvents,
  entries: (cited: readonly { docId: string; n: number }[]) => AnswerReference[],
): (AnswerPayload & { sources: AnswerSource[] }) | null {
  const sources: AnswerSource[] = [];
  const quoted: Pick<ScoredSentence, "source" | "sentence" | "contextOnly">[] = [];
  const seenDocs = new Set<string>();
  for (const { docId, heading } of mention.headings) {
    if (seenDocs.has(docId)) continue;
    seenDocs.add(docId);
    // A heading with no text of its own ("METHODS") opens with the first of the sections it holds.
    const chunks = chunksOfHeading(mention, heading, res.corpus.chunksOf(docId), (chunk) => chunk.kind === "text");
    let taken = 0;
    for (const chunk of chunks) {
      if (taken >= SECTION_LEAD_SENTENCES) break;
      const sentences = res.sentences.sentencesOf(chunk.id).slice(0, SECTION_LEAD_SENTENCES - taken);
      if (sentences.length === 0) continue;
      const title = res.corpus.document(docId)?.meta.title ?? docId;
      const source = sourceFromChunk(chunk, sources.length + 1, 1, title);
      sources.push(source);
      for (const sentence of sentences) quoted.push({ source, sentence });
      taken += sentences.length;
    }
  }
  if (quoted.length === 0) return null;
  events.onSources?.(sources);
  const parts = quoted.map(quoteSentence);
  for (const [i, part] of parts.entries()) events.onDelta?.(i === 0 ? part : ` ${part}`);
  return { answer: parts.join(" "), refused: false, mode: "extractive", references: entries(answerReferences(quoted as ScoredSentence[])), sources };
}

type SectionPayload = AnswerPayload & { sources: AnswerSource[] };

/**
 * The answer to a question that asks only what a section says: the named sections' opening, or, when
 * the one document it names prints no heading for the part asked ("the conclusion" of a review ending
 * in "7 Challenges"), a refusal saying so, with its last section as the passage to judge. Null when the
 * question asks about a topic too (it is then searched, preferring the named sections).
 *
 * @example
 * const payload = sectionOnlyAnswer({ question, sections, namedDocuments, topic, res, events, entries });
 */
export function sectionOnlyAnswer(input: {
  question: string;
  sections: SectionMention | null;
  namedDocuments: readonly string[];
  /** The question without the words naming documents and sections. */
  topic: (text: string) => string;
  res: Pick<AnswerResources, "corpus" | "sentences">;
  events: AnswerEvents;
  entries: (cited: readonly { docId: string; n: number }[]) => AnswerReference[];
}): SectionPayload | null {
  const { question, sections, namedDocuments, topic, res, events } = input;
  if (sections) return asksOnlyForSection(topic(question)) ? sectionLeadPayload(sections, res, events, input.entries) : null;
  if (namedDocuments.length === 0) return null;
  const missing = namedDocuments.length === 1 ? missingSections(question, res.corpus.chunksOf(namedDocuments[0]!), true, documentOutline(res.corpus, namedDocuments)) : [];
  // "What does the miRNA review say?": no part and no topic asked, so the paper's opening (its abstract) says what it holds.
  if (missing.length === 0) return asksOnlyForSection(topic(question)) ? openingPayload(namedDocuments, res, events, input.entries) : null;
  const docId = namedDocuments[0]!;
  const chunks = res.corpus.chunksOf(docId);
  if (!asksOnlyForSection(withoutWords(topic(question), missing.flatMap((phrase) => phrase.split(" "))))) return null;
  const topLevel = topLevelHeadings(chunks);
  const last = chunks.filter((chunk) => chunk.section === topLevel.at(-1) && chunk.kind === "text")[0];
  const title = res.corpus.document(docId)?.meta.title ?? docId;
  const sources = last ? [sourceFromChunk(last, 1, 1, title)] : [];
  const answer =
    `${documentLabel(res.corpus, docId)} prints no section headed as its ${missing[0]!.toLowerCase()}. ` +
    `Its sections are: ${topLevel.join("; ")}.` +
    (last ? ` Its last section, "${last.section}" [1], is listed as a source for you to judge.` : "");
  events.onSources?.(sources);
  events.onDelta?.(answer);
  return { answer, refused: true, reason: NOT_COVERED, mode: "extractive", references: [], sources };
}

/** Each named document's first section of running text (its abstract, as a rule), quoted as a section lead. */
function openingPayload(
  docIds: readonly string[],
  res: Pick<AnswerResources, "corpus" | "sentences">,
  events: AnswerEvents,
  entries: (cited: readonly { docId: string; n: number }[]) => AnswerReference[],
): SectionPayload | null {
  const headings = docIds.flatMap((docId) => {
    const first = res.corpus.chunksOf(docId).find((chunk) => chunk.kind === "text" && res.sentences.sentencesOf(chunk.id).length > 0);
    return first ? [{ docId, heading: first.section }] : [];
  });
  return headings.length ? sectionLeadPayload({ headings, chunkIds: [], words: [] }, res, events, entries) : null;
}

/**
 * A warning when the sentences an answer quotes all come from outside the sections the question
 * names ("What does the abstract say about X?" answered from section 3): the reader is told the
 * named sections do not say it.
 *
 * @example
 * sectionNotQuotedWarning(sections, chosen, corpus); // 'The Abstract of Lee et al. (2019) does not say this; answered from other passages'
 */
export function sectionNotQuotedWarning(
  sections: SectionMention | null,
  chosen: readonly Pick<ScoredSentence, "source">[],
  corpus: AnswerResources["corpus"],
): string | undefined {
  if (!sections || chosen.length === 0 || chosen.some((item) => sections.chunkIds.includes(item.source.id))) return undefined;
  const named = sections.headings.map(({ docId, heading }) => `"${heading}" of ${documentLabel(corpus, docId)}`).join(", ");
  return `The section asked (${named}) does not say this; answered from other passages`;
}
