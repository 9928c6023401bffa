// Which sections of a paper a question names ("the abstract", "the Verma review's conclusions",
// "future directions", "section 3.2", "the section on liposomes", "the liposomes section"), matched
// against the headings the paper actually prints: a section a paper lacks is never invented.
import { tokenize } from "../index/tokenize.ts";
import type { Corpus } from "../store/corpus.ts";
import type { Chunk } from "../types.ts";

/**
 * The parts papers share, as users name them and as headings print them. From IMRaD (ICMJE
 * Recommendations, "Preparing a Manuscript for Submission to a Medical Journal": abstract,
 * introduction, methods, results, discussion) and the closing parts of narrative reviews
 * (conclusion(s)/concluding remarks, future directions/perspectives/prospects/outlook, limitations,
 * challenges). `plain`: the word is also ordinary English ("the results of the trial", "the
 * challenges of delivery"), so it names a section only next to "section"/"part" or when the question
 * names a document; the others name a section after a determiner ("the abstract") or, for the
 * "future …" phrases, anywhere.
 */
interface SectionKind {
  asked: RegExp;
  plain: boolean;
  /** Needs no determiner ("What future directions does …"). */
  free?: boolean;
  heading: RegExp;
}
const ABSTRACT_HEADING = /\b(?:abstract|summary|synopsis)\b/i;
const INTRODUCTION_HEADING = /\b(?:introduction|background)\b/i;
const CONCLUSION_HEADING = /\b(?:conclusions?|concluding|closing remarks|final remarks)\b/i;
const FUTURE_HEADING = /\b(?:future|outlooks?|perspectives?|prospects?)\b/i;
/**
 * A review's closing section, where future directions are discussed when no heading names them ("7 Challenges
 * and hopes", "Summary and outlook"): the last top-level section, titled with one of these words.
 */
const CLOSING_HEADING = /\b(?:challenges?|hopes?|outlooks?|perspectives?|prospects?|future|conclusions?|concluding|summary|remarks|directions?|opportunit(?:y|ies))\b/i;
const CONCLUDE_VERB = /^conclud(?:e|es|ed)$/;
const KINDS: SectionKind[] = [
  { asked: /^abstracts?$/, plain: false, heading: ABSTRACT_HEADING },
  { asked: /^summary$/, plain: true, heading: ABSTRACT_HEADING },
  { asked: /^introductions?$/, plain: false, heading: INTRODUCTION_HEADING },
  { asked: /^background$/, plain: true, heading: INTRODUCTION_HEADING },
  { asked: /^(?:methods|methodology)$/, plain: true, heading: /\b(?:methods?|methodology)\b/i },
  { asked: /^results$/, plain: true, heading: /\bresults\b/i },
  { asked: /^discussion$/, plain: true, heading: /\bdiscussion\b/i },
  { asked: /^(?:conclusions?|concluding remarks)$/, plain: false, heading: CONCLUSION_HEADING },
  { asked: /^future (?:directions?|perspectives?|prospects?|outlook|work|research)$/, plain: false, free: true, heading: FUTURE_HEADING },
  { asked: /^(?:outlook|perspectives|prospects)$/, plain: true, heading: FUTURE_HEADING },
  { asked: /^limitations$/, plain: true, heading: /\blimitations?\b/i },
  { asked: /^challenges$/, plain: true, heading: /\bchallenges?\b/i },
];
// Determiners and possessives before a noun (Quirk et al., "A Comprehensive Grammar of the English Language", §5.13–5.16).
const DETERMINER = /^(?:the|its|their|this|that|these|those|his|her|what|which|whose)$/;
// The nouns that call a stretch of a paper a part of it.
const PART_NOUN = /^(?:sections?|parts?|chapters?|subsections?|paragraphs?)$/;
// The nouns a document is named with (as in document-mentions.ts).
const DOCUMENT_NOUN = /^(?:reviews?|papers?|articles?|manuscripts?)$/;
// Words that end the name after "the section on …" (prepositions, reporting verbs, "and").
const NAME_STOP = /^(?:say|says|said|state|states|mention|mentions|about|of|in|and|or|do|does|did|is|are|was|were|propose|proposes|report|reports|tell|conclude)$/;
const MAX_NAME_WORDS = 5;

/** What a question asks of a paper's sections. */
export interface SectionMention {
  /** The chunks of the named sections (with their subsections), in reading order, per document. */
  chunkIds: string[];
  /** The sections' headings as printed, one per (document, heading). */
  headings: { docId: string; heading: string }[];
  /** The question's words that name the sections: what is asked is weighed without them. */
  words: string[];
}

interface Word {
  raw: string;
  lower: string;
}

const readWords = (text: string): Word[] =>
  [...text.matchAll(/[\p{L}\p{N}]+(?:[.-][\p{L}\p{N}]+)*(?:['’]s)?/gu)].map((m) => ({ raw: m[0], lower: m[0].toLowerCase().replace(/['’]s$/, "") }));

/** "3.2 Liposomes" → { number: "3.2", title: "Liposomes" }. */
function splitHeading(heading: string): { number: string; title: string } {
  const match = /^\s*((?:\d+|[IVX]+)(?:\.\d+)*)\.?\s+(.*)$/.exec(heading);
  return match ? { number: match[1]!, title: match[2]! } : { number: "", title: heading.trim() };
}

/** The heading is numbered `number` or lies within it ("3.2.1" lies in "3.2" and "3"). */
const inNumbered = (heading: string, number: string) => {
  const own = splitHeading(heading).number;
  return own === number || own.startsWith(`${number}.`);
};

/**
 * The sections of `chunks` (the documents a question may be about) that `question` names, or null.
 * `documentNamed`: the question names a document ("the Verma review"), so plain words like
 * "results" or "challenges" after a determiner point at its parts.
 *
 * @example
 * findSectionMentions("What does the abstract of the Smith paper say?", chunks, true);
 * // { chunkIds: ["smith2020:0000"], headings: [{ docId: "smith2020", heading: "Abstract" }], words: ["abstract"] }
 */
export function findSectionMentions(question: string, chunks: readonly Chunk[], documentNamed: boolean, outline?: readonly OutlineHeading[]): SectionMention | null {
  return scanSections(question, chunks, documentNamed, outline).found;
}

/** A heading a paper prints, in reading order, whether or not text sits under it before the next one ("METHODS"). */
export interface OutlineHeading {
  docId: string;
  /** As chunks name their section: "3.2 Liposomes", "METHODS". */
  heading: string;
}

/** A document's top-level headings ("3 Carriers", "Abstract"; not "3.1 …"), in reading order, from its chunks. */
export function topLevelHeadings(chunks: readonly Chunk[]): string[] {
  return [...new Set(chunks.map((chunk) => chunk.section))].filter((heading) => !/^\s*\d+\.\d/.test(heading));
}

/**
 * The `usable` chunks of `chunks` (one document's) a mentioned heading stands for: its own, or, for a heading with
 * none of its own ("METHODS"), those of the sections it holds (`mention.chunkIds`).
 */
export function chunksOfHeading(mention: SectionMention, heading: string, chunks: readonly Chunk[], usable: (chunk: Chunk) => boolean): Chunk[] {
  const own = chunks.filter((chunk) => chunk.section === heading && usable(chunk));
  return own.length ? own : chunks.filter((chunk) => mention.chunkIds.includes(chunk.id) && usable(chunk));
}

/** The printed headings of `docIds`, in reading order (`headingText` form). */
export function documentOutline(corpus: Pick<Corpus, "document">, docIds: readonly string[]): OutlineHeading[] {
  return docIds.flatMap((docId) => (corpus.document(docId)?.sections ?? []).map((section) => ({ docId, heading: section.number ? `${section.number} ${section.title}` : section.title })));
}

/**
 * The parts a question names by a part's name that the paper prints no heading for ("the conclusion"
 * of a review whose last section is "7 Challenges"), as asked: an answer can say so rather than invent one.
 *
 * @example
 * missingSections("What is the conclusion of the Smith review?", chunks, true); // ["conclusion"]
 */
export function missingSections(question: string, chunks: readonly Chunk[], documentNamed: boolean, outline?: readonly OutlineHeading[]): string[] {
  return scanSections(question, chunks, documentNamed, outline).missing;
}

function scanSections(
  question: string,
  chunks: readonly Chunk[],
  documentNamed: boolean,
  outline?: readonly OutlineHeading[],
): { found: SectionMention | null; missing: string[] } {
  const words = readWords(question);
  const missing: string[] = [];
  // The headings are gathered only once a word may name a section: most questions name none, and this runs for every question.
  // With the outline, headings with no text of their own before the next one ("METHODS") count too.
  let headings: { docId: string; section: string }[] | undefined;
  let docIds: Set<string> | undefined;
  const docIdsOnce = () => (docIds ??= new Set(chunks.map((chunk) => chunk.docId)));
  const headingsOnce = () =>
    (headings ??= [
      ...new Map(
        [...(outline ?? []).map(({ docId, heading }) => ({ docId, section: heading })), ...chunks.map(({ docId, section }) => ({ docId, section }))]
          .filter(({ docId }) => docIdsOnce().has(docId))
          .map((entry) => [`${entry.docId}\n${entry.section}`, entry]),
      ).values(),
    ]);
  const wanted = new Set<string>();
  const named: string[] = [];
  // Each document's last top-level section ("7 Challenges and hopes"; not "7.2 …"), by document.
  let closing: Map<string, string> | undefined;
  const closingHeadings = () => {
    if (!closing) {
      closing = new Map<string, string>();
      for (const chunk of chunks) if (chunk.kind === "text" && !/^\s*\d+\.\d/.test(chunk.section)) closing.set(chunk.docId, chunk.section);
    }
    return closing;
  };
  // The closing section of its document when that is titled for what comes last (`CLOSING_HEADING`).
  const closingTitled = (chunk: { docId: string; section: string }) => closingHeadings().get(chunk.docId) === chunk.section && CLOSING_HEADING.test(splitHeading(chunk.section).title);
  // The headings `matches` accepts, in each document; in a document with none of them, the ones `fallback` accepts.
  const take = (matches: (heading: string) => boolean, phrase: readonly Word[], fallback?: (chunk: { docId: string; section: string }) => boolean) => {
    const all = headingsOnce();
    let found = all.filter((chunk) => matches(chunk.section));
    if (fallback) {
      const docsFound = new Set(found.map((chunk) => chunk.docId));
      found = [...found, ...all.filter((chunk) => !docsFound.has(chunk.docId) && fallback(chunk))];
    }
    if (found.length === 0) return false;
    for (const chunk of found) wanted.add(`${chunk.docId}\n${chunk.section}`);
    named.push(...phrase.map((word) => word.raw));
    return true;
  };

  for (let i = 0; i < words.length; i++) {
    const previous = words[i - 1]?.lower ?? "";
    const next = words[i + 1]?.lower ?? "";
    // "section 3.2", "Section 4".
    if (PART_NOUN.test(words[i]!.lower) && /^(?:\d+|[ivx]+)(?:\.\d+)*$/.test(next)) {
      const number = words[i + 1]!.raw.toUpperCase();
      // The section itself (its subsections come with it); a number printed only on subsections ("5.1", "5.2"): those.
      const phrase = words.slice(i, i + 2);
      if (take((heading) => splitHeading(heading).number === number, phrase) || take((heading) => inNumbered(heading, number), phrase)) i++;
      continue;
    }
    // "the section on/about liposomes": the longest run of following words a heading's title holds.
    if (PART_NOUN.test(words[i]!.lower) && /^(?:on|about)$/.test(next)) {
      for (let n = Math.min(MAX_NAME_WORDS, words.length - i - 2); n >= 1; n--) {
        const name = words.slice(i + 2, i + 2 + n);
        if (name.some((word) => NAME_STOP.test(word.lower))) continue;
        if (take((heading) => titleHolds(heading, name), words.slice(i, i + 2 + n))) break;
      }
      continue;
    }
    // A kind's name, one or two words ("abstract", "future directions", "concluding remarks").
    const pair = `${words[i]!.lower} ${next}`;
    // "What does the Verma review conclude?", "What do both reviews conclude?": the conclusion, or the closing
    // section that stands for it; not "conclude that …", which states a claim.
    if (CONCLUDE_VERB.test(words[i]!.lower) && next !== "that" && (documentNamed || DOCUMENT_NOUN.test(previous) || previous === "authors")) {
      take((heading) => CONCLUSION_HEADING.test(splitHeading(heading).title), words.slice(i, i + 1), closingTitled);
      continue;
    }
    const kind = KINDS.find((k) => k.asked.test(pair)) ?? KINDS.find((k) => k.asked.test(words[i]!.lower));
    const length = kind && kind.asked.test(pair) ? 2 : 1;
    const after = words[i + length]?.lower ?? "";
    if (kind) {
      const asPart = PART_NOUN.test(after);
      const determined =
        DETERMINER.test(previous) || /['’]s$/.test(words[i - 1]?.raw ?? "") || (i > 0 && documentNamedBefore(words, i)) || namedBetween(words, i);
      // "the introduction of nanoparticles", "the conclusion that …": the ordinary nouns, unless "of" names a document.
      const ordinary = (after === "of" && !documentAfter(words, i + length + 1)) || after === "that";
      const counts = asPart || (!ordinary && (kind.free || (determined && (!kind.plain || documentNamed))));
      const phrase = words.slice(i, i + length + (asPart ? 1 : 0));
      // Future directions under no heading of their own: the closing section that discusses them, if it is one.
      if (counts && take((heading) => kind.heading.test(splitHeading(heading).title), phrase, kind.free ? closingTitled : undefined)) i += phrase.length - 1;
      // Only the parts nearly every paper heads as such are missing when unheaded: future directions or
      // limitations may be discussed under another heading ("Challenges and hopes").
      else if (counts && !kind.plain && !kind.free) missing.push(phrase.map((word) => word.raw).join(" "));
      continue;
    }
    // "the liposomes section": the longest run of words before "section" a heading's title holds.
    if (PART_NOUN.test(words[i]!.lower) && i > 0 && !DETERMINER.test(previous)) {
      for (let n = Math.min(MAX_NAME_WORDS, i); n >= 1; n--) {
        const name = words.slice(i - n, i);
        if (name.some((word) => DETERMINER.test(word.lower) || NAME_STOP.test(word.lower))) continue;
        if (take((heading) => titleHolds(heading, name), words.slice(i - n, i + 1))) break;
      }
    }
  }
  if (wanted.size === 0) return { found: null, missing };
  const contained = containedHeadings(wanted, chunks, outline ?? []);
  const chosen = chunks.filter((chunk) => wanted.has(`${chunk.docId}\n${chunk.section}`) || descendsFrom(chunk, wanted) || contained.has(`${chunk.docId}\n${chunk.section}`));
  const headingList = [...wanted].map((key) => {
    const [docId, heading] = key.split("\n") as [string, string];
    return { docId, heading };
  });
  return { found: { chunkIds: chosen.map((chunk) => chunk.id), headings: headingList, words: [...new Set(named)] }, missing };
}

const ALL_CAPITALS = (heading: string) => /\p{Lu}/u.test(heading) && !/\p{Ll}/u.test(heading);

/**
 * The headings an unnumbered wanted heading holds when it has no text of its own: a heading followed
 * directly by others is their container ("METHODS", then "DNA Constructs", "Cell Culture", …), up to
 * the next heading set in the same case as it (all capitals or not: the typography of its rank) or numbered.
 */
function containedHeadings(wanted: ReadonlySet<string>, chunks: readonly Chunk[], outline: readonly OutlineHeading[]): Set<string> {
  const contained = new Set<string>();
  const withText = new Set(chunks.map((chunk) => `${chunk.docId}\n${chunk.section}`));
  for (const [i, { docId, heading }] of outline.entries()) {
    const key = `${docId}\n${heading}`;
    if (!wanted.has(key) || withText.has(key) || splitHeading(heading).number) continue;
    for (const next of outline.slice(i + 1)) {
      // A numbered heading belongs to the numbered ranks, not to an unnumbered container.
      if (next.docId !== docId || ALL_CAPITALS(next.heading) === ALL_CAPITALS(heading) || splitHeading(next.heading).number) break;
      contained.add(`${next.docId}\n${next.heading}`);
    }
  }
  return contained;
}

/** A numbered subsection of a wanted numbered section ("3.2 Liposomes" of "3 Nanomaterials"). */
function descendsFrom(chunk: Chunk, wanted: ReadonlySet<string>): boolean {
  return [...wanted].some((key) => {
    const [docId, heading] = key.split("\n") as [string, string];
    const { number } = splitHeading(heading);
    return docId === chunk.docId && number !== "" && splitHeading(chunk.section).number.startsWith(`${number}.`);
  });
}

/** Every content term of `name` is in the heading's title ("liposomes" → "3.2 Liposomes"). */
function titleHolds(heading: string, name: readonly Word[]): boolean {
  const nameTerms = tokenize(name.map((word) => word.raw).join(" "));
  if (nameTerms.length === 0) return false;
  const titleTerms = new Set(tokenize(splitHeading(heading).title));
  return nameTerms.every((term) => titleTerms.has(term));
}

/** "the Verma review's conclusions", "the Smith paper conclusions": a document noun just before. */
function documentNamedBefore(words: readonly Word[], i: number): boolean {
  return DOCUMENT_NOUN.test(words[i - 1]!.lower);
}

/** "the conclusion of the Smith review", "… of Smith et al.": a document noun or "et al." within the next few words. */
function documentAfter(words: readonly Word[], from: number): boolean {
  const next = words.slice(from, from + MAX_NAME_WORDS);
  return next.some((word, i) => DOCUMENT_NOUN.test(word.lower) || (word.lower === "et" && next[i + 1]?.lower === "al"));
}

/** "the Guan abstract": a capitalised name between a determiner and the noun. */
function namedBetween(words: readonly Word[], i: number): boolean {
  return i > 1 && /^\p{Lu}/u.test(words[i - 1]!.raw) && DETERMINER.test(words[i - 2]!.lower);
}

// The part nouns that stand in a document noun's place after a name ("the Smith abstract", "the Smith table" ~ "the Smith paper").
const PART_AFTER_NAME = /(\p{Lu}[\p{L}-]*\s+)(?:abstract|introduction|conclusions?|tables?|figures?)\b/gu;

/**
 * `question` with a part noun after a capitalised name read as "paper", so that the document it
 * belongs to is recognised as named (document-mentions.ts names "the Smith paper", not "the Smith abstract").
 *
 * @example
 * withPartsAsPaper("What does the Smith abstract say?"); // "What does the Smith paper say?"
 */
export function withPartsAsPaper(question: string): string {
  return question.replace(PART_AFTER_NAME, "$1paper");
}

/**
 * `findSectionMentions` over the documents a question is about: those it names, else those asked for
 * (`docs`), else all of `corpus`.
 *
 * @example
 * sectionsAsked("What does the abstract say?", corpus, [], undefined);
 */
export function sectionsAsked(
  question: string,
  corpus: Pick<Corpus, "documents" | "chunksOf" | "document">,
  namedDocuments: readonly string[],
  docs: readonly string[] | undefined,
): SectionMention | null {
  const ids = namedDocuments.length > 0 ? namedDocuments : (docs ?? corpus.documents.map((doc) => doc.meta.id));
  return findSectionMentions(question, ids.flatMap((id) => corpus.chunksOf(id)), namedDocuments.length > 0, documentOutline(corpus, ids));
}
