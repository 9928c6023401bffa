// Questions often name the review they are about — "the nanomaterials review", "the Verma paper",
// "the Frontiers in Immunology article", "the miRNA review" — and those words rarely occur in the
// passage itself. Recognising the named document lets hybrid search prefer its chunks.
import { tokenize } from "../index/tokenize.ts";
import type { DocumentMeta } from "../types.ts";

// Up to four words before "review", "paper" or "article": "the Nanoscale Advances review".
const MENTION_RE = /((?:[\p{L}\p{N}'’.-]+\s+){1,4})(?:review|paper|article)\b/giu;

/** Terms a document can be named by: its id, title, journal and first author's surname. */
function nameTerms(meta: Pick<DocumentMeta, "id" | "title" | "journal" | "authors">): string[] {
  const surname = meta.authors[0]?.split(/\s+/).pop() ?? "";
  return [...new Set(tokenize([meta.id, meta.title, meta.journal ?? "", surname].join(" ")))];
}

// Journal names are abbreviated in the metadata ("Front. Immunol.", "Nanoscale Adv."): a question
// term matches a name term when one is a prefix of the other (≥ 3 letters).
const termsMatch = (a: string, b: string) =>
  a === b || (Math.min(a.length, b.length) >= 3 && (a.startsWith(b) || b.startsWith(a)));

/**
 * Ids of the documents a question names, when the naming is unambiguous: the words before
 * "review/paper/article" must match one document's name terms and not every document's.
 *
 * @example
 * mentionedDocuments("refs 21–23 of the miRNA paper", documents) // ["verma2024"]
 */
export function mentionedDocuments(
  query: string,
  documents: readonly Pick<DocumentMeta, "id" | "title" | "journal" | "authors">[],
): string[] {
  if (documents.length < 2) return [];
  const names = documents.map((meta) => ({ id: meta.id, terms: nameTerms(meta) }));
  const found = new Set<string>();
  for (const match of query.matchAll(MENTION_RE)) {
    const words = tokenize(match[1]!);
    const score = new Map<string, number>();
    for (const word of words) {
      const owners = names.filter((name) => name.terms.some((term) => termsMatch(word, term)));
      // A word every document shares ("breast", "cancer") names none of them.
      if (owners.length === 0 || owners.length === names.length) continue;
      for (const owner of owners) score.set(owner.id, (score.get(owner.id) ?? 0) + 1);
    }
    const best = Math.max(0, ...score.values());
    const winners = [...score].filter(([, s]) => s === best && best > 0);
    if (winners.length === 1) found.add(winners[0]![0]);
  }
  return [...found];
}
