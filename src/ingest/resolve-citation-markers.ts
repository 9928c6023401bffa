// Citation markers in body text → reference numbers. The marker grammar:
//   parenthetical  (43)  (19, 20)  (1–3)  (35, 92)  (5-7; 9)     — any dash for ranges
//   bracketed      [43]  [1–3, 7]
//   superscript    ¹  ¹⁷⁻¹⁹  ⁷⁴,⁸⁹,⁹⁰  ^{6,7}  ^{140,141}
// Not citations: years (2024), (Figure 3), (n = 5), (fda.gov), numbers outside the list,
// enumerations "(1) … (2) …", chemical formulae and units (Fe₃O₄, Fe(3)O(4), Ca²⁺, ¹⁸F, cm², 10⁶).

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

function findEnclosed(text: string, pattern: RegExp, maxNumber: number): CitationMarker[] {
  const markers: CitationMarker[] = [];
  const enumerations: CitationMarker[] = [];
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    const end = start + match[0].length;
    // "Fe(3)O(4)", "H(2)O": a number glued to a word is a formula, not a citation.
    if (start > 0 && /[\p{L}\p{N}]/u.test(text[start - 1]!)) continue;
    if (/[\p{L}\p{N}]/u.test(text[end] ?? "")) continue;
    const numbers = parseNumberList(match[1]!);
    if (!numbers || !inRange(numbers, maxNumber)) continue;
    const marker = { start, end, numbers };
    if (numbers.length === 1 && /^\s+\p{L}/u.test(text.slice(end, end + 3))) enumerations.push(marker);
    markers.push(marker);
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

function findSuperscripts(text: string, maxNumber: number): CitationMarker[] {
  const markers: CitationMarker[] = [];
  for (const match of text.matchAll(SUPERSCRIPT)) {
    const start = match.index;
    const end = start + match[0].length;
    const before = text.slice(0, start);
    const previous = text[start - 1] ?? "";
    const next = text[end] ?? "";
    if (/[⁺⁻]/.test(next) || /[⁺⁻^]/.test(previous)) continue; // charges and exponents: Ca²⁺, cm⁻²
    if (/(?:^|[^\d])10$/.test(before) || /×\s?10$/.test(before)) continue; // 10⁶
    if ((start === 0 || /[\s(/]/.test(previous)) && /\p{L}/u.test(next)) continue; // isotopes: ¹⁸F
    if (UNIT_BEFORE.test(before)) continue; // cm², m³, R²
    const ascii = [...match[0]].map((ch) => SUP_TO_ASCII[ch] ?? ch).join("");
    const numbers = parseNumberList(ascii);
    if (numbers && inRange(numbers, maxNumber)) markers.push({ start, end, numbers });
  }
  for (const match of text.matchAll(TEX)) {
    const start = match.index;
    const end = start + match[0].length;
    const previous = text[start - 1] ?? "";
    const following = text.slice(end).replace(/^\$/, "").charAt(0); // "$^{18}$F" is an isotope too
    if ((start === 0 || /[\s(/$]/.test(previous)) && /\p{L}/u.test(following)) continue;
    const numbers = parseNumberList(match[1]!);
    if (numbers && inRange(numbers, maxNumber)) markers.push({ start, end, numbers });
  }
  return markers.sort((a, b) => a.start - b.start);
}

/** Which marker style a review uses, from its body text. */
export function detectCitationStyle(text: string): NumberedCitationStyle {
  const count = (pattern: RegExp) => [...text.matchAll(pattern)].length;
  const parenthetical = count(PAREN);
  const bracket = count(BRACKET);
  const superscript = count(SUPERSCRIPT) + count(TEX);
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
  if (style === "superscript") return findSuperscripts(text, maxNumber);
  return findEnclosed(text, style === "bracket" ? BRACKET : PAREN, maxNumber);
}

/** The numbers in a table's References cell: "(40, 41)", "56", "[12–14]"; none for "(fda.gov)". */
export function parseReferenceCell(cell: string, maxNumber: number): number[] {
  const inner = cell.trim().replace(/^[([]\s*/, "").replace(/\s*[)\]]$/, "").replace(/^refs?\.?\s*/i, "");
  if (!new RegExp(`^${LIST}$`).test(inner)) return [];
  const numbers = parseNumberList(inner);
  return numbers && inRange(numbers, maxNumber) ? numbers : [];
}
