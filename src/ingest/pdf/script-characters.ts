// Unicode superscript and subscript forms, so raised citation numbers ("resistance¹⁷⁻¹⁹") and
// chemical subscripts ("H₂O") survive as such in plain text instead of gluing to the word.

const SUPERSCRIPT: Record<string, string> = {
  "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
  "+": "⁺", "-": "⁻", "−": "⁻", "–": "⁻", "—": "⁻", "‐": "⁻", "‑": "⁻", "=": "⁼", "(": "⁽", ")": "⁾",
  // Modifier letters: every Latin letter that has a superscript form in Unicode.
  a: "ᵃ", b: "ᵇ", c: "ᶜ", d: "ᵈ", e: "ᵉ", f: "ᶠ", g: "ᵍ", h: "ʰ", i: "ⁱ", j: "ʲ", k: "ᵏ", l: "ˡ", m: "ᵐ",
  n: "ⁿ", o: "ᵒ", p: "ᵖ", r: "ʳ", s: "ˢ", t: "ᵗ", u: "ᵘ", v: "ᵛ", w: "ʷ", x: "ˣ", y: "ʸ", z: "ᶻ",
  A: "ᴬ", B: "ᴮ", D: "ᴰ", E: "ᴱ", G: "ᴳ", H: "ᴴ", I: "ᴵ", J: "ᴶ", K: "ᴷ", L: "ᴸ", M: "ᴹ", N: "ᴺ",
  O: "ᴼ", P: "ᴾ", R: "ᴿ", T: "ᵀ", U: "ᵁ", V: "ⱽ", W: "ᵂ",
};

const SUBSCRIPT: Record<string, string> = {
  "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
  "+": "₊", "-": "₋", "−": "₋", "=": "₌", "(": "₍", ")": "₎",
  a: "ₐ", e: "ₑ", h: "ₕ", i: "ᵢ", j: "ⱼ", k: "ₖ", l: "ₗ", m: "ₘ", n: "ₙ", o: "ₒ", p: "ₚ", r: "ᵣ", s: "ₛ",
  t: "ₜ", u: "ᵤ", v: "ᵥ", x: "ₓ",
};

/** Characters kept as they are between script characters: "¹,²", "¹⁷⁻¹⁹", "⁵ ⁶". */
const KEPT = new Set([",", " ", ".", "/", "′", "'", "*", "†", "‡", "§"]);

function mapAll(text: string, table: Record<string, string>): string | null {
  let out = "";
  let mapped = 0;
  for (const ch of text) {
    const to = table[ch];
    if (to !== undefined) {
      out += to;
      mapped++;
    } else if (KEPT.has(ch)) {
      out += ch;
    } else {
      return null;
    }
  }
  return mapped ? out : null;
}

/** "17–19" → "¹⁷⁻¹⁹"; text with a character that has no superscript form stays as printed. */
export function toSuperscript(text: string): string {
  return mapAll(text, SUPERSCRIPT) ?? text;
}

/** "50" → "₅₀"; text with a character that has no subscript form stays as printed. */
export function toSubscript(text: string): string {
  return mapAll(text, SUBSCRIPT) ?? text;
}
