// Sentence boundaries in scientific prose. Abbreviations ("et al.", "e.g.", "i.e.", "Fig.",
// "vs.", initials, "U.S.") and decimals do not end a sentence; a superscript citation printed
// after the full stop ("… in 2024.¹ Breast …", "….<sup>3</sup> Next") belongs to the sentence before it.

export interface SentenceSpan {
  /** Offsets into the text split; the span is trimmed. */
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set([
  "al", "e.g", "i.e", "eg", "ie", "vs", "cf", "approx", "ca", "fig", "figs", "no", "nos", "vol", "vols", "pp", "p",
  "eq", "eqs", "ref", "refs", "dr", "prof", "st", "inc", "ltd", "co", "corp", "jr", "sr", "mr", "mrs", "ms", "spp",
  "sp", "var", "resp", "viz", "suppl", "eds", "sect", "dept", "univ",
]);

// A space the PDF set between the stop and a superscript ("activity. ⁷ Next") does not detach it.
const TRAILING_CITATION = /^(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:[,⁻–-][⁰¹²³⁴⁵⁶⁷⁸⁹]+)*| [⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:[,⁻–-][⁰¹²³⁴⁵⁶⁷⁸⁹]+)*(?=\s|$)|\^\{[\d,\s–-]+\}|<sup>[\d,\s–-]+<\/sup>|\^[\d,–-]+\^)+/i;

function isAbbreviation(text: string, dot: number): boolean {
  const token = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - 24), dot))?.[1] ?? "";
  if (!token) return false;
  const bare = token.replace(/^\.+/, "");
  if (ABBREVIATIONS.has(bare.toLowerCase())) return true;
  if (/^\p{Lu}$/u.test(bare)) return true; // an initial: "J. Smith", "C. elegans"
  if (/^(?:\p{L}\.)+\p{L}$/u.test(bare)) return true; // "U.S", "e.g", "i.e"
  return false;
}

/** Does a sentence start here? Capitals, digits and brackets do; so do "miR-21", "mRNA", "p53". */
function startsSentence(rest: string): boolean {
  const word = /^\S+/.exec(rest)?.[0] ?? "";
  if (!word) return false;
  if (/^[\p{Lu}\p{N}(["“‘'[]/u.test(word)) return true;
  return /^\p{Ll}+[\p{Lu}\p{N}]/u.test(word);
}

export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  const boundary = /[.!?]+["”’)\]]*/g;
  for (const match of text.matchAll(boundary)) {
    let end = match.index + match[0].length;
    if (match[0].startsWith(".") && match[0].length === 1 && isAbbreviation(text, match.index)) continue;
    const citation = TRAILING_CITATION.exec(text.slice(end));
    if (citation) end += citation[0].length;
    // "(coined LiCre).³⁴The Cre…": PDF text can lose the space after a superscript citation.
    const gap = /^\s+/.exec(text.slice(end)) ?? (citation && /^\p{Lu}\p{Ll}/u.test(text.slice(end)) ? [""] : null);
    if (!gap) continue;
    if (!startsSentence(text.slice(end + gap[0].length))) continue;
    pushSpan(spans, text, start, end);
    start = end + gap[0].length;
  }
  pushSpan(spans, text, start, text.length);
  return spans;
}

function pushSpan(spans: SentenceSpan[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) spans.push({ start, end });
}
