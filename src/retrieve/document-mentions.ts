// Which documents a question names, so that search can prefer their passages and answering can
// prefer their sentences: "guan2024", "Guan et al.", "the Verma review", "Guan 2024", "Verma's", "what does Guan say",
// "Frontiers in Immunology" / "Front. Immunol.", "the Nanoscale Advances paper", "the nanomaterials
// review", "the miRNA paper". Only an explicit mention counts: a journal's words name it only as the
// whole journal name printed as a name (or next to "review/paper/article"), never inside other words
// or in ordinary use ("nanoscale drug carriers", "frontline therapy", "cancers that resist …").
import { tokenize } from "../index/tokenize.ts";
import type { DocumentMeta } from "../types.ts";

export type NamedDocument = Pick<DocumentMeta, "id" | "title" | "journal" | "authors">;

// The nouns a document is named with ("the Guan review", "the miRNA paper").
const DOCUMENT_NOUN = /^(?:reviews?|papers?|articles?)$/;
// Words that join parts of a journal name without being printed in its abbreviation (ISO 4 drops them).
const JOURNAL_FUNCTION_WORDS = new Set(["in", "of", "the", "and", "for", "on"]);
// Words that open many journal names (the common title words of the ISO 4 word list): alone before
// "paper" they name no journal in particular ("the Journal paper", "the Advances review").
const GENERIC_JOURNAL_WORDS = new Set([
  "journal", "international", "advances", "current", "annals", "archives", "acta", "american",
  "european", "clinical", "reports", "letters", "research", "science", "reviews",
]);
// Words before a document noun that may name it ("the Guan and Verma reviews"), at most this many.
const MAX_NAME_WORDS = 4;
// "What does Guan say about …", "Does Verma discuss …", "Guan writes that …": a surname printed as a name
// and followed by a verb of reporting (the reporting verbs of academic English: Hyland, "Academic
// attribution", Applied Linguistics 20(3), 1999, and Swales & Feak, "Academic Writing for Graduate
// Students") is the author speaking for the paper.
const REPORTING_VERB = new RegExp(
  String.raw`^(?:say|says|said|write|writes|wrote|written|discuss|discusses|discussed|mention|mentions|mentioned|report|reports|reported|describe|describes|described|argue|argues|argued|claim|claims|claimed|note|notes|noted|state|states|stated|suggest|suggests|suggested|conclude|concludes|concluded|propose|proposes|proposed|cover|covers|covered|review|reviews|reviewed|cite|cites|cited|explain|explains|explained|summarize|summarizes|summarized|summarise|summarises|summarised|list|lists|listed|think|thinks|thought|emphasize|emphasizes|emphasized|emphasise|emphasises|emphasised|highlight|highlights|highlighted|` +
    // Hyland's research, cognition and discourse acts, and the verbs of presenting ("What future perspectives does Verma give?")
    String.raw`find|finds|found|show|shows|showed|identify|identifies|identified|observe|observes|observed|present|presents|presented|recommend|recommends|recommended|consider|considers|considered|view|views|viewed|believe|believes|believed|give|gives|gave|offer|offers|offered|provide|provides|provided|outline|outlines|outlined|` +
    // The research acts of method ("What methods did Tague use?").
    String.raw`use|uses|used|apply|applies|applied|employ|employs|employed|measure|measures|measured|test|tests|tested|examine|examines|examined|analyse|analyses|analysed|analyze|analyzes|analyzed)$`,
);
// The nouns of a paper's reference list ("Verma ref 100", "the Guan bibliography").
const REFERENCE_NOUN = /^(?:ref|refs|reference|references|citation|citations|bibliography)$/;
// "the paper published in Nanomaterials": the verb that may stand between the noun and "in <journal>".
const PUBLISHED = /^(?:published|appeared|appearing|printed)$/;

interface Word {
  raw: string;
  lower: string;
  /** Analyzer terms of the word (title words are compared by these). */
  terms: string[];
  /** Printed with a full stop after it ("Front."): possibly an abbreviation. */
  dotted: boolean;
  /** Followed by "'s". */
  possessive: boolean;
  /** Opens a sentence: its capital says nothing. */
  opensSentence: boolean;
  /** A comma, colon or semicolon (not a space) separates it from the word before. */
  afterPunctuation: boolean;
  /** Offsets in the (accent-folded) text. */
  start: number;
  end: number;
}

const WORD_RE = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
const fold = (text: string) => text.normalize("NFKD").replace(/\p{M}/gu, "");

function readWords(text: string): Word[] {
  const folded = fold(text);
  const words: Word[] = [];
  let previousEnd = 0;
  for (const match of folded.matchAll(WORD_RE)) {
    const raw = match[0];
    const start = match.index!;
    const end = start + raw.length;
    const gap = folded.slice(previousEnd, start);
    previousEnd = end;
    // The "s" of "Guan's" belongs to the word before.
    if (raw.toLowerCase() === "s" && /['’]$/.test(gap) && words.length > 0) continue;
    words.push({
      raw,
      lower: raw.toLowerCase(),
      terms: tokenize(raw),
      dotted: folded[end] === ".",
      possessive: /^['’]s\b/i.test(folded.slice(end)),
      opensSentence: words.length === 0 || /[.!?]\s*$/.test(gap),
      afterPunctuation: /[,;:()]/.test(gap),
      start,
      end,
    });
  }
  return words;
}

interface JournalWord {
  word: string;
  /** Printed abbreviated ("Immunol."): stands for a longer word with its letters in order. */
  abbreviated: boolean;
}

interface DocumentNames {
  id: string;
  surnames: Set<string>;
  /** The journal's content words, in order ("Front. Immunol." → front., immunol.). */
  journal: JournalWord[];
  titleTerms: Set<string>;
}

function journalWords(journal: string): JournalWord[] {
  return [...fold(journal).matchAll(/([\p{L}\p{N}]+)(\.?)/gu)]
    .map((m) => ({ word: m[1]!.toLowerCase(), abbreviated: m[2] === "." }))
    .filter(({ word }) => !JOURNAL_FUNCTION_WORDS.has(word));
}

/** "immunology" for "Immunol.", "frontiers" for "Front.", "national" for "Natl.": same first letter, the letters in order. */
function abbreviates(short: string, long: string): boolean {
  if (long.length <= short.length || long[0] !== short[0]) return false;
  let at = 0;
  for (const ch of long) if (ch === short[at]) at++;
  return at === short.length;
}

function journalWordMatches(word: Word, jw: JournalWord): boolean {
  if (word.lower === jw.word) return true;
  // Either side may be the abbreviation: the metadata's "Immunol." or the question's "Immunol.".
  return (jw.abbreviated && abbreviates(jw.word, word.lower)) || (word.dotted && abbreviates(word.lower, jw.word));
}

/**
 * How many question words from `start` spell the journal's leading words, function words between
 * them skipped ("Frontiers in Immunology" = "Front. Immunol."); 0 when the first does not match.
 */
function journalPrefixAt(words: readonly Word[], start: number, journal: readonly JournalWord[]): { matched: number; end: number } {
  let at = start;
  let matched = 0;
  while (matched < journal.length && at < words.length) {
    if (matched > 0 && JOURNAL_FUNCTION_WORDS.has(words[at]!.lower)) {
      at++;
      continue;
    }
    if (!journalWordMatches(words[at]!, journal[matched]!)) break;
    matched++;
    at++;
  }
  return { matched, end: at };
}

/** Printed the way a name is: capitalised where a capital means something, or abbreviated with a full stop. */
const printedAsName = (word: Word) => word.dotted || (/^\p{Lu}/u.test(word.raw) && !word.opensSentence);

/** Recognises the documents of one corpus in questions; build once per loaded index. */
export class DocumentMentions {
  private readonly names: DocumentNames[];

  constructor(documents: readonly NamedDocument[]) {
    this.names = documents.map((meta) => {
      const id = meta.id.toLowerCase();
      const surnames = new Set<string>();
      // Ids are `<first author's surname><year>[a|b]`; the author list says it with its spelling.
      const idSurname = /^[a-z]+/.exec(id)?.[0];
      if (idSurname) surnames.add(idSurname);
      const lastName = meta.authors[0]?.trim().split(/\s+/).pop();
      if (lastName) surnames.add(fold(lastName).toLowerCase());
      return {
        id,
        surnames: new Set([...surnames].filter((s) => s.length >= 2)),
        journal: journalWords(meta.journal ?? ""),
        titleTerms: new Set(tokenize(meta.title)),
      };
    });
  }

  /** Was it built for exactly these documents, in this order (so one built for the same corpus can be shared)? */
  recognises(ids: readonly string[]): boolean {
    return ids.length === this.names.length && ids.every((id, i) => this.names[i]!.id === id.toLowerCase());
  }

  /** Ids of the documents `text` names, in corpus order; empty when it names none. */
  find(text: string): string[] {
    const words = readWords(text);
    const named = new Set<string>();
    for (const doc of this.names) if (this.namesExplicitly(words, doc)) named.add(doc.id);
    for (const { id } of this.groupsNaming(words)) named.add(id);
    return this.names.filter((doc) => named.has(doc.id)).map((doc) => doc.id);
  }

  /** The word groups next to a document noun that name one document ("the nanomaterials review"), with the noun. */
  private *groupsNaming(words: readonly Word[]): Generator<{ group: Word[]; noun: Word; id: string }> {
    for (const [i, noun] of words.entries()) {
      if (!DOCUMENT_NOUN.test(noun.lower)) continue;
      for (const group of wordsNaming(words, i)) {
        const id = this.bestNamed(group);
        if (id) yield { group, noun, id };
      }
    }
  }

  /**
   * The words of `text` that stand for the documents it names: their ids and first authors' surnames
   * ("Does the Guan paper mention hypoxia?" → ["Guan"]). They say which paper is asked, not what about,
   * so answering weighs the rest of the question as its topic. Journal and title words stay: they are
   * topic words too ("the nanomaterials review").
   *
   * @example
   * mentions.namingWords("What does Verma et al. say about exosomes?"); // ["Verma"]
   */
  namingWords(text: string): string[] {
    const named = new Set(this.find(text));
    const names = this.names.filter((doc) => named.has(doc.id));
    return readWords(text)
      .filter((word) => names.some((doc) => word.lower === doc.id || (doc.surnames.has(word.lower) && /^\p{Lu}/u.test(word.raw))))
      .map((word) => word.raw);
  }

  /**
   * `text` without the words before a document noun that name a document by its title or journal ("the
   * nanomaterials review" → "the review"): there they say which paper is asked, not what about, and
   * left in, "In the view of the nanomaterials review, are liposomes useful?" is searched as a question
   * about nanomaterials. The same words elsewhere in the question stay. Offsets are those of the
   * accent-folded text, so the text is returned folded when it names anything.
   *
   * @example
   * mentions.withoutNamingTitles("Does the miRNA review discuss miRNA sponges?"); // "Does the review discuss miRNA sponges?"
   */
  withoutNamingTitles(text: string): string {
    const words = readWords(text);
    const cut: Word[] = [];
    for (const { group, noun } of this.groupsNaming(words)) {
      // Only the words before the noun: "the review on hypoxia" asks about hypoxia.
      if (group[0]!.start > noun.start) continue;
      cut.push(...group.filter((w) => !this.names.some((doc) => doc.surnames.has(w.lower) || doc.id === w.lower)));
    }
    if (cut.length === 0) return text;
    const folded = fold(text);
    let out = "";
    let at = 0;
    for (const w of [...cut].sort((a, b) => a.start - b.start)) {
      out += folded.slice(at, w.start);
      at = w.end;
    }
    return (out + folded.slice(at)).replace(/\s{2,}/g, " ");
  }

  /** The id, the first author with "et al."/"'s"/a year/"by", or the journal's whole name printed as one. */
  private namesExplicitly(words: readonly Word[], doc: DocumentNames): boolean {
    return words.some((word, i) => {
      if (word.lower === doc.id) return true;
      if (doc.surnames.has(word.lower)) {
        const next = words[i + 1];
        const previous = words[i - 1];
        if (word.possessive || next?.lower === "et" || /^(?:19|20)\d\d[a-z]?$/.test(next?.lower ?? "")) return true;
        if (next?.lower === "and" && /^(?:colleagues|coworkers|co-workers)$/.test(words[i + 2]?.lower ?? "")) return true;
        // "the review by Guan", "reference 12 in Verma", "according to Guan": a capitalised surname after a preposition.
        const preposition = /^(?:by|in|from)$/.test(previous?.lower ?? "") || (previous?.lower === "to" && words[i - 2]?.lower === "according");
        if (preposition && printedAsName(word)) return true;
        // "What does Guan say about …", "Does Verma discuss …": the author reporting, printed as a name.
        if (printedAsName(word) && REPORTING_VERB.test(next?.lower ?? "")) return true;
        // "Verma ref 100", "the Guan reference list": a surname printed as a name before a noun of its reference list.
        if (printedAsName(word) && REFERENCE_NOUN.test(next?.lower ?? "")) return true;
      }
      if (doc.journal.length === 0) return false;
      const { matched, end } = journalPrefixAt(words, i, doc.journal);
      if (matched < doc.journal.length) return false;
      const phrase = words.slice(i, end).filter((w) => !JOURNAL_FUNCTION_WORDS.has(w.lower));
      // A name of two or more words printed as a name ("Frontiers in Immunology", "Front. Immunol.").
      if (phrase.length >= 2 && phrase.every(printedAsName)) return true;
      // A name of two or more words before a document noun: "the frontiers in immunology paper" (a one-word
      // name there is weighed against title words, see `bestNamed`).
      if (phrase.length >= 2 && words[end] && DOCUMENT_NOUN.test(words[end]!.lower)) return true;
      // After one: "the review in Cancers", "the paper published in Nanomaterials".
      if (words[i - 1]?.lower !== "in") return false;
      const noun = PUBLISHED.test(words[i - 2]?.lower ?? "") ? words[i - 3] : words[i - 2];
      return noun !== undefined && DOCUMENT_NOUN.test(noun.lower);
    });
  }

  /** The one document a group of words before a document noun names, if exactly one fits best. */
  private bestNamed(group: readonly Word[]): string | undefined {
    const scores = this.names.map((doc) => {
      // "the Guan review"; a lower-case "long" before "papers" is an adjective, not Long et al.
      if (group.some((w) => doc.surnames.has(w.lower) && /^\p{Lu}/u.test(w.raw))) return Infinity;
      let score = 0;
      // "the Frontiers paper", "the Nanoscale Advances review": the journal's leading words, the first a distinctive one.
      const first = doc.journal[0];
      if (first && first.word.length >= 4 && !GENERIC_JOURNAL_WORDS.has(first.word)) {
        for (let start = 0; start < group.length; start++) {
          const { matched, end } = journalPrefixAt(group, start, doc.journal);
          if (matched > 0 && end === group.length) score = Math.max(score, matched);
        }
      }
      // "the miRNA paper": title words, except those every document's title shares ("breast cancer").
      for (const word of group) {
        const inTitle = (names: DocumentNames) => word.terms.some((t) => names.titleTerms.has(t));
        if (inTitle(doc) && !this.names.every(inTitle)) score++;
      }
      return score;
    });
    const best = Math.max(0, ...scores);
    const winners = this.names.filter((_, i) => scores[i] === best);
    return best > 0 && winners.length === 1 ? winners[0]!.id : undefined;
  }
}

/**
 * The groups of words that may name the document noun at `nounAt`: the words just before it ("the
 * nanomaterials review"), split at "and" ("the Guan and Verma reviews"), and those after "on"/"about"
 * ("the review on nanomaterials").
 */
function wordsNaming(words: readonly Word[], nounAt: number): Word[][] {
  const groups: Word[][] = [[]];
  for (let i = nounAt - 1, taken = 0; i >= 0 && taken < MAX_NAME_WORDS; i--) {
    const word = words[i]!;
    if (word.lower === "and" || word.lower === "&") {
      groups.unshift([]);
      continue;
    }
    if (/^\d+$/.test(word.lower) || word.terms.length === 0 || words[i + 1]!.afterPunctuation) break;
    groups[0]!.unshift(word);
    taken++;
  }
  const after = words[nounAt + 1];
  if (after && /^(?:on|about)$/.test(after.lower)) {
    const topic: Word[] = [];
    for (let i = nounAt + 2; i < words.length && topic.length < MAX_NAME_WORDS - 1; i++) {
      if (words[i]!.terms.length === 0 || words[i]!.afterPunctuation) break;
      topic.push(words[i]!);
    }
    groups.push(topic);
  }
  return groups.filter((group) => group.length > 0);
}
