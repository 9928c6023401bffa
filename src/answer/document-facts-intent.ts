// Recognise questions about a paper itself rather than its content: "Who wrote the Verma review?",
// "What is the DOI of guan2024?", "When were the reviews published?", "How many authors does the
// miRNA paper have?". Recognised by grammar: the question addresses a document (a named one, or a
// document noun: "the review", "each paper") and, once the words naming it are set aside, is made
// only of question words, closed-class words and the nouns and verbs of a paper's bibliographic
// record. Any other word (a topic: "Which authors found that …", "What year did the FDA approve …")
// makes it a content question, left to the rest of the pipeline.

/** A fact of a paper's bibliographic record (`DocumentMeta`) or front matter. */
export type DocumentField =
  | "doi"
  | "title"
  | "volume"
  | "affiliations"
  | "correspondingAuthor"
  | "firstAuthor"
  | "lastAuthor"
  | "authorCount"
  | "journal"
  | "received"
  | "accepted"
  | "year"
  | "published"
  | "authors"
  | "editors"
  | "referenceCount"
  | "referenceList";

export interface DocumentFactsIntent {
  field: DocumentField;
  /** The question addresses several documents ("the reviews", "each paper", "both articles"). */
  plural: boolean;
  /** A year the question restricts a reference list to ("Which references are from 2023?"). */
  year?: number;
}

// Closed word classes of English grammar (Quirk et al., "A Comprehensive Grammar of the English
// Language": wh-words ch. 6.35, primary and modal auxiliaries ch. 3, determiners and pronouns ch. 5–6,
// prepositions ch. 9, conjunctions ch. 13), plus the request verbs that open an imperative question
// ("tell me", "list", "give", "name", "show").
const GRAMMAR_WORDS = new Set(
  (
    "who whom whose what which when where how many much " +
    "is are was were be been being do does did has have had can could would will " +
    "the a an this that these those each both all every either its their it they them his her " +
    "of in on by from at for with to about into under and or as " +
    "tell me us list give name show please you know i my " +
    // The Latin abbreviation of a name's citation form ("Verma et al."), which names a document.
    "et al"
  ).split(" "),
);
// The nouns a document is addressed by (those `document-mentions.ts` reads, and their near synonyms in
// the bibliographic sense: "manuscript", "publication", "document").
const DOCUMENT_NOUNS = new Set("review reviews paper papers article articles manuscript manuscripts publication publications document documents".split(" "));
const PLURAL_CUE = new Set("reviews papers articles manuscripts publications documents each both all every".split(" "));
// The record's own vocabulary: the elements of a bibliographic reference and of a journal article's
// front matter (NISO JATS `<article-meta>`: contrib/author, aff, corresp, pub-date, history
// received/accepted, article-title, volume, issue, doi; journal-title, publisher), with the verbs
// English uses for them (write, author, publish, appear, receive, accept, submit, call, title).
const RECORD_WORDS = new Set(
  (
    "author authors authored authoring wrote write written writes writer writers co-author co-authors coauthor coauthors " +
    "first lead last senior corresponding correspondence contact email e-mail emails e-mails address addresses " +
    "affiliation affiliations affiliated institution institutions institutional university universities institute institutes organisation organisations organization organizations based " +
    "journal journals venue publisher published publish publishes publishing publication appear appeared " +
    "year years date dates day received submitted accepted online " +
    "doi dois identifier identifiers title titles titled called entitled full volume issue " +
    "there number " +
    // Its reference list (JATS `<ref-list>`): "How many references does the Verma review cite?".
    "reference references ref refs bibliography cite cites cited citations entries entry list long length " +
    // The article's handling editor and peer reviewers (JATS contrib-type "editor", "reviewer").
    "editor editors edited handling reviewer reviewers reviewed peer " +
    // Comparatives and superlatives of time and number that compare the papers' records (Quirk et al., ch. 7).
    "first earlier earliest later latest newer newest older oldest recent recently more fewer most"
  ).split(" "),
);

const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

function words(text: string): string[] {
  return [...text.normalize("NFKD").replace(/\p{M}/gu, "").matchAll(WORD)].map((match) => match[0].toLowerCase().replace(/['’]s$/, ""));
}

/**
 * The field a question asks of a paper, or null when it is no such question.
 *
 * @param namingWords words that name the question's documents (their ids, authors' surnames, title and
 *   journal words, year): set aside, they say which paper, not what is asked.
 * @param named whether the question names a document, or may stand for the only one by a pronoun ("Who
 *   wrote it?" over a one-document corpus with no conversation before); else it must address one with a
 *   document noun.
 * @example
 * parseDocumentFacts("Who is the corresponding author of the Guan review?", ["guan"], true);
 * // { field: "correspondingAuthor", plural: false }
 */
export function parseDocumentFacts(question: string, namingWords: readonly string[], named: boolean | "pronoun"): DocumentFactsIntent | null {
  const naming = new Set(namingWords.map((word) => word.toLowerCase()));
  const all = words(question);
  // A year restricts a reference list ("Which references are from 2023?"); elsewhere it is a topic ("What year did the FDA …").
  const year = all.find((word) => YEAR.test(word));
  const rest = all.filter((word) => !naming.has(word) && word !== year);
  const addressed = named === true || all.some((word) => DOCUMENT_NOUNS.has(word)) || (named === "pronoun" && all.some((word) => word === "it" || word === "its"));
  if (!addressed || rest.length === 0) return null;
  if (!rest.every((word) => GRAMMAR_WORDS.has(word) || DOCUMENT_NOUNS.has(word) || RECORD_WORDS.has(word))) return null;
  const field = askedField(rest);
  if (!field || (year && field !== "referenceList")) return null;
  return { field, plural: all.some((word) => PLURAL_CUE.has(word)), ...(year ? { year: Number(year) } : {}) };
}

const YEAR = /^(?:19|20)\d\d$/;

/** The field the record words ask for, the most specific first ("Which journal published …" asks the journal). */
function askedField(rest: readonly string[]): DocumentField | null {
  const has = (...options: string[]) => options.some((word) => rest.includes(word));
  const authorWord = has("author", "authors", "co-author", "co-authors", "coauthor", "coauthors", "writer", "writers");
  if (has("doi", "dois", "identifier", "identifiers")) return "doi";
  if (has("title", "titles", "titled", "called", "entitled")) return "title";
  if (has("volume", "issue")) return "volume";
  if (has("affiliation", "affiliations", "affiliated", "institution", "institutions", "institutional", "university", "universities", "institute", "institutes", "organisation", "organisations", "organization", "organizations", "based")) {
    return "affiliations";
  }
  const email = has("email", "e-mail", "emails", "e-mails");
  if (has("address", "addresses") && !email) return "affiliations";
  if (has("where") && authorWord && has("from")) return "affiliations";
  if (email || has("corresponding", "correspondence", "contact")) return "correspondingAuthor";
  if (has("editor", "editors", "edited", "reviewer", "reviewers", "reviewed")) return "editors";
  // "How many references / papers does it cite?", "How long is its reference list?": the list's length, before the authors';
  // "Which references does it cite?", "List / show the references": its entries.
  const referenceWord = has("reference", "references", "ref", "refs", "bibliography", "cite", "cites", "cited", "citations", "entries");
  if (referenceWord && !has("who", "whom", "whose")) {
    if ((has("how") && has("many", "long")) || has("number", "more", "fewer", "most", "length")) return "referenceCount";
    if (has("which", "what", "list", "show", "give", "name")) return "referenceList";
  }
  if (has("how") && has("many") && authorWord) return "authorCount";
  if (has("more", "fewer", "most") && authorWord) return "authorCount";
  if (has("number") && authorWord) return "authorCount";
  if (has("first", "lead") && authorWord) return "firstAuthor";
  if (has("last", "senior") && authorWord) return "lastAuthor";
  if (has("journal", "journals", "venue", "publisher")) return "journal";
  if (has("where") && has("published", "publish", "appear", "appeared")) return "journal";
  if (has("received", "submitted")) return "received";
  if (has("accepted")) return "accepted";
  if (has("year", "years")) return "year";
  if (has("when", "date", "dates", "day") && has("published", "publish", "publication", "appear", "appeared", "online")) return "published";
  if (has("date", "dates") && !authorWord) return "published";
  // "Which review was published first?": the dates answer it.
  if (has("published", "publish", "appear", "appeared") && !authorWord) return "published";
  if (authorWord || has("wrote", "write", "written", "writes", "authored")) return "authors";
  return null;
}
