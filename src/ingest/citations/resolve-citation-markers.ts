// Numbered citation markers in body text → reference numbers. The marker grammar:
//   parenthetical  (43)  (19, 20)  (1–3)  (35, 92)  (5-7; 9)     — any dash for ranges
//   bracketed      [43]  [1–3, 7]  cells[21,22]  [1- 4] (a range split over a line)
//   superscript    ¹  ¹⁷⁻¹⁹  ⁷⁴,⁸⁹,⁹⁰  activity.⁷  ^{6,7}  <sup>6,7</sup>  ^6,7^ (Pandoc)
// Not citations: years (2024), (Figure 3), (n = 5), (fda.gov), numbers outside the list,
// enumerations "(1) … (2) …", equation numbers "… = x + y (3)", "Fig. [3]", chemical formulae and
// units (Fe₃O₄, Fe(3)O(4), Ca²⁺, ¹⁸F, cm², 10⁶), residue numbers ⁹²⁶DQVD⁹²⁹, genotypes Eprs1⁺/⁻.

export type NumberedCitationStyle = "parenthetical" | "bracket" | "superscript";

export interface CitationMarker {
  /** Offsets into the text searched. */
  start: number;
  end: number;
  /** The numbers it cites, ascending, each once (ranges expanded). */
  numbers: number[];
}

const DASH = "[-‐‑‒–—−]";
const ITEM = `\\d{1,4}(?:\\s*${DASH}\\s*\\d{1,4})?`;
const LIST = `\\s*${ITEM}(?:\\s*[,;]\\s*${ITEM})*\\s*`;
const PAREN = new RegExp(`\\((${LIST})\\)`, "g");
const BRACKET = new RegExp(`\\[(${LIST})\\]`, "g");
const SUP_DIGIT = "[⁰¹²³⁴⁵⁶⁷⁸⁹]";
const SUPERSCRIPT = new RegExp(`${SUP_DIGIT}+(?:\\s?[,⁻–‐-]\\s?${SUP_DIGIT}+)*`, "g");
const TEX = /\^\{\s*(\d{1,4}(?:\s*[,–-]\s*\d{1,4})*)\s*\}/g;
// HTML <sup> (Markdown converted from HTML or JATS) and Pandoc's ^…^ superscript.
// The numbers may sit in a link: <sup><a href="#ref12">12</a></sup>.
const HTML_SUP = new RegExp(`<sup>(?:<a\\b[^>]*>)?(${LIST})(?:</a>)?</sup>`, "gi");
// Running-text references of every numbered style: "see ref. 12", "refs. 3–5", "Ref. [7]".
const REF_WORD = new RegExp(`\\b[Rr]efs?\\.\\s*\\[?(${ITEM}(?:\\s*(?:,|and)\\s*${ITEM})*)\\]?`, "g");
const PANDOC_SUP = new RegExp(`\\^(\\d{1,4}(?:\\s*(?:${DASH}|,)\\s*\\d{1,4})*)\\^`, "g");
// Numbers these words introduce are not citations: "Fig. (3)", "Table [2]", "Eq. (4)", "Scheme 1".
// (Caption and cross-reference vocabulary shared by the common journal styles.)
const NOT_AFTER = /\b(?:fig(?:ure)?s?|tables?|eqs?|equations?|schemes?|sections?|sect|steps?|chapters?|panels?|boxe?s?|appendix|lanes?)\.?\s*$/i;
/** A line of mathematics before a parenthesised number at the end of a line: "y = ax + b (3)". */
const FORMULA_LINE = /[=<>≤≥±×∑∫√]/;
const SUP_TO_ASCII: Record<string, string> = {
  "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9", "⁻": "-",
};
const UNIT_BEFORE = /(?:^|[^\p{L}])(?:m|cm|mm|μm|µm|nm|km|dm|mL|L|ft|s|g|kg|mg|μg|Da|kDa|M|mM|μM|nM|mol|[A-Za-z])$/u;
/** The widest range expanded: "1–3" is three citations, "120–200" is not a citation. */
const MAX_RANGE = 30;

/** "19, 20" → [19, 20]; "1–3" → [1, 2, 3]; null when a range is reversed or too wide. */
export function parseNumberList(list: string): number[] | null {
  const numbers = new Set<number>();
  for (const item of list.split(/[,;]/)) {
    const bounds = item.split(new RegExp(DASH)).map((part) => part.trim()).filter(Boolean).map(Number);
    if (bounds.length === 0 || bounds.length > 2 || bounds.some((n) => !Number.isInteger(n))) return null;
    const [from, to = from] = bounds as [number, number?];
    if (to < from || to - from > MAX_RANGE) return null;
    for (let n = from; n <= to; n++) numbers.add(n);
  }
  return [...numbers].sort((a, b) => a - b);
}

function inRange(numbers: number[], maxNumber: number): boolean {
  return numbers.length > 0 && numbers.every((n) => n >= 1 && n <= maxNumber && n < 1000);
}

/** The line of `text` that ends at `index`. */
function lineBefore(text: string, index: number): string {
  return text.slice(text.lastIndexOf("\n", index - 1) + 1, index);
}

function findEnclosed(text: string, pattern: RegExp, maxNumber: number): CitationMarker[] {
  const bracket = pattern === BRACKET;
  const markers: CitationMarker[] = [];
  const enumerations: CitationMarker[] = [];
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    const end = start + match[0].length;
    const previous = text[start - 1] ?? "";
    // "Fe(3)O(4)", "H(2)O": a single number in parentheses glued to a word is a formula; a list
    // or range glued to a word ("cells(12, 13)") and brackets ("tumours[60, 61]") are citations
    // whose space justified PDF text lost.
    if (!bracket && /[\p{L}\p{N}]/u.test(previous) && !/[,;–—−-]/.test(match[1]!)) continue;
    if (/[\p{L}\p{N}]/u.test(text[end] ?? "")) continue;
    if (NOT_AFTER.test(text.slice(Math.max(0, start - 24), start))) continue;
    const numbers = parseNumberList(match[1]!);
    if (!numbers || !inRange(numbers, maxNumber)) continue;
    // "E = mc² (3)" closing a line: an equation number.
    if (numbers.length === 1 && /^[ \t]*(?:\n|$)/.test(text.slice(end)) && FORMULA_LINE.test(lineBefore(text, start))) continue;
    const marker = { start, end, numbers };
    if (numbers.length === 1 && /^\s+\p{L}/u.test(text.slice(end, end + 3))) enumerations.push(marker);
    markers.push(marker);
  }
  // IEEE prints a range as two brackets: "[3]–[5]" cites 3, 4 and 5.
  for (let i = markers.length - 2; i >= 0; i--) {
    const [a, b] = [markers[i]!, markers[i + 1]!];
    const to = b.numbers[b.numbers.length - 1]!;
    const from = a.numbers[0]!;
    if (!bracket || a.numbers.length !== 1 || b.numbers.length !== 1 || to <= from || to - from > MAX_RANGE) continue;
    if (!new RegExp(`^\\s*${DASH}\\s*$`).test(text.slice(a.end, b.start))) continue;
    markers.splice(i, 2, { start: a.start, end: b.end, numbers: Array.from({ length: to - from + 1 }, (_, k) => from + k) });
  }
  // "(1) drug efflux … (2) enhanced repair …": a run 1, 2, … each followed by a word lists items.
  const listed = new Set<CitationMarker>();
  let expected = 1;
  for (const marker of enumerations) {
    if (marker.numbers[0] === expected) {
      listed.add(marker);
      expected++;
    }
  }
  if (listed.size < 2) return markers;
  return markers.filter((marker) => !listed.has(marker));
}

/** Is the superscript at `start` a residue number, charge, exponent, isotope or unit rather than a citation? */
function superscriptIsNotCitation(text: string, start: number, end: number, numbers: number[]): boolean {
  // The tests below look at the few words before the marker: a window keeps them linear in the text.
  const before = text.slice(Math.max(0, start - 80), start);
  const previous = text[start - 1] ?? "";
  const next = text[end] ?? "";
  // Superscript letters beside the digits make a label: "Creᴿ³²ᴹ" (a mutation), "NS3ᵂᵀ", "2ⁿᵈ".
  if (/\p{Lm}/u.test(previous) || /\p{Lm}/u.test(next)) return true;
  // Nucleoside modifications: a short lower-case prefix, the position, the base: m⁶A, m⁷G, ac⁴C, ms²i⁶A.
  if (/(?:^|[^\p{L}])\p{Ll}{1,3}$/u.test(before) && /^(?:\p{Lu}|\p{Ll}{1,3}[⁰¹²³⁴⁵⁶⁷⁸⁹])/u.test(text.slice(end))) return true;
  if (/[⁺⁻]/.test(next) || /[⁺⁻^]/.test(previous)) return true; // charges and exponents: Ca²⁺, cm⁻², Eprs1⁺/⁻
  if (/(?:^|[^\d])10$/.test(before) || /×\s?10$/.test(before)) return true; // 10⁶
  if ((start === 0 || /[\s([/]/.test(previous)) && /\p{L}/u.test(next)) return true; // isotopes: ¹⁸F, [³H]
  // cm², m³, R²: units and symbols are squared or cubed; "within 4 h¹⁶" cites.
  if (UNIT_BEFORE.test(before) && numbers.length === 1 && (numbers[0] === 2 || numbers[0] === 3)) return true;
  // "⁹²⁶DQVD⁹²⁹": a word that opens with a superscript number labels residues; so does its closing one.
  const word = /\S*$/.exec(before)![0];
  if (/^[([]?[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(word) && /\p{L}/u.test(word)) return true;
  return false;
}

function findSuperscripts(text: string, maxNumber: number): CitationMarker[] {
  const markers: CitationMarker[] = [];
  for (const match of text.matchAll(SUPERSCRIPT)) {
    const start = match.index;
    const end = start + match[0].length;
    const ascii = [...match[0]].map((ch) => SUP_TO_ASCII[ch] ?? ch).join("");
    const numbers = parseNumberList(ascii);
    if (!numbers || superscriptIsNotCitation(text, start, end, numbers)) continue;
    if (inRange(numbers, maxNumber)) markers.push({ start, end, numbers });
  }
  for (const pattern of [TEX, HTML_SUP, PANDOC_SUP]) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      const previous = text[start - 1] ?? "";
      const following = text.slice(end).replace(/^\$/, "").charAt(0); // "$^{18}$F" is an isotope too
      if ((start === 0 || /[\s(/$]/.test(previous)) && /\p{L}/u.test(following)) continue;
      if (/[+−-]/.test(following) || /(?:^|[^\d])10\$?$/.test(text.slice(0, start))) continue; // Ca^{2+}, 10^{6}
      const numbers = parseNumberList(match[1]!);
      if (numbers && inRange(numbers, maxNumber)) markers.push({ start, end, numbers });
    }
  }
  return markers.sort((a, b) => a.start - b.start);
}

/**
 * Which numbered marker style a text uses: the style whose markers cite the most numbers of the
 * list (1…maxNumber). Years, enumerations "(1) … (2) …" and formulae are not counted, so a paper
 * that enumerates in parentheses and cites in brackets reads as bracketed.
 */
export function detectCitationStyle(text: string, maxNumber = 999): NumberedCitationStyle {
  const cited = (style: NumberedCitationStyle) =>
    findCitationMarkers(text, { style, maxNumber }).reduce((sum, marker) => sum + marker.numbers.length, 0);
  const parenthetical = cited("parenthetical");
  const bracket = cited("bracket");
  const superscript = cited("superscript");
  if (superscript > parenthetical && superscript > bracket) return "superscript";
  return bracket > parenthetical ? "bracket" : "parenthetical";
}

/**
 * Citation markers in one paragraph (or sentence, caption, table cell), in order.
 * `maxNumber` is the highest entry of the reference list; larger numbers are not citations.
 */
export function findCitationMarkers(text: string, options: { style: NumberedCitationStyle; maxNumber: number }): CitationMarker[] {
  const { style, maxNumber } = options;
  if (maxNumber < 1) return [];
  const markers = style === "superscript" ? findSuperscripts(text, maxNumber) : findEnclosed(text, style === "bracket" ? BRACKET : PAREN, maxNumber);
  const taken = (start: number) => markers.some((marker) => start < marker.end && start >= marker.start - 1);
  for (const match of text.matchAll(REF_WORD)) {
    const start = match.index + match[0].indexOf(match[1]!);
    if (taken(start)) continue; // "Ref. [7]" in a bracket paper is already read
    const numbers = parseNumberList(match[1]!.replace(/\band\b/g, ","));
    if (numbers && inRange(numbers, maxNumber)) markers.push({ start, end: match.index + match[0].length, numbers });
  }
  return markers.sort((a, b) => a.start - b.start);
}

/** The numbers in a table's References cell: "(40, 41)", "56", "[12–14]"; none for "(fda.gov)". */
export function parseReferenceCell(cell: string, maxNumber: number): number[] {
  const inner = cell.trim().replace(/^[([]\s*/, "").replace(/\s*[)\]]$/, "").replace(/^refs?\.?\s*/i, "");
  if (!new RegExp(`^${LIST}$`).test(inner)) return [];
  const numbers = parseNumberList(inner);
  return numbers && inRange(numbers, maxNumber) ? numbers : [];
}
