// Which review a question names: "guan2024", "the Guan review", "Verma et al.", "the Frontiers
// paper", "the nanomaterials review", "the miRNA paper".
import { stemmer } from "stemmer";
import type { StoredDocument } from "../store/index-files.ts";
import { isStopword } from "./question-terms.ts";

const WORD = /[\p{L}\p{N}]+/gu;
const DOCUMENT_NOUN = /^(reviews?|papers?|articles?|study|publication|manuscript)$/;
// Journal abbreviation parts that name no journal in particular.
const GENERIC_JOURNAL_WORDS = new Set(["journal", "int", "international", "adv", "advances", "res", "research", "sci", "science", "the", "of", "and"]);
// How far (in words) a topic word may stand from "review"/"paper" to name a document.
const TOPIC_WINDOW = 3;
// Letters an abbreviated journal word may lack: "Immunol." → "Immunology", "Front." → "Frontiers".
const MAX_ABBREVIATED_SUFFIX = 4;

function words(text: string): string[] {
  return [...text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "").matchAll(WORD)].map((m) => m[0]);
}

interface JournalWord {
  word: string;
  /** Printed abbreviated ("Front.", "Immunol."): matches the words it abbreviates. */
  abbreviated: boolean;
}

interface DocumentNames {
  id: string;
  surname: string;
  journalWords: JournalWord[];
  topicStems: Set<string>;
}

function journalWordsOf(journal: string): JournalWord[] {
  return [...journal.normalize("NFKD").replace(/\p{M}/gu, "").matchAll(/([\p{L}\p{N}]+)(\.?)/gu)]
    .map((m) => ({ word: m[1]!.toLowerCase(), abbreviated: m[2] === "." }))
    .filter(({ word }) => word.length >= 4 && !GENERIC_JOURNAL_WORDS.has(word));
}

/** Precomputed names of each document; title and journal words count only where they are unique to one document. */
export class DocumentMentions {
  private readonly names: DocumentNames[];

  constructor(documents: readonly StoredDocument[]) {
    const titleStems = documents.map(
      (doc) => new Set(words(doc.meta.title).filter((w) => !isStopword(w) && w.length > 2).map((w) => stemmer(w))),
    );
    const journalWords = documents.map((doc) => journalWordsOf(doc.meta.journal ?? ""));
    this.names = documents.map((doc, i) => ({
      id: doc.meta.id.toLowerCase(),
      // Ids are `<first author's surname><year>[a|b]`, so the surname is the id's letter prefix.
      surname: /^[a-z]+/.exec(doc.meta.id.toLowerCase())?.[0] ?? "",
      journalWords: journalWords[i]!.filter((jw) =>
        journalWords.every((other, j) => j === i || !other.some((o) => o.word === jw.word)),
      ),
      topicStems: new Set(
        [...titleStems[i]!].filter((stem) => titleStems.every((other, j) => j === i || !other.has(stem))),
      ),
    }));
  }

  /** Ids of the documents `text` names, in corpus order; empty when it names none. */
  find(text: string): string[] {
    const tokens = words(text);
    const stems = tokens.map((w) => stemmer(w));
    const nounAt = tokens.flatMap((w, i) => (DOCUMENT_NOUN.test(w) ? [i] : []));
    const nearNoun = (i: number) => nounAt.some((j) => Math.abs(i - j) <= TOPIC_WINDOW);
    const found: string[] = [];
    for (const doc of this.names) {
      const named = tokens.some((w, i) => {
        if (w === doc.id) return true;
        if (doc.surname.length >= 2 && w === doc.surname) {
          // "Guan et al.", "the Guan review", "Guan 2024", "Guan's".
          const next = tokens[i + 1];
          return next === undefined || next === "et" || next === "s" || /^\d{4}$/.test(next) || nearNoun(i);
        }
        // "Frontiers" for "Front.": an abbreviation names the longer words it abbreviates, not the
        // word it spells ("front-line") nor a longer word it happens to begin ("immunoliposomes" for
        // "Immunol."); an unabbreviated journal word must match exactly.
        const journal = doc.journalWords.some((jw) =>
          jw.abbreviated
            ? w.length > jw.word.length && w.length <= jw.word.length + MAX_ABBREVIATED_SUFFIX && w.startsWith(jw.word)
            : w === jw.word,
        );
        if (journal) return true;
        return doc.topicStems.has(stems[i]!) && nearNoun(i);
      });
      if (named) found.push(doc.id);
    }
    return found;
  }
}
