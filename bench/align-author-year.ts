// The structure grader's alignment of an author–year paper's printed list with a parsed one
// (align_author_year in ../shared/tools/structure_eval.py, ported line by line): gold numbers are
// 1-based printed positions; entries match on first-author surname + year (in authors[0] or the
// first words of the entry text); the longest order-preserving run of matches wins.
import type { ReferenceEntry } from "../src/types.ts";

const fold = (s: string) => s.normalize("NFKC").normalize("NFKD").replace(/\p{M}/gu, "");
export const words = (s: string) => fold(s).toLowerCase().replace(/[^a-z0-9]+/g, " ").trim().split(" ").filter(Boolean);
export const containsSeq = (hay: string[], needle: string[]) =>
  needle.length > 0 && hay.some((_, i) => needle.every((word, j) => hay[i + j] === word));

/** Printed position → parsed n: longest common subsequence on first-author surname + year. */
export function alignAuthorYear(keys: [string, number][], refs: ReferenceEntry[]): Map<number, number> {
  const cand = [...refs].sort((a, b) => a.n - b.n).map((r) => ({ n: r.n, a0: words(r.authors[0] ?? ""), head: words(r.text).slice(0, 8), year: r.year, text: r.text }));
  const same = (key: [string, number], c: (typeof cand)[number]) => {
    const surname = words(key[0]);
    if (!(containsSeq(c.a0, surname) || containsSeq(c.head, surname))) return false;
    return String(c.year) === String(key[1]) || new RegExp(`\\b${key[1]}`).test(c.text);
  };
  const N = keys.length;
  const M = cand.length;
  const L = Array.from({ length: N + 1 }, () => new Array<number>(M + 1).fill(0));
  for (let i = N - 1; i >= 0; i--) {
    for (let j = M - 1; j >= 0; j--) {
      L[i]![j] = same(keys[i]!, cand[j]!) ? L[i + 1]![j + 1]! + 1 : Math.max(L[i + 1]![j]!, L[i]![j + 1]!);
    }
  }
  const out = new Map<number, number>();
  let i = 0;
  let j = 0;
  while (i < N && j < M) {
    if (same(keys[i]!, cand[j]!) && L[i]![j] === L[i + 1]![j + 1]! + 1) {
      out.set(i + 1, cand[j]!.n);
      i++;
      j++;
    } else if (L[i + 1]![j]! >= L[i]![j + 1]!) i++;
    else j++;
  }
  return out;
}

