// Questions about several documents at once — "what do both reviews say about …", "the two papers
// quote statistics for different years …", "how do the Guan and Verma reviews differ on …" — are
// answered per document (cross-review.ts). This file recognises them and strips the phrasing that
// points at the documents, leaving the topic to retrieve.
//
// The phrasings come from issue 11 (item 7) and the ordinary English ways of addressing several
// documents ("both", "the two", "each", "all", "either", "neither") or comparing them (the verbs
// and nouns of comparison in any thesaurus entry for "compare"); none is taken from a dev item.

/** How many documents a cross-review question addresses. */
export type CrossReviewScope =
  /** "both reviews", "the two papers", "either review", or two named documents: two of them. */
  | "pair"
  /** "each review", "all the papers", "across the reviews", or three or more named: the best few. */
  | "each"
  /**
   * "What do the reviews say about …": the whole corpus, answered per document only while it is
   * small enough to list every document (in a two-review corpus "the reviews" are both of them);
   * a larger corpus gets the ordinary answer.
   */
  | "corpus";

export interface CrossReviewIntent {
  scope: CrossReviewScope;
  /** The question without its document phrasing: what to retrieve in each document. */
  topic: string;
}

/** What a question may call the documents of a corpus (not "study": a review's studies are the papers it cites). */
const DOCUMENT_NOUNS = String.raw`(?:reviews?|papers?|articles?|documents?|publications?|manuscripts?|texts?)`;
/**
 * Up to three words between the determiner and the noun, which name the documents: "both nanomedicine
 * reviews", "the two Frontiers papers", "the nanomaterials and miRNA reviews". Not across a
 * preposition or an article: "the drug in the reviews" names no document.
 */
const BETWEEN = String.raw`(?:(?!(?:the|a|an|in|of|on|about|for|to|by|with|from|at|as|into|than|is|are|do|does|did)\b)[\p{L}\p{N}'’.-]+\s+){0,3}?`;

/**
 * The documents' authors as a group standing for each document: "either group of authors", "both author
 * teams", "the two sets of authors". A group noun is needed: "both authors" can be a paper's two authors.
 */
const AUTHOR_GROUPS = String.raw`(?:(?:groups?|teams?|sets?)\s+of\s+(?:the\s+)?authors|author\s+(?:teams?|groups?))`;

const PAIR = new RegExp(
  String.raw`\b(?:both\s+(?:of\s+)?(?:the\s+|these\s+|those\s+)?|(?:the|these|those)\s+(?:two|2)\s+|(?:either|neither)\s+(?:of\s+the\s+)?(?:two\s+)?)(?:${BETWEEN}${DOCUMENT_NOUNS}|${AUTHOR_GROUPS})\b`,
  "iu",
);
/**
 * "Both" before two names that share one plural document noun: "both the Frontiers and the Nanoscale Advances
 * articles", "both the nanomaterials and the miRNA reviews" (each name up to three words, no preposition).
 */
const BOTH_NAMED = new RegExp(
  String.raw`\bboth\s+(?:the\s+)?${BETWEEN.replace("{0,3}?", "{1,3}?")}and\s+(?:the\s+)?${BETWEEN}(?:reviews|papers|articles|documents|publications|manuscripts|texts)\b`,
  "iu",
);
/**
 * Two documents named side by side: "the nanomaterials review and the miRNA paper", "the Frontiers article or
 * the RSC one", or listed with a comma ("the nanomaterials paper, the miRNA paper, or neither").
 */
const TWO_DOCUMENTS = new RegExp(
  String.raw`\b(?:the|this)\s+${BETWEEN}(?:review|paper|article|document|publication|manuscript)(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or|with|versus|vs\.?)\s+)(?:the|that)\s+${BETWEEN}(?:review|paper|article|document|publication|manuscript|one)\b`,
  "iu",
);
const EACH = new RegExp(
  String.raw`\b(?:(?:each|every|all)\s+(?:of\s+)?(?:the\s+|these\s+|those\s+)?(?:three|four|five|\d+\s+)?\s*(?:${BETWEEN}${DOCUMENT_NOUNS}|${AUTHOR_GROUPS})|across\s+(?:all\s+)?(?:the\s+|these\s+)?${BETWEEN}${DOCUMENT_NOUNS})\b`,
  "iu",
);
/**
 * "Does any review mention …", "do any of these papers …": whichever documents cover it. Not "any review of
 * trials" (a review the documents cite), nor "any paper showing …" alone (in a corpus of reviews, a cited study).
 */
const ANY = new RegExp(
  String.raw`\bany\s+(?:of\s+(?:the|these|those)\s+(?:two\s+)?${BETWEEN}${DOCUMENT_NOUNS}|reviews?)\b(?!\s+(?:of|on|about|by|in|from|for|with)\b)`,
  "iu",
);
/**
 * A topic addressed "in either of them", "by both", "in one review only": the documents as what a verb of
 * addressing a subject is done in or by (the verbs of DOCUMENT_PHRASING below, and their kin; not "reported
 * in one paper", which is how a review speaks of a study it cites).
 */
const ADDRESSED_IN = new RegExp(
  String.raw`\b(?:discussed|mentioned|covered|addressed|treated|considered|raised)\s+(?:in|by)\s+(?:(?:either|neither|both)(?:\s+of\s+them)?\b|(?:only\s+)?one\s+(?:of\s+(?:the|these|those)\s+(?:two\s+)?)?${DOCUMENT_NOUNS}\b(?!\s+(?:of|on|about|by|in|from|for|with)\b))`,
  "iu",
);
/**
 * "both" standing for the documents themselves, when the question has named them no other way: at the
 * end of a clause ("is P-gp discussed in both?") or as the subject of a reporting verb ("do both
 * discuss …"). The verbs are the common academic reporting verbs (say, discuss, mention, report …);
 * "both" before anything else is a conjunction ("both HER2 and EGFR", "both mice and cells").
 */
const BOTH_AS_DOCUMENTS =
  /\bboth(?:\s+of\s+them)?(?:\s*(?:[?.!;,]|$)|\s+(?:say|says|said|discuss(?:es)?|mention(?:s)?|cover(?:s)?|describe(?:s)?|report(?:s)?|agree|address(?:es)?|note|consider|conclude|suggest|highlight|emphasi[sz]e|treat|cite|propose|present|examine|explain|state)\b)/iu;
/**
 * "Which review covers …", "which of the papers mentions …": asks which documents cover a topic. A bare
 * "which paper(s)" is left out: in a corpus of reviews it asks for cited papers ("which papers support the
 * idea that …", "which paper does the review cite for …"). Not "which review of clinical trials" (a review
 * the documents cite) nor "which reviews" followed by a preposition.
 */
const WHICH_DOCUMENT = new RegExp(
  String.raw`\bwhich\s+(?:(?:one\s+)?of\s+(?:the|these|those)\s+(?:two\s+)?${DOCUMENT_NOUNS}|reviews?)\b(?!\s+(?:of|on|about|by|in|from|for|with)\b)`,
  "iu",
);
/**
 * "What does one review say about X that the other does not?", "does one of the papers cover X while the other
 * one ignores it?": the two documents set against each other. Not "one review of trials" (a review the
 * documents cite) nor "the other arm" ("other" before a noun that is no document).
 */
const ONE_AND_OTHER = new RegExp(
  String.raw`\bone\s+(?:of\s+(?:the|these|those)\s+(?:two\s+)?)?${DOCUMENT_NOUNS}\b(?!\s+(?:of|on|about|by|in|from|for|with)\b)[^?]*\bthe\s+other(?=\s*(?:[?.!,;]|$)|\s+(?:one|${DOCUMENT_NOUNS}|does|doesn['’]t|did|didn['’]t|is|isn['’]t|has|hasn['’]t|lacks|misses|omits|ignores|leaves|skips|mentions|covers|discusses|says)\b)`,
  "iu",
);
/**
 * Comparison words; they make a question cross-review only beside a plural document noun ("how do
 * the reviews differ") or two named documents. "compared" is left out: it usually reports an
 * experiment ("compared with free doxorubicin").
 */
const COMPARISON =
  /\b(?:compare|comparing|comparison|contrast(?:s|ing)?|differ(?:s|ed)?|differences?|disagree(?:s|ment)?|agree(?:s|ment)?|in\s+common|overlap(?:s|ping)?|similarit(?:y|ies)|distinguish(?:es)?)\b/iu;
const PLURAL_DOCUMENTS = new RegExp(String.raw`\b(?:the|these|those|two|both)\s+${BETWEEN}(?:reviews|papers|articles|documents|publications|manuscripts)\b`, "iu");

/** The parts of a question that address documents, removed to leave its topic. */
const DOCUMENT_PHRASING = [
  // "Across both papers", "across the reviews": the preposition goes with the documents it spans.
  new RegExp(String.raw`\bacross\s+(?:(?:both|all|each)\s+(?:of\s+)?)?(?:the\s+|these\s+|those\s+)?(?:two\s+|2\s+)?${BETWEEN}${DOCUMENT_NOUNS}\b`, "giu"),
  new RegExp(PAIR.source, "giu"),
  new RegExp(EACH.source, "giu"),
  new RegExp(COMPARISON.source, "giu"),
  new RegExp(String.raw`\bwhich\s+(?:one\s+)?(?:of\s+(?:the|these|those)\s+(?:two\s+)?)?(?=${DOCUMENT_NOUNS}\b)`, "giu"),
  /\bboth(?:\s+of\s+them)?\b/giu,
  // What the documents do with the topic ("which review covers X", "is X discussed in both"): not the topic.
  // Only verbs of addressing a subject; "report", "treat" or "show" can be what the question is about, and
  // "describe", "characterise" or "define" are printed by the definitions that answer it ("X is characterized by").
  /\b(?:say|says|said|discuss(?:es|ed|ing)?|mention(?:s|ed|ing)?|cover(?:s|ed|ing)?|talk(?:s|ed|ing)?(?:\s+(?:more|less|most|least|much))?\s+about)\b/giu,
  // What the documents make of the topic ("what do both conclude / think / propose about X", "each paper's take
  // on X", "their positions on X"): verbs of holding a view, and its nouns after a possessive (not "the
  // position of the tumour"), are not the topic. A review prints
  // "conclude" or "propose" rarely, so left in they are the topic's rarest term and a review that never
  // writes them is judged silent on it (cross-review.ts, `specificTerms`).
  /\b(?:conclud(?:e|es|ed|ing)|conclusions?|think(?:s|ing)?|thought|argu(?:e|es|ed|ing)|propos(?:e|es|ed|ing)|recommend(?:s|ed|ing)?|(?<=(?:['’]s?|\btheir|\bits)\s+)(?:takes?|views?|positions?|stances?|opinions?)\s+(?=on\b|of\b|about\b))\b/giu,
  // "Looking at both reviews, …", "from the perspective of each paper", "taken together": framing the
  // documents as the point of view (English prepositional phrases of viewpoint), not the topic.
  /\b(?:looking\s+(?:at|across)|from\s+the\s+(?:perspective|point\s+of\s+view|viewpoint|standpoint)\s+of|in\s+the\s+(?:view|eyes|opinion)\s+of|judging\s+(?:by|from)|taken\s+together)\b/giu,
  // "does X appear / feature / come up in both …": where the topic is found, not what it is.
  /\b(?:appears?|appeared|features?|featured|comes?\s+up|came\s+up)\s+(?=in\b)/giu,
  // "any of the reviews", "either of them", "in one review only", "anywhere in": the documents, not the topic.
  /\bany\s+(?:of\s+)?(?=(?:the|these|those|two)\b)|\b(?:either|neither|both)\s+of\s+them\b|\banywhere\s+(?=in\b)|\bonly\s+(?=one\b)|(?<=\bone\s+\S+)\s+only\b/giu,
  // "one review … the other (one)": the documents set against each other.
  new RegExp(String.raw`\bone\s+(?:of\s+(?:the|these|those)\s+(?:two\s+)?)?${DOCUMENT_NOUNS}\b|\bthe\s+other(?:\s+(?:one|${DOCUMENT_NOUNS}))?\b`, "giu"),
  // "the nanomaterials one or the miRNA one": the documents named as alternatives, not the topic.
  new RegExp(String.raw`\b(?:the|this|that)\s+${BETWEEN}one\s+(?:or|and|vs\.?|versus)\s+(?:the|that)\s+${BETWEEN}one\b`, "giu"),
  // "the nanomaterials review", "the Guan and Verma reviews": names of documents, not the topic.
  new RegExp(String.raw`\b(?:(?:the|these|those)\s+${BETWEEN})?${DOCUMENT_NOUNS}\b['’]?`, "giu"),
];

/** A document the question names, to strip from its topic: its id and its first author's surname. */
export interface NamedDocument {
  id: string;
  surname: string;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A name printed in capitals before a document noun ("the Frontiers in Immunology review", "the Nanoscale
 * Advances paper", "the Frontiers and the Nanoscale Advances articles"): a journal's or title's words,
 * joined by the function words journal names keep. Read
 * only when the question names documents, so the capitals are their names ("the HER2 papers" of a
 * question naming none stays a topic). Case-sensitive: the capitals are what make it a name.
 */
const CAPITALISED_NAME = new RegExp(
  String.raw`\b(?:[Tt]he\s+)?(?:\p{Lu}[\p{L}\p{N}.'’-]*\s+(?:(?:in|of|and|for|on|the|&)\s+){0,2}){1,6}(?=${DOCUMENT_NOUNS}\b)`,
  "gu",
);

/** "Guan et al. (2024)", "Guan's", "guan2024", "Guan 2024" → "". */
function withoutNames(question: string, named: readonly NamedDocument[]): string {
  let text = named.length > 0 ? question.replace(CAPITALISED_NAME, " ") : question;
  for (const { id, surname } of named) {
    text = text.replace(new RegExp(String.raw`\b${escape(id)}\b`, "giu"), " ");
    if (surname.length >= 2) {
      text = text.replace(new RegExp(String.raw`\b${escape(surname)}(?:['’]s)?(?:\s+et\s+al\.?)?(?:\s*\(?\d{4}[a-z]?\)?)?(?=\W|$)`, "giu"), " ");
    }
  }
  return text;
}

/**
 * The question's cross-review intent, or null for a question about one document or that names no
 * documents at all. `named` are the documents the question names explicitly (document-mentions.ts).
 *
 * @example
 * parseCrossReviewIntent("What do both reviews say about exosomes?", []) // { scope: "pair", topic: "What do about exosomes?" }
 * parseCrossReviewIntent("What does the Guan review say about exosomes?", [guan]) // null
 */
export function parseCrossReviewIntent(question: string, named: readonly NamedDocument[]): CrossReviewIntent | null {
  let scope: CrossReviewScope | undefined;
  if (named.length >= 3) scope = "each";
  else if (named.length === 2) scope = "pair";
  else if (PAIR.test(question) || TWO_DOCUMENTS.test(question) || BOTH_NAMED.test(question) || BOTH_AS_DOCUMENTS.test(question) || ONE_AND_OTHER.test(question))
    scope = "pair";
  else if (ADDRESSED_IN.test(question)) scope = "pair";
  else if (EACH.test(question) || ANY.test(question)) scope = "each";
  else if (COMPARISON.test(question) && PLURAL_DOCUMENTS.test(question)) scope = "pair";
  else if (named.length === 0 && (PLURAL_DOCUMENTS.test(question) || WHICH_DOCUMENT.test(question))) scope = "corpus";
  if (!scope) return null;
  let topic = withoutNames(question, named);
  for (const phrasing of DOCUMENT_PHRASING) topic = topic.replace(phrasing, " ");
  topic = topic
    // The possessive of a removed document noun ("each paper's take", "the two reviews' positions").
    .replace(/(^|\s)['’]s?(?=\s|$)/gu, " ")
    .replace(/\s+([,.;:?!])/g, "$1")
    .replace(/\s+/g, " ")
    .replace(/^[\s,;:]+/, "")
    .trim();
  return { scope, topic };
}
