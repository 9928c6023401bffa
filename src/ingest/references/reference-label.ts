// How an author–year paper cites an entry of its list, the convention APA, Harvard and Chicago
// share: one author "Smith, 2020", two "Smith and Lee, 2020", three or more (or a printed
// "et al.") "Smith et al., 2020"; the printed letter that tells same-author-same-year works
// apart stays on the year ("2003a").
import { surnameOf } from "./paper-key.ts";

/** `authors` as printed; a corporate author ("R Core Team") is cited by its whole name. */
export function referenceLabel(authors: string[], etAl: boolean, year: number, suffix = "", corporate = false): string {
  const surnames = corporate ? authors.slice(0, 1) : authors.map(surnameOf);
  const who =
    surnames.length >= 3 || (etAl && surnames.length >= 1)
      ? `${surnames[0]} et al.`
      : surnames.length === 2
        ? `${surnames[0]} and ${surnames[1]}`
        : surnames[0] ?? "";
  return `${who}, ${year}${suffix}`;
}

export interface LabelParts {
  /** Surnames the label names (the first only, for "et al."). */
  surnames: string[];
  etAl: boolean;
  year: number;
  /** The printed a/b letter, "" when none. */
  suffix: string;
}

/** Read a label back: "Smith et al., 2003a" → surnames ["Smith"], et al., 2003, "a". */
export function labelParts(label: string): LabelParts | null {
  const match = /^(.+?),\s*(\d{4})([a-z]?)$/.exec(label.trim());
  if (!match) return null;
  const who = match[1]!;
  const etAl = /\s+et al\.?$/.test(who);
  const surnames = etAl ? [who.replace(/\s+et al\.?$/, "")] : who.split(/\s+and\s+/);
  return { surnames, etAl, year: Number(match[2]), suffix: match[3]! };
}
