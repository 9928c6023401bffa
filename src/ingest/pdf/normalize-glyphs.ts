// Glyph-level clean-up of extracted strings: typographic ligatures and other compatibility
// characters spelled out, soft hyphens removed, and the symbols that math fonts with built-in
// encodings come out as (a known pdf.js/font-encoding effect) mapped back where they stand alone.

/** Alphabetic presentation forms (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ) and full-width ASCII: NFKC spells them out. */
const COMPATIBILITY = /[\uFB00-\uFB06\uFF01-\uFF5E]/g;

/**
 * Math fonts (MathematicalPi, Universal-Greek and the like) whose built-in encoding pdf.js reads
 * as Latin-1: "¼" is "=", "þ" is "+", "À" is "−", "Â" is "·". Only fixed where the glyph stands
 * alone between digits, spaces or brackets, never inside a word.
 */
const MATH_FONT_GLYPHS: Record<string, string> = { "¼": "=", "þ": "+", "À": "−", "Â": "·" };
const ISOLATED_MATH_GLYPH = /(^|[\s\d(])([¼þÀÂ])(?=[\s\d(]|$)/g;

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

export function normalizeGlyphs(text: string): string {
  return text
    .replace(COMPATIBILITY, (ch) => ch.normalize("NFKC"))
    .replace(/\u00ad/g, "")
    .replace(/[\u00a0\u2000-\u200a\u202f]/g, " ")
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, "")
    // Control characters are glyphs a font left unmapped: a space keeps the words apart.
    .replace(CONTROL, " ");
}

/** Applied to a whole line, where a glyph's neighbours are known. */
export function fixMathFontGlyphs(line: string): string {
  return line.replace(ISOLATED_MATH_GLYPH, (_m, before: string, glyph: string) => before + MATH_FONT_GLYPHS[glyph]!);
}
