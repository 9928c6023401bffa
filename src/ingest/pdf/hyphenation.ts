// Line-end hyphens decided by the document's own vocabulary: "organelle-\nspecific" keeps its
// hyphen when the paper prints "organelle-specific" within a line elsewhere, "age-\nassociated"
// becomes "ageassociated" only when that spelling occurs; otherwise the general rule in
// clean-text.ts (joinLines: known prefixes keep the hyphen, other breaks are undone) decides.
import { joinLines } from "../clean-text.ts";

const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

export type LineJoiner = (lines: string[]) => string;

/** A joiner for one document, learning its spellings from all of its line texts. */
export function lineJoinerFor(texts: string[]): LineJoiner {
  const vocabulary = new Set<string>();
  for (const text of texts) {
    // The last word of a line may be a broken one: learn only words followed by more text.
    const words = text.match(WORD) ?? [];
    for (const word of words.slice(0, -1)) vocabulary.add(word.toLowerCase());
  }
  return (lines) => {
    // Only the last word of the text so far takes part in a join: `done` holds the text up to
    // the last space, so that reading the paragraph again for every line (quadratic) is avoided.
    const done: string[] = [];
    let last = "";
    for (const line of lines.map((l) => l.trim()).filter(Boolean)) {
      const broken = /([\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*)-$/u.exec(last);
      const rest = /^([\p{Ll}][\p{L}\p{N}]*)/u.exec(line);
      let joined: string | undefined;
      if (broken && rest) {
        const head = broken[1]!.toLowerCase();
        const tail = rest[1]!.toLowerCase();
        if (vocabulary.has(`${head}-${tail}`)) joined = last + line;
        else if (vocabulary.has(`${head}${tail}`)) joined = last.slice(0, -1) + line;
      }
      // `last` is empty only before the first line (lines are trimmed, so no join ends in a space).
      joined ??= last ? joinLines([last, line]) : line;
      const cut = joined.lastIndexOf(" ") + 1;
      if (cut) done.push(joined.slice(0, cut));
      last = joined.slice(cut);
    }
    return done.join("") + last;
  };
}
