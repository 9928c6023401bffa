// Papers cited by two or more reviews. Entries are the same paper when their DOIs match or,
// when at least one side has no DOI, when first author, year, journal and volume agree.
// Linked entries get the group's paperKey, so a lookup by key finds every review that cites it.
import type { CrossReviewLink, ParsedDocument, ReferenceEntry } from "../../types.ts";
import { normalizeName, sameBibliographicPaper, surnameOf } from "./paper-key.ts";

interface Item {
  docId: string;
  ref: ReferenceEntry;
}

export function linkCrossReviewReferences(docs: ParsedDocument[]): CrossReviewLink[] {
  const items: Item[] = docs.flatMap((doc) => doc.references.map((ref) => ({ docId: doc.meta.id, ref })));
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const join = (a: number, b: number) => {
    const rootA = find(a);
    const rootB = find(b);
    if (rootA !== rootB) parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
  };

  const byDoi = new Map<string, number>();
  const byAuthorYear = new Map<string, number[]>();
  items.forEach(({ ref }, i) => {
    if (ref.doi) {
      const seen = byDoi.get(ref.doi);
      if (seen === undefined) byDoi.set(ref.doi, i);
      else join(seen, i);
    }
    const author = ref.authors[0];
    if (author && ref.year !== undefined) {
      const key = `${normalizeName(surnameOf(author))}|${ref.year}`;
      byAuthorYear.set(key, [...(byAuthorYear.get(key) ?? []), i]);
    }
  });
  for (const bucket of byAuthorYear.values()) {
    for (let x = 0; x < bucket.length; x++) {
      for (let y = x + 1; y < bucket.length; y++) {
        const a = items[bucket[x]!]!.ref;
        const b = items[bucket[y]!]!.ref;
        // Two different DOIs are two papers, however alike the rest looks.
        if (a.doi && b.doi) continue;
        if (sameBibliographicPaper(a, b)) join(bucket[x]!, bucket[y]!);
      }
    }
  }

  const groups = new Map<number, Item[]>();
  items.forEach((item, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), item]);
  });
  const links: CrossReviewLink[] = [];
  for (const members of groups.values()) {
    if (new Set(members.map((member) => member.docId)).size < 2) continue;
    const withDoi = members.find((member) => member.ref.doi);
    const paperKey = withDoi ? `doi:${withDoi.ref.doi}` : members[0]!.ref.paperKey;
    for (const member of members) member.ref.paperKey = paperKey;
    links.push({
      paperKey,
      citedBy: members
        .map((member) => ({ docId: member.docId, n: member.ref.n }))
        .sort((a, b) => a.docId.localeCompare(b.docId) || a.n - b.n),
    });
  }
  return links.sort((a, b) => a.paperKey.localeCompare(b.paperKey));
}
