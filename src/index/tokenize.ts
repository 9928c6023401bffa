// The BM25 analyzer. Scientific vocabulary stays whole (miR-21, P-gp, Fe3O4, 5-FU, NCT04305496,
// TGF-β, IC50), plain English words are Porter-stemmed, stopwords dropped, and Greek letters and
// sub/superscripts folded so that TGF-β = TGF-beta and Fe₃O₄ = Fe3O4.
import { stemmer } from "stemmer";

const GREEK: Record<string, string> = {
  α: "alpha", β: "beta", γ: "gamma", δ: "delta", ε: "epsilon", ϵ: "epsilon", ζ: "zeta", η: "eta",
  θ: "theta", ϑ: "theta", ι: "iota", κ: "kappa", λ: "lambda", μ: "mu", ν: "nu", ξ: "xi", ο: "omicron",
  π: "pi", ρ: "rho", σ: "sigma", ς: "sigma", τ: "tau", υ: "upsilon", φ: "phi", ϕ: "phi", χ: "chi",
  ψ: "psi", ω: "omega",
};
const GREEK_RE = /[\u0391-\u03A9\u03B1-\u03C9\u03D1\u03D5\u03F5]/g;

// A run of superscript digits (with commas and dashes, "¹⁷⁻¹⁹", "⁷⁴,⁸⁹,⁹⁰") not ending in a charge
// sign is a citation marker or an exponent: it is not part of the word it is glued to ("resistance¹⁷").
const SUPERSCRIPT_CITATION_RE = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:[,⁻–-][⁰¹²³⁴⁵⁶⁷⁸⁹]+)*(?![⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻])/g;
// TeX-like markers: ^{6,7} and ^{140,141} are citations; ^{2+} is a charge and is kept.
const TEX_CITATION_RE = /\^\{\s*\d+(?:\s*[,–-]\s*\d+)*\s*\}/g;
const TEX_SUPERSCRIPT_RE = /\^\{([^}]*)\}|_\{([^}]*)\}/g;

/**
 * Fold Greek letters to their names and sub/superscripts to plain characters; strip diacritics.
 *
 * @example
 * foldText("TGF-β and Fe₃O₄, Ca²⁺") // "TGF-beta and Fe3O4, Ca2+"
 */
export function foldText(text: string): string {
  // Only the non-ASCII runs need Unicode work; normalising them alone is several times faster on
  // mostly-ASCII scientific prose.
  return text.replace(TEX_SUPERSCRIPT_RE, (_m, sup?: string, sub?: string) => sup ?? sub ?? "").replace(NON_ASCII_RE, foldRun);
}

const NON_ASCII_RE = /[^\p{ASCII}]+/gu;

function foldRun(run: string): string {
  return run
    .normalize("NFKC") // ₃→3, ⁺→+, ⁻→−, µ (micro)→μ, ligatures
    .replace(GREEK_RE, (ch) => GREEK[ch.toLowerCase()] ?? ch)
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "") // é → e
    .replace(/[\u2010-\u2013\u2212\uFE63\uFF0D]/g, "-") // hyphens, en dash, minus → "-"
    .replace(/[\u2014\u2015]/g, " "); // em dash separates words
}

/** Remove citation markers that would otherwise glue onto words: superscript runs and ^{n,m}. */
export function stripCitationMarks(text: string): string {
  return text.replace(TEX_CITATION_RE, " ").replace(SUPERSCRIPT_CITATION_RE, " ");
}

// English stopwords (NLTK's list, which Lucene/Elasticsearch English analyzers resemble) plus
// question words researchers type ("which", "whether", "describe").
export const STOPWORDS = new Set(
  (
    "a about above after again against all also am an and any are aren as at be because been before being below " +
    "between both but by can cannot could couldn did didn do does doesn doing don down during each else etc " +
    "few for from further had hadn has hasn have haven having he her here hers herself him himself his how " +
    "however i if in into is isn it its itself just let ll me more most mustn my myself no nor not now of off on " +
    "once only or other ought our ours ourselves out over own re same shan she should shouldn so some such " +
    "than that the their theirs them themselves then there these they this those through thus to too under until " +
    "up upon us ve very via was wasn we were weren what when where whether which while who whom whose why will " +
    "with won would wouldn you your yours yourself yourselves " +
    "et al vs describe describes explain tell give list name according paper review authors"
  ).split(" "),
);

const WORD_RE = /[a-z0-9]+(?:(?:-|(?<=[0-9])\.(?=[0-9]))[a-z0-9]+)*/g;
const ALPHA_RE = /^[a-z]+$/;
const NUMERIC_RE = /^[0-9.]+$/;

// British spellings folded to American ones before stemming, so "tumours" = "tumors" and
// "randomised" = "randomized". Both sides of a match go through the same folding, so a rare
// over-reach ("promise" → "promize") is harmless.
const BRITISH: [RegExp, string][] = [
  [/^(tum|col|behavi|fav|lab|hon|vap|od|rum|harb|flav|neighb|vig)our/, "$1or"],
  [/^(an|leuk|h|sept|isch|hypox|glyc|ur|toxa|bacter|vir)aem/, "$1em"],
  [/^haem/, "hem"],
  [/^paed/, "ped"],
  [/^(o)?oestr/, "estr"],
  [/^oedem/, "edem"],
  [/^oesoph/, "esoph"],
  [/^foet/, "fet"],
  [/^(diarr|gonorr)hoea/, "$1hea"],
  [/(cen|fib|lit|met|thea)tre(s?)$/, "$1ter$2"],
  [/^programme/, "program"],
  [/(.{3,})is(e|ed|es|ing|ation|ations|er|ers)$/, "$1iz$2"],
  [/(.{2,})ys(e|ed|es|ing)$/, "$1yz$2"],
];

// Words folded to one word because biomedicine uses them as one: each fold is a MeSH entry term of
// the descriptor it folds to, and holds in every field the corpus may hold (a word with another
// sense, e.g. "strength" in "tensile strength" or "vehicle" in "vehicle control", is not folded).
// Whole words only; the test beside this file shows for each fold a term it must leave alone.
//   relapse → recurrence: MeSH D012008 "Recurrence", entry terms "Relapse", "Relapses".
const SYNONYMS: Record<string, string> = Object.fromEntries(
  ["relapse", "relapses", "relapsed"].map((word) => [word, "recurrence"]),
);

/**
 * Version of the analyzer (stopwords, spelling and synonym folds): part of the corpus hash, so an
 * index built by another analyzer is rebuilt rather than read with terms it does not share.
 */
export const ANALYZER_VERSION = 2;

export function americanSpelling(word: string): string {
  for (const [re, to] of BRITISH) if (re.test(word)) return word.replace(re, to);
  return word;
}

// Stemming is most of the tokenizer's cost and a corpus has a few tens of thousands of distinct
// words, so stems are memoised (bounded, in case of an unbounded stream of odd tokens).
const STEMS = new Map<string, string>();
const MAX_STEMS = 200_000;

/** Stem plain English words; anything with a digit (IC50, ABCB1, 34a, fe3o4) is kept as written. */
function normalizeTerm(term: string): string {
  if (!ALPHA_RE.test(term)) return term;
  let stem = STEMS.get(term);
  if (stem === undefined) {
    stem = stemmer(SYNONYMS[term] ?? americanSpelling(term));
    if (STEMS.size >= MAX_STEMS) STEMS.clear();
    STEMS.set(term, stem);
  }
  return stem;
}

function keep(term: string): boolean {
  return term.length > 1 && !STOPWORDS.has(term);
}

export interface Token {
  term: string;
  /** Ordinal of the word in the text; the parts of a compound share their compound's position. */
  position: number;
}

/**
 * Analyze text into BM25 terms with word positions. A hyphenated compound yields its joined form
 * (so "miR-21" = "miR21", "TGF-β" = "TGF-beta" = "TGFβ") and its parts of two or more characters.
 *
 * @example
 * analyze("miR-21 up-regulates P-gp").map((t) => t.term) // ["mir21", "mir", "21", "upregul", "regul", "pgp", "gp"]
 */
export function analyze(text: string): Token[] {
  const tokens: Token[] = [];
  eachTerm(text, (term, position) => tokens.push({ term, position }));
  return tokens;
}

/** BM25 terms of a text, in order (see `analyze`). */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  eachTerm(text, (term) => terms.push(term));
  return terms;
}

function eachTerm(text: string, emit: (term: string, position: number) => void): void {
  const folded = foldText(stripCitationMarks(text)).toLowerCase().replace(/['’]s\b/g, "");
  let position = 0;
  for (const match of folded.matchAll(WORD_RE)) {
    const word = match[0];
    if (!word.includes("-")) {
      if (keep(word)) emit(normalizeTerm(word), position);
    } else {
      const parts = word.split("-");
      if (parts.every((part) => NUMERIC_RE.test(part))) {
        // Ranges like "1-3" or "10-20": the numbers alone.
        for (const part of parts) if (keep(part)) emit(part, position);
      } else {
        const joined = parts.join("");
        if (keep(joined)) emit(normalizeTerm(joined), position);
        for (const part of parts) if (keep(part)) emit(normalizeTerm(part), position);
      }
    }
    position++;
  }
}
