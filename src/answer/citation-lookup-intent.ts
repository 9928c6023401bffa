// Recognise questions about the reviews' own citations, deterministically:
//   "what is reference 45 in the Guan review", "refs 21–23 of the miRNA paper", "the first reference
//   of the Frontiers paper" → numbers; "what is Smith et al. 2020?" → works (author–year);
//   "where does the review cite Granja?" → author;
//   "which references support the claim that …", "which paper does it cite for …",
//   "where does the claim that … come from?" → claim.
import { type AuthorYearWork, findAuthorYearWorks } from "../ingest/citations/find-author-year-citations.ts";

export type CitationLookupIntent =
  | { kind: "numbers"; numbers: number[] }
  /** Author–year cites named in the question: "Smith et al. 2020", "(Lee and Park, 2019a)". */
  | { kind: "works"; works: AuthorYearWork[] }
  | { kind: "last" }
  | { kind: "author"; author: string }
  /** `claim` is empty when the question points back at the conversation ("which reference is that from?"). */
  | { kind: "claim"; claim: string }
  /** The references cited on a topic: "which references does the Guan review cite on liposomes?". */
  | { kind: "topic"; topic: string };

const NUMBER_LIST = String.raw`\d{1,4}(?:\s*(?:-|–|—|to|through|and|&|,)\s*\d{1,4})*`;
const NUMBERED = new RegExp(
  String.raw`\b(?:references?|refs?\.?|citations?|entry|entries|bibliography\s+entry)\s*(?:no\.?|nos\.?|numbers?|#)?\s*[[(]?(${NUMBER_LIST})`,
  "i",
);
const BRACKETED = new RegExp(String.raw`\b(?:what|which)\s+(?:is|are)\s+\[(${NUMBER_LIST})\]`, "i");
const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5 };
const ORDINAL = /\b(first|second|third|fourth|fifth|last|final)\s+(?:reference|ref|citation|entry)\b/i;

const NAME = String.raw`([\p{L}][\p{L}'’-]+)`;
const AUTHOR_PATTERNS = [
  // "where does the review cite Granja (et al.)?", "does it cite the work of Aly?"
  new RegExp(String.raw`\b(?:cites?|citing|mentions?|refers?\s+to)\s+(?:the\s+)?(?:(?:work|works|papers?|stud(?:y|ies)|articles?)\s+)?(?:(?:of|by)\s+)?${NAME}(?:\s+et\s+al\b|\s*[?.!]?\s*$)`, "iu"),
  // "where is Granja (et al.) cited?"
  new RegExp(String.raw`\b(?:is|are|was|were)\s+${NAME}(?:\s+et\s+al\.?)?(?:['’]s)?(?:\s+(?:papers?|work|study))?\s+cited\b`, "iu"),
  // "Granja et al. is cited where?"
  new RegExp(String.raw`\b${NAME}(?:\s+et\s+al\.?)?(?:['’]s)?(?:\s+(?:papers?|work|study))?\s+(?:is|are|was|were|gets?)\s+cited\b`, "iu"),
];
// Words a question that only asks what an author–year cite stands for is made of, besides the cite.
const WORK_LOOKUP_WORDS = new Set(
  "what whats which is are was were the a this that paper papers study reference references ref refs citation citations entry entries full cited cite cites refer refers to does do in of by from et al review article".split(" "),
);
const WORK_LOOKUP_CUE = /\b(?:references?|citations?|cite[sd]?|refers?\s+to|bibliograph\w*|entry)\b/i;
const NOT_NAMES = new Set(["it", "this", "that", "them", "these", "those", "which", "what", "where", "who", "whom", "whose", "when", "why", "how", "the", "a", "an", "for", "in", "paper", "review", "study", "work"]);

const SUPPORT_NOUN = String.raw`(?:references?|refs?|citations?|papers?|stud(?:y|ies)|sources?|works?|evidence|articles?|publications?|literature)`;
// The noun may carry one qualifier: "which clinical studies …", "what primary literature …".
const WHICH_SUPPORT = String.raw`\b(?:which|what)\s+(?:[a-z-]+\s+)?${SUPPORT_NOUN}\b`;
// Who did the work, asked as "which authors / researchers / groups … found that …".
const WHICH_AUTHORS = String.raw`\b(?:which|what)\s+(?:[a-z-]+\s+)?(?:authors?|researchers?|research|investigators?|groups?|teams?|labs?|laboratories)\b`;
const SUPPORT_VERB = String.raw`(?:supports?|backs?(?:\s+up)?|underpins?|substantiates?|cites?|gives?|uses?|lists?|provides?|is\s+cited|are\s+cited|(?:is|are)\s+given)`;
// Verbs that report a finding: "which studies showed that …", "which sources say that …".
const REPORT_VERB = String.raw`(?:show(?:s|ed|n)?|demonstrate[sd]?|report(?:s|ed)?|f(?:ound|inds?)|sa(?:y|ys|id)|state[sd]?|suggest(?:s|ed)?|indicate[sd]?|claim(?:s|ed)?|argue[sd]?|establish(?:es|ed)?|prove[sd]?|proven|confirm(?:s|ed)?|observe[sd]?|discover(?:s|ed)?)`;
const CLAIM_NOUN = String.raw`(?:(?:the|this|that)\s+)?(?:claims?|statements?|ideas?|points?|findings?|assertions?|notions?|sentence)`;
// Up to the first "that": the verb belongs to the question, not to the claim after it ("which sources say that cells give up …").
const BEFORE_THAT = String.raw`(?:(?!\bthat\b).)*?`;
const CLAIM_PATTERNS = [
  // "what study is the claim that … based on?" (before the verbs below: "the claim that" is no report of one)
  new RegExp(String.raw`${WHICH_SUPPORT}\s+(?:is|are|was|were)\s+${CLAIM_NOUN}\s+(?:that\s+)?(.*?)\s+(?:based|founded|grounded|drawn)\s+(?:on|upon|from)\s*[?.!]*$`, "i"),
  // "which references support the claim that …", "which paper does the Guan review cite for …"
  new RegExp(String.raw`${WHICH_SUPPORT}${BEFORE_THAT}\b${SUPPORT_VERB}\s+(?:for\s+|to\s+)?(?:${CLAIM_NOUN}\s*)?(?:that\s+)?(.*)$`, "i"),
  // "which studies showed that …", "which authors found that …", "who reported that …" (a "that" clause:
  // "what do studies show about …" asks for content)
  new RegExp(String.raw`(?:${WHICH_SUPPORT}|${WHICH_AUTHORS}|\bwho)${BEFORE_THAT}\b${REPORT_VERB}\s+that[\s,]+(.*)$`, "i"),
  // "what is the source for the claim that …", "the reference behind …", "find the references for: …"
  new RegExp(String.raw`\b${SUPPORT_NOUN}\s+(?:for|behind|of|supporting)(?:\s*:\s*|\s+)(?:${CLAIM_NOUN}\s*)?(?:that\s+)?(.*)$`, "i"),
  // "what is the evidence that …", "what evidence is there for the claim that …"
  new RegExp(String.raw`\bwhat\s+(?:is\s+the\s+evidence|evidence\s+is\s+there)\s+(?:for\s+)?(?:${CLAIM_NOUN}\s+)?that\s+(.*)$`, "i"),
  // "what supports the claim that …", "what backs up the statement that …"
  new RegExp(String.raw`\bwhat\s+${SUPPORT_VERB}\s+${CLAIM_NOUN}\s+(?:that\s+)?(.*)$`, "i"),
  // "according to which studies does …"
  new RegExp(String.raw`\baccording\s+to\s+(?:which|what)\s+${SUPPORT_NOUN}\s+(?:(?:does|do|did|is|are|was|were)\s+)?(.*)$`, "i"),
  // "where does the claim that … come from?", "where is the statement that … from?"
  new RegExp(String.raw`\bwhere\s+(?:does|do|did|is|are|was)\s+${CLAIM_NOUN}\s+(?:that\s+)?(.*?)\s+(?:come|comes|coming|originate|stem)?\s*from\s*[?.!]*$`, "i"),
  // "where does the review get the idea that … (from)?"
  new RegExp(String.raw`\bwhere\s+(?:does|do|did)\s+(?:the\s+|this\s+|that\s+)?(?:[\p{L}-]+\s+){0,3}?(?:get|take|find|draw|obtain)\s+${CLAIM_NOUN}\s+(?:that\s+)?(.*?)(?:\s+from)?\s*[?.!]*$`, "iu"),
  // "is there evidence that …", "is there a reference for the claim that …", "are there any studies supporting …"
  new RegExp(String.raw`^\s*(?:is|are)\s+there\s+(?:any\s+|an?\s+)?${SUPPORT_NOUN}\s+(?:for\s+|behind\s+|supporting\s+|that\s+)(?:${CLAIM_NOUN}\s+)?(?:that\s+)?(.*)$`, "i"),
  // "does the review cite anything / any study for the claim that …"
  new RegExp(String.raw`^\s*(?:does|do|did)\s+(?:the\s+|this\s+|that\s+)?(?:[\p{L}-]+\s+){0,3}?cite\s+(?:anything|any\s+${SUPPORT_NOUN}|an?\s+${SUPPORT_NOUN}|${SUPPORT_NOUN})\s+(?:for|to\s+support|behind)\s+(?:${CLAIM_NOUN}\s+)?(?:that\s+)?(.*)$`, "iu"),
  // "on what basis / evidence does the review claim that …"
  new RegExp(String.raw`^\s*on\s+what\s+(?:basis|grounds|evidence)\s+(?:does|do|did|is|are|was|were)\b${BEFORE_THAT}\b(?:${REPORT_VERB}|claim(?:s|ed)?|assert(?:s|ed)?|conclude[sd]?)\s+that\s+(.*)$`, "i"),
  // "name / cite / give me the study showing that …", "list the references supporting …"
  new RegExp(String.raw`^\s*(?:name|cite|give|list|find|show|identify)\s+(?:me\s+)?(?:the\s+|a\s+|any\s+)?${SUPPORT_NOUN}\s+(?:showing|supporting|backing(?:\s+up)?|(?:that|which)\s+(?:${REPORT_VERB}|${SUPPORT_VERB}))\s+(?:${CLAIM_NOUN}\s+)?(?:that\s+)?(.*)$`, "i"),
  // "is the claim that … backed by any reference?"
  new RegExp(String.raw`^\s*(?:is|are|was|were)\s+${CLAIM_NOUN}\s+that\s+(.*?)\s+(?:backed|supported|substantiated|referenced|sourced|cited)\b.*$`, "i"),
  // "which reference is that from?", "what paper is this based on?"
  new RegExp(String.raw`\b(?:which|what)\s+${SUPPORT_NOUN}\s+(?:is|are|was|were|does|do|did)\s+((?:that|this|it|these|those)\b.*)$`, "i"),
];
// A topic, not a claim: the references cited on or about something ("which references does the review cite on
// liposomes?", "what literature about exosomes is cited?", "references in the section on hypoxia"). "For" stays
// a claim's preposition ("which paper does it cite for the idea that …").
const ABOUT = String.raw`(?:on|about|regarding|concerning)`;
const TOPIC_PATTERNS = [
  new RegExp(String.raw`${WHICH_SUPPORT}${BEFORE_THAT}\b(?:cite[sd]?|given|listed|used|discussed)\s+${ABOUT}\s+(?!${CLAIM_NOUN}\s+that\b)(.*)$`, "i"),
  // A citing verb must follow: "what work on nanomaterials is still needed?" asks about research, not references.
  new RegExp(String.raw`${WHICH_SUPPORT}\s+${ABOUT}\s+(?!${CLAIM_NOUN}\s+that\b)(.*?)\s+(?:does|do|did|is|are|was|were)\s+(?:[\p{L}-]+\s+){0,4}?(?:cite[sd]?|referenced|listed|given)\b.*$`, "iu"),
  new RegExp(String.raw`\b${SUPPORT_NOUN}\s+(?:are\s+|is\s+)?(?:cited\s+|listed\s+)?in\s+the\s+(?:section|part|paragraphs?)\s+${ABOUT}\s+(.*)$`, "i"),
  new RegExp(String.raw`\b${SUPPORT_NOUN}\s+(?:are\s+|is\s+)?(?:cited\s+|listed\s+)?in\s+the\s+(.+?)\s+(?:section|part)\b.*$`, "i"),
];

// "… cited to support the point that …", "… supports saying that …": the rest of the question's own phrasing.
const SUPPORT_LEAD = new RegExp(String.raw`^(?:(?:to\s+)?(?:support|back(?:\s+up)?|substantiate)\s+${CLAIM_NOUN}\s+that\s+|saying\s+that\s+)`, "i");
// "… cite when it says that …": the claim is what the review says.
const SAYS_LEAD = /^(?:when|where)\s+(?:it|they|the\s+(?:[\p{L}-]+\s+){0,3}?(?:review|paper|article|authors?))\s+(?:says?|states?|claims?|writes?|reports?|argues?|mentions?|notes?)\s+(?:that\s+)?/iu;
const ANAPHORA = /^(?:(?:that|this|it|these|those|them|the\s+same)\b\s*(?:from|claim|statement|one|come\s+from|based\s+on|say|says)?\s*)?[?.!]*$/i;

/** "21–23" → [21, 22, 23]; "21, 22 and 25" → [21, 22, 25]. Ranges over 50 are cut to their first number. */
export function parseNumberList(text: string): number[] {
  const numbers: number[] = [];
  for (const part of text.split(/\s*(?:,|and|&)\s*/)) {
    const range = /^(\d+)\s*(?:-|–|—|to|through)\s*(\d+)$/.exec(part.trim());
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (to >= from && to - from <= 50) for (let n = from; n <= to; n++) numbers.push(n);
      else numbers.push(from);
    } else if (/^\d+$/.test(part.trim())) {
      numbers.push(Number(part.trim()));
    }
  }
  return [...new Set(numbers)];
}

/** What kind of citation question this is, or null for an ordinary question. */
export function parseCitationLookup(question: string): CitationLookupIntent | null {
  const text = question.replace(/\s+/g, " ").trim();
  const numbered = NUMBERED.exec(text) ?? BRACKETED.exec(text);
  if (numbered) {
    const numbers = parseNumberList(numbered[1]!);
    if (numbers.length) return { kind: "numbers", numbers };
  }
  const unbracketed = text.replace(/[()[\]]/g, " ");
  const works = findAuthorYearWorks(unbracketed);
  if (works.length) {
    // "What is Smith et al. 2020?" asks for the entry; "What did Smith et al. 2020 find?" does not.
    const rest = unbracketed
      .replace(/\p{Lu}[\p{L}\p{M}'’-]*|\b(?:1[6-9]\d\d|20\d\d)[a-z]?\b/gu, " ")
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .filter(Boolean);
    if (WORK_LOOKUP_CUE.test(text) || rest.every((word) => WORK_LOOKUP_WORDS.has(word) || word === "and")) return { kind: "works", works };
  }
  const ordinal = ORDINAL.exec(text);
  if (ordinal) {
    const word = ordinal[1]!.toLowerCase();
    return word === "last" || word === "final" ? { kind: "last" } : { kind: "numbers", numbers: [ORDINALS[word]!] };
  }
  for (const pattern of AUTHOR_PATTERNS) {
    const name = pattern.exec(text)?.[1];
    if (name && !NOT_NAMES.has(name.toLowerCase()) && /^\p{Lu}/u.test(name)) return { kind: "author", author: name };
  }
  for (const pattern of TOPIC_PATTERNS) {
    const topic = pattern.exec(text)?.[1]?.replace(/[?.!]+$/, "").trim();
    if (topic && !ANAPHORA.test(topic)) return { kind: "topic", topic };
  }
  for (const pattern of CLAIM_PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const claim = match[1]!.trim().replace(SAYS_LEAD, "").replace(SUPPORT_LEAD, "");
    return { kind: "claim", claim: ANAPHORA.test(claim) ? "" : claim.replace(/[?.!]+$/, "") };
  }
  return null;
}
