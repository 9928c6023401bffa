// "Which section of the Guan review discusses quantum dots?", "Where in the Verma review are exosomes
// discussed?", "In which sections is hypoxia mentioned?": the question asks where a topic is, not what is
// said about it. Answered with the sections whose sentences name the topic, most mentions first, each cited
// by its first sentence naming it; a paper that never names it is said to.
import type { AnswerEvents, AnswerPayload, AnswerReference, AnswerSource } from "./answer-payload.ts";
import { sourceFromChunk } from "./answer-payload.ts";
import { type AnswerResources, documentLabel } from "./answer-resources.ts";
import { answerReferences, quoteSentence, type ScoredSentence } from "./extractive-answer.ts";
import { questionTerms } from "./question-terms.ts";
import { NOT_COVERED } from "./refusal.ts";
import type { IndexedSentence } from "./sentence-index.ts";
import type { Chunk } from "../types.ts";

// "which section(s)/part(s) … discuss …", "in which section …", "where in the X review … discussed", "where does
// the review discuss …": a place in a paper asked for with a verb of treating a topic (the reporting verbs of
// document-mentions.ts that name treating a topic, not citing a source).
const TREATS = String.raw`(?:discuss|discusses|discussed|cover|covers|covered|mention|mentions|mentioned|describe|describes|described|address|addresses|addressed|talk|talks|talked|deal|deals|dealt|treat|treats|treated|explain|explains|explained)`;
const ASKS_WHERE = new RegExp(
  String.raw`^\s*(?:(?:in\s+)?(?:which|what)\s+(?:sections?|parts?|chapters?)\b|where\s+(?:in\b|(?:does|do|is|are)\b(?=.*\b${TREATS}\b)))`,
  "i",
);
const FRAME_WORDS = String.raw`which what where in of the a an section sections part parts chapter chapters does do is are it they about ${TREATS.slice(3, -1).split("|").join(" ")}`.split(/\s+/);

/** Papers listed, at most (a large corpus would otherwise list every paper naming a common topic). */
const MAX_PAPERS = 5;
/** Sections listed per paper, at most. */
const MAX_SECTIONS = 5;
/** Share of the topic's weighted terms a sentence must hold to name it (a variant counts 0.7: sentence-index.ts). */
const NAMES_TOPIC = 0.7;

/** The topic a "where is X discussed" question asks about, or null when it is no such question. */
export function parseSectionLocation(question: string, namingWords: readonly string[]): string | null {
  if (!ASKS_WHERE.test(question)) return null;
  const dropped = new Set([...namingWords, ...FRAME_WORDS, "et", "al", "review", "reviews", "paper", "papers", "article", "articles"].map((word) => word.toLowerCase()));
  const words = question.replace(/[?.!]+\s*$/, "").split(/\s+/).filter(Boolean);
  const topic = words.filter((word) => !dropped.has(word.toLowerCase().replace(/['’]s$/, "").replace(/[^\p{L}\p{N}-]+/gu, ""))).join(" ").trim();
  return questionTerms(topic).size > 0 ? topic : null;
}

interface SectionHits {
  heading: string;
  sentences: { chunk: Chunk; sentence: IndexedSentence }[];
}

/**
 * The sections of `docIds` naming `topic`, listed per paper with the first naming sentence of each cited;
 * refused when no paper names it.
 *
 * @example
 * const payload = answerSectionLocation("quantum dots", ["guan2024"], true, res, {}, (cited) => entries(cited));
 */
export function answerSectionLocation(
  topic: string,
  docIds: readonly string[],
  /** The papers were named: one that never names the topic is said to (else only the papers naming it are listed). */
  named: boolean,
  res: Pick<AnswerResources, "corpus" | "sentences">,
  events: AnswerEvents,
  entries: (cited: readonly { docId: string; n: number }[]) => AnswerReference[],
): AnswerPayload & { sources: AnswerSource[] } {
  const terms = questionTerms(topic);
  // Only chunks holding a topic term (or a variant of one) can name it: the sentence index's posting lists.
  const candidates = res.sentences.chunksMentioning(terms.keys());
  const sources: AnswerSource[] = [];
  const quoted: ScoredSentence[] = [];
  const lines: string[] = [];
  let papers = 0;
  for (const docId of docIds) {
    const bySection = new Map<string, SectionHits>();
    for (const chunk of res.corpus.chunksOf(docId)) {
      if (!candidates.has(chunk.id)) continue;
      for (const sentence of res.sentences.sentencesOf(chunk.id)) {
        if (res.sentences.coverage(terms, sentence.terms) < NAMES_TOPIC) continue;
        const hits = bySection.get(chunk.section) ?? { heading: chunk.section, sentences: [] };
        hits.sentences.push({ chunk, sentence });
        bySection.set(chunk.section, hits);
      }
    }
    const label = documentLabel(res.corpus, docId);
    // Most mentions first; among equals, reading order (the map keeps it).
    const sections = [...bySection.values()].sort((a, b) => b.sentences.length - a.sentences.length).slice(0, MAX_SECTIONS);
    if (sections.length === 0) {
      if (named) lines.push(`${label} does not mention ${topic}.`);
      continue;
    }
    if (papers === MAX_PAPERS) {
      lines.push("More papers mention it; name one to see where.");
      break;
    }
    papers++;
    const places = sections.map((hits) => {
      const first = hits.sentences[0]!;
      const source = sourceFromChunk(first.chunk, sources.length + 1, 1, res.corpus.document(docId)?.meta.title ?? docId);
      sources.push(source);
      quoted.push({ source, sentence: first.sentence, coverage: 1, score: 1 });
      const count = hits.sentences.length;
      return `"${hits.heading}" (${count} sentence${count === 1 ? "" : "s"}) [${source.n}]`;
    });
    const more = bySection.size - sections.length;
    lines.push(`${label} discusses ${topic} in ${joinList(places)}${more > 0 ? `, and ${more} more section${more === 1 ? "" : "s"}` : ""}.`);
    lines.push(`In "${sections[0]!.heading}": ${quoteSentence(quoted[quoted.length - sections.length]!)}`);
  }
  const refused = sources.length === 0;
  if (refused && !named) lines.push(`The ${docIds.length === 1 ? "paper does" : "papers do"} not mention ${topic}.`);
  const answer = lines.join("\n");
  events.onSources?.(sources);
  events.onDelta?.(answer);
  return { answer, refused, ...(refused ? { reason: NOT_COVERED } : {}), mode: "extractive", sources, references: entries(answerReferences(quoted)) };
}

function joinList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
