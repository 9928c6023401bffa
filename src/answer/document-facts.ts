// Answers questions about the papers themselves ("Who wrote the Verma review?", "What is the DOI of
// guan2024?", "When were the reviews published?") from each document's bibliographic record
// (`DocumentMeta`: title, authors, journal, year, volume, DOI), cited as that document's record; the
// history dates, corresponding authors and affiliations from its front-matter passage
// (front-matter-facts.ts), cited as that passage. A fact neither holds is said to be missing, never guessed.
import { type AnswerReference, type AnswerSource, type ChatTurn, referenceEntries } from "./answer-payload.ts";
import type { AnswerResources } from "./answer-resources.ts";
import { documentLabel } from "./answer-resources.ts";
import { lastNamedPaper } from "./condense-question.ts";
import { type DocumentFactsIntent, parseDocumentFacts } from "./document-facts-intent.ts";
import { affiliations, correspondingAuthors, editorsAndReviewers, historyDates } from "./front-matter-facts.ts";
import type { DocumentMeta } from "../types.ts";

export interface DocumentFactsAnswer {
  answer: string;
  refused: false;
  sources: AnswerSource[];
  /** The entries a reference-list answer prints; none for other facts. */
  references: AnswerReference[];
}

/** The section names a record source and a front-matter source are shown under. */
export const RECORD_SECTION = "Bibliographic record";
export const FRONT_MATTER_SECTION = "Front matter";
export const REFERENCE_LIST_SECTION = "Reference list";

/**
 * The answer to a question about the papers' own record, or null when the question is no such question.
 * Documents: those the question names (within `docs`), else `docs`, else the whole corpus. With one
 * document in scope and no conversation before (`followUp` false), "it" stands for that document.
 */
export function answerDocumentFacts(
  question: string,
  res: AnswerResources,
  docs?: readonly string[],
  followUp: boolean | readonly ChatTurn[] = false,
): DocumentFactsAnswer | null {
  const inDocs = (id: string) => !docs?.length || docs.includes(id);
  const named = res.mentions.find(question).filter(inDocs);
  // In a conversation, "it" is the paper the latest user turn naming one paper named ("Who wrote it?" after
  // "And in the Guan review?").
  const history = typeof followUp === "boolean" ? [] : followUp;
  const earlier = named.length === 0 && POINTS_AT_PAPER.test(question) ? lastNamedPaper(history, res.mentions, inDocs) : undefined;
  const metas = (earlier ? [earlier] : named).map((id) => res.corpus.document(id)?.meta).filter((meta): meta is DocumentMeta => meta !== undefined);
  const inScope = res.corpus.documents.map((doc) => doc.meta).filter((meta) => inDocs(meta.id));
  const conversation = typeof followUp === "boolean" ? followUp : followUp.length > 0;
  const addressed = (metas.length > 0 && (earlier ? "pronoun" : true)) || (inScope.length === 1 && !conversation && "pronoun");
  const intent = parseDocumentFacts(question, [...res.mentions.namingWords(question), ...metas.flatMap(namingWordsOf)], addressed);
  if (!intent) return null;
  const scope = metas.length ? metas : inScope;
  if (scope.length === 0) return null;
  const sources: AnswerSource[] = [];
  const listed: { docId: string; n: number }[] = [];
  const lines = scope.map((meta) => {
    if (intent.field === "referenceCount" || intent.field === "referenceList") {
      const { statement: said, listing, source, entries } = referenceListFacts(res, meta, sources.length + 1, intent);
      sources.push(source);
      listed.push(...entries.map((n) => ({ docId: meta.id, n })));
      return [`${said} [${source.n}]`, ...listing].join("\n");
    }
    const passage = res.corpus.document(meta.id)?.frontMatter;
    const label = documentLabel(res.corpus, meta.id);
    const fromFront = passage ? frontMatterStatement(intent, meta, label, passage) : null;
    const n = sources.length + 1;
    sources.push(fromFront ? frontMatterSource(meta, passage!, n) : recordSource(meta, n));
    return `${fromFront ?? statement(intent, meta, label)} [${n}]`;
  });
  // A listing prints one entry per line, so each paper's part starts on its own line too.
  const answer = lines.join(intent.field === "referenceList" ? "\n" : " ");
  return { answer, refused: false, sources, references: referenceEntries((docId, n) => res.corpus.reference(docId, n), listed) };
}

// A pronoun standing for a paper ("Who wrote it?", "When was it published?", "What is its DOI?").
const POINTS_AT_PAPER = /\b(?:it|its)\b/i;

/** Words of a document's record that may name it in a question: title, journal, authors' names, year. */
function namingWordsOf(meta: DocumentMeta): string[] {
  const text = [meta.id, meta.title, meta.journal ?? "", ...meta.authors, String(meta.year ?? "")].join(" ");
  return [...text.normalize("NFKD").replace(/\p{M}/gu, "").matchAll(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu)].map((m) => m[0].toLowerCase());
}

/** The record as one citable passage: "Authors (year). Title. Journal volume. doi: …". */
export function recordText(meta: DocumentMeta): string {
  const parts = [
    meta.authors.length ? `${meta.authors.join(", ")}${meta.year ? ` (${meta.year})` : ""}.` : meta.year ? `(${meta.year}).` : "",
    meta.title ? `${meta.title.replace(/[.\s]+$/, "")}.` : "",
    meta.journal ? `${meta.journal.replace(/[.\s]+$/, "")}${meta.volume ? ` ${meta.volume}` : ""}.` : "",
    meta.doi ? `doi: ${meta.doi}` : "",
  ];
  return parts.filter(Boolean).join(" ");
}

function recordSource(meta: DocumentMeta, n: number): AnswerSource {
  return { n, id: `${meta.id}:record`, docId: meta.id, docTitle: meta.title, section: RECORD_SECTION, kind: "text", text: recordText(meta), refs: [], score: 1 };
}

function frontMatterSource(meta: DocumentMeta, passage: string, n: number): AnswerSource {
  return { n, id: `${meta.id}:front-matter`, docId: meta.id, docTitle: meta.title, section: FRONT_MATTER_SECTION, kind: "text", text: passage, refs: [], score: 1 };
}

/** Entries a reference-list answer prints, at most: enough to browse, and the rest asked for by number or topic. */
export const LISTED_ENTRIES = 10;

/**
 * How long a paper's reference list is, as parsed, with the numbers its printed list skips; for a listing
 * question its first entries, or those from the year asked. The source is the list itself (the entries
 * shown, or its first and last), since the bibliographic record does not count it.
 */
function referenceListFacts(
  res: AnswerResources,
  meta: DocumentMeta,
  n: number,
  intent: DocumentFactsIntent,
): { statement: string; listing: string[]; source: AnswerSource; entries: number[] } {
  const doc = res.corpus.document(meta.id);
  const label = documentLabel(res.corpus, meta.id);
  const entries = doc?.references ?? [];
  const first = entries[0];
  const last = entries[entries.length - 1];
  if (!first || !last) return { statement: `No reference list could be read from ${label}.`, listing: [], source: recordSource(meta, n), entries: [] };
  // "12. Entry …" in a numbered list; "Smith et al., 2020: Entry …" in an author–year one.
  const line = (entry: (typeof entries)[number]) => `${entry.label ? `${entry.label}:` : `${entry.n}.`} ${entry.text.trim().replace(/\s+/g, " ")}`;
  const numbered = entries.every((entry) => !entry.label);
  const missing = doc?.missingReferenceNumbers ?? [];
  const span = numbered ? `, numbered ${first.n}–${last.n}` : "";
  const gaps = missing.length ? `; ${missing.length === 1 ? `number ${missing[0]} is` : `numbers ${listed(missing.map(String))} are`} missing from the printed list` : "";
  const counted = `The reference list of ${label} has ${entries.length} ${entries.length === 1 ? "entry" : "entries"}${span}${gaps}.`;
  const source = (shown: readonly (typeof entries)[number][], separator = "\n"): AnswerSource => ({
    n,
    id: `${meta.id}:references`,
    docId: meta.id,
    docTitle: meta.title,
    section: REFERENCE_LIST_SECTION,
    kind: "text",
    text: shown.map(line).join(separator),
    refs: [],
    score: 1,
  });
  if (intent.field === "referenceCount") return { statement: counted, listing: [], source: source(entries.length > 1 ? [first, last] : [first], " … "), entries: [] };
  const asked = intent.year === undefined ? entries : entries.filter((entry) => entry.year === intent.year);
  const shown = asked.slice(0, LISTED_ENTRIES);
  const more = asked.length - shown.length;
  const rest = more > 0 ? [`…and ${more} more: ask for one by number ("what is reference 12?") or for those on a topic ("which references does it cite on …?").`] : [];
  const numbers = shown.map((entry) => entry.n);
  if (intent.year === undefined) return { statement: `${counted} The first ${shown.length}:`, listing: [...shown.map(line), ...rest], source: source(shown), entries: numbers };
  const undated = entries.filter((entry) => entry.year === undefined).length;
  const unread = undated ? ` (${undated} print no year that could be read)` : "";
  if (asked.length === 0) return { statement: `None of the ${entries.length} entries in the reference list of ${label} is from ${intent.year}${unread}.`, listing: [], source: source([first, last], " … "), entries: [] };
  const from = `${asked.length} of the ${entries.length} entries in the reference list of ${label} ${asked.length === 1 ? "is" : "are"} from ${intent.year}${unread}:`;
  return { statement: from, listing: [...shown.map(line), ...rest], source: source(shown), entries: numbers };
}

/** The answer the front-matter passage gives, or null when it does not print the fact. */
function frontMatterStatement(intent: DocumentFactsIntent, meta: DocumentMeta, label: string, passage: string): string | null {
  const dates = historyDates(passage);
  switch (intent.field) {
    case "published":
      return dates.published ? `${label} was published on ${dates.published}${meta.journal ? ` in ${meta.journal}${meta.volume ? ` ${meta.volume}` : ""}` : ""}.` : null;
    case "received":
    case "accepted": {
      const date = dates[intent.field];
      if (!date) return null;
      const others = (["received", "accepted", "published"] as const).filter((event) => event !== intent.field && dates[event]);
      return `${label} was ${intent.field} on ${date}${others.length ? ` (${others.map((event) => `${event} ${dates[event]}`).join(", ")})` : ""}.`;
    }
    case "correspondingAuthor": {
      const { names, emails } = correspondingAuthors(passage, meta.authors);
      if (!names.length) return null;
      const plural = names.length > 1;
      return `The corresponding author${plural ? "s" : ""} of ${label} ${plural ? "are" : "is"} ${listed(names)}${emails.length ? ` (${emails.join(", ")})` : ""}.`;
    }
    case "affiliations": {
      const found = affiliations(passage);
      return found.length ? `The authors of ${label} give these affiliations: ${found.join("; ")}.` : null;
    }
    case "editors": {
      const { editors, reviewers } = editorsAndReviewers(passage);
      if (!editors.length && !reviewers.length) return null;
      const parts = [editors.length ? `edited by ${editors.join("; ")}` : "", reviewers.length ? `reviewed by ${reviewers.join("; ")}` : ""];
      return `${label} was ${parts.filter(Boolean).join(" and ")}.`;
    }
    default:
      return null;
  }
}

/** "A, B and C". */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function statement(intent: DocumentFactsIntent, meta: DocumentMeta, label: string): string {
  const title = meta.title ? `${label}, "${meta.title.replace(/[.\s]+$/, "")}",` : label;
  const missing = (what: string) => `The record of ${label} does not give ${what}.`;
  const authors = meta.authors;
  switch (intent.field) {
    case "doi":
      return meta.doi ? `The DOI of ${label} is ${meta.doi} (${meta.url ?? `https://doi.org/${meta.doi}`}).` : missing("a DOI");
    case "title":
      return meta.title ? `The title of ${label} is "${meta.title.replace(/[.\s]+$/, "")}".` : missing("a title");
    case "volume":
      return meta.volume
        ? `${title} appeared in volume ${meta.volume}${meta.journal ? ` of ${meta.journal}` : ""}${meta.year ? ` (${meta.year})` : ""}.`
        : missing("a volume");
    case "journal":
      return meta.journal ? `${title} was published in ${meta.journal}${meta.volume ? ` ${meta.volume}` : ""}${meta.year ? ` (${meta.year})` : ""}.` : missing("the journal");
    case "year":
    case "published":
      return meta.year
        ? `${title} was published in ${meta.year}${meta.journal ? ` in ${meta.journal}${meta.volume ? ` ${meta.volume}` : ""}` : ""}.`
        : missing("the year of publication");
    case "received":
      return `${missing("the date it was received")}${meta.year ? ` It was published in ${meta.year}.` : ""}`;
    case "accepted":
      return `${missing("the date it was accepted")}${meta.year ? ` It was published in ${meta.year}.` : ""}`;
    case "authors":
      return authors.length ? `${title} was written by ${listed(authors)}.` : missing("its authors");
    case "authorCount":
      return authors.length ? `${title} has ${authors.length} author${authors.length === 1 ? "" : "s"}: ${listed(authors)}.` : missing("its authors");
    case "firstAuthor":
      return authors.length ? `The first author of ${label} is ${authors[0]}.` : missing("its authors");
    case "lastAuthor":
      return authors.length ? `The last author of ${label} is ${authors[authors.length - 1]}.` : missing("its authors");
    case "correspondingAuthor":
      return `${missing("which author is the corresponding one")}${authors.length ? ` Its authors are ${listed(authors)}.` : ""}`;
    case "editors":
      return missing("its editors or reviewers");
    case "affiliations":
      return `${missing("the authors' affiliations")}${authors.length ? ` Its authors are ${listed(authors)}.` : ""}`;
    case "referenceCount":
    case "referenceList":
      return missing("its reference list"); // answered from the list itself (`referenceListFacts`)
  }
}
