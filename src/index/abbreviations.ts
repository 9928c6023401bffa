// Abbreviations a document defines for itself — "doxorubicin (DOX)", "triple-negative breast
// cancer (TNBC)", "molybdenum disulfide (MoS2)" — found with the Schwartz & Hearst (2003) algorithm.
// Reviews define a term once and then use only the short form, while researchers ask with the
// long one (or the other way round); BM25 indexes both forms wherever either occurs.

export interface Abbreviation {
  short: string;
  long: string;
}

const SHORT_FORM_RE = /^[A-Za-z][A-Za-z0-9+/-]{1,9}$/;
// "(SF)" or "(SF, …)" / "(SF; …)": the short form opens the parenthesis.
const PAREN_RE = /\(([^()\n]{2,40})\)/g;

const isAlnum = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/**
 * The shortest end of `candidate` whose words contain the short form's letters in order,
 * the first one starting a word (Schwartz & Hearst's `findBestLongForm`).
 */
export function bestLongForm(short: string, candidate: string): string | null {
  let s = short.length - 1;
  let l = candidate.length - 1;
  while (s >= 0) {
    const c = short[s]!.toLowerCase();
    if (!isAlnum(c)) {
      s--;
      continue;
    }
    while ((l >= 0 && candidate[l]!.toLowerCase() !== c) || (s === 0 && l > 0 && isAlnum(candidate[l - 1]))) l--;
    if (l < 0) return null;
    l--;
    s--;
  }
  const start = candidate.lastIndexOf(" ", l) + 1;
  return candidate.slice(start).trim();
}

/**
 * Shaped like a short form: two capitals, a digit, an inner capital or a hyphen ("DOX", "MoS2",
 * "miRs", "P-gp"); not a capitalised word ("Created") nor a plain lower-case one.
 */
export function isShortFormShaped(word: string): boolean {
  return SHORT_FORM_RE.test(word) && /[A-Z].*[A-Z]|\d|^.+[A-Z]|-/.test(word);
}

/**
 * Abbreviation definitions in a text, first definition of each short form wins.
 *
 * @example
 * findAbbreviations("loaded with doxorubicin (DOX) and curcumin (CUR)")
 * // [{ short: "DOX", long: "doxorubicin" }, { short: "CUR", long: "curcumin" }]
 */
export function findAbbreviations(text: string): Abbreviation[] {
  const found = new Map<string, Abbreviation>();
  for (const match of text.matchAll(PAREN_RE)) {
    const short = match[1]!.split(/[,;]\s|\s/)[0]!.trim();
    if (!isShortFormShaped(short) || found.has(short)) continue;
    // Candidate long form: the words before "(" within the same sentence, at most min(|SF| + 5, 2·|SF|).
    const before = text.slice(Math.max(0, match.index! - 300), match.index!);
    const sentence = before.split(/(?<=[.!?;:])\s+|[()[\]]/).pop() ?? "";
    const words = sentence.trim().split(/\s+/).filter(Boolean);
    const maxWords = Math.min(short.length + 5, short.length * 2);
    const candidate = words.slice(-maxWords).join(" ");
    // Formulae keep digits the long form spells out or omits: "molybdenum disulfide (MoS2)".
    const long = bestLongForm(short, candidate) ?? (/\d/.test(short) ? bestLongForm(short.replace(/\d+/g, ""), candidate) : null);
    if (!long || long.length <= short.length || long.split(/\s+/).length > maxWords) continue;
    if (long.toLowerCase().split(/\s+/).includes(short.toLowerCase())) continue;
    found.set(short, { short, long });
  }
  return [...found.values()];
}
