// Diacritics and ligatures folded away, for ids and identity keys ("Dobričić" → "Dobricic").

const SPECIAL: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  Æ: "AE",
  ø: "o",
  Ø: "O",
  đ: "d",
  Đ: "D",
  ł: "l",
  Ł: "L",
  œ: "oe",
  Œ: "OE",
  þ: "th",
  ı: "i",
};

/** Decompose, drop combining marks, map the letters NFD leaves whole (ø, ł, æ …). */
export function foldToAscii(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[ßæÆøØđĐłŁœŒþı]/g, (ch) => SPECIAL[ch] ?? ch);
}
