// Inline clean-up of extracted text: Unicode and whitespace normalisation, TeX math and
// markdown emphasis turned into plain text, lines and hyphenated words rejoined.
// Greek letters, sub/superscripts and units are kept (they carry meaning in these papers).

const GREEK: Record<string, string> = {
  alpha: "α", beta: "β", gamma: "γ", delta: "δ", epsilon: "ε", varepsilon: "ε", zeta: "ζ", eta: "η",
  theta: "θ", iota: "ι", kappa: "κ", lambda: "λ", mu: "μ", nu: "ν", xi: "ξ", pi: "π", rho: "ρ",
  sigma: "σ", tau: "τ", upsilon: "υ", phi: "φ", varphi: "φ", chi: "χ", psi: "ψ", omega: "ω",
  Gamma: "Γ", Delta: "Δ", Theta: "Θ", Lambda: "Λ", Xi: "Ξ", Pi: "Π", Sigma: "Σ", Phi: "Φ", Psi: "Ψ", Omega: "Ω",
  pm: "±", times: "×", cdot: "·", leq: "≤", geq: "≥", le: "≤", ge: "≥", approx: "≈", degree: "°", circ: "°",
  rightarrow: "→", to: "→",
};

const SUPERSCRIPT: Record<string, string> = {
  "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
  "+": "⁺", "-": "⁻", "−": "⁻", "=": "⁼", "(": "⁽", ")": "⁾", n: "ⁿ", i: "ⁱ",
};
const SUBSCRIPT: Record<string, string> = {
  "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
  "+": "₊", "-": "₋", "−": "₋", "=": "₌", "(": "₍", ")": "₎",
};

const GREEK_LETTER = "[\\u0391-\\u03a9\\u03b1-\\u03c9]";

function mapAll(text: string, table: Record<string, string>): string | null {
  let out = "";
  for (const ch of text) {
    const mapped = table[ch];
    if (mapped === undefined) return null;
    out += mapped;
  }
  return out;
}

/** `$\gamma\text{-Al}_2\text{O}_3$` → `γ-Al₂O₃`; leaves math it cannot render as it was. */
export function texMathToUnicode(math: string): string {
  let out = math
    .replace(/\\(?:text|mathrm|mathit|textrm|mathbf|rm)\{([^{}]*)\}/g, "$1")
    .replace(/\\([A-Za-z]+)/g, (whole, name: string) => GREEK[name] ?? whole)
    .replace(/\\[,;!]/g, "")
    .replace(/\\ /g, " ");
  out = out.replace(/([_^])(?:\{([^{}]*)\}|([0-9A-Za-z+\-−]))/g, (whole, op: string, group?: string, single?: string) => {
    const body = (group ?? single ?? "").replace(/\s+/g, "");
    const mapped = mapAll(body, op === "^" ? SUPERSCRIPT : SUBSCRIPT);
    return mapped ?? whole;
  });
  return out.replace(/[{}]/g, "");
}

/** Unicode and whitespace normalisation of a whole extracted document. */
export function normalizeRawText(raw: string): string {
  return raw
    .replace(/^\uFEFF/, "")
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00a0\u2007\u202f\u2009\u200a]/g, " ")
    .replace(/\u200b|\u200c|\u200d|\u2060|\u00ad/g, "")
    .replace(/\f/g, "\n\n");
}

/**
 * Plain text from one extracted line or paragraph: TeX math rendered in Unicode, markdown
 * emphasis, links and escapes removed, Greek letters re-attached to the words the PDF split
 * them from ("NF- κ B" → "NF-κB", "1.5 μ m" → "1.5 μm"), runs of spaces collapsed.
 */
export function cleanInline(text: string): string {
  let out = text
    .replace(/\$([^$\n]{1,200})\$/g, (_m, math: string) => texMathToUnicode(math))
    .replace(/\[([^\]\n]*)\]\((?:#|[a-z]+:[^)\s]*)\)/g, "$1")
    .replace(/<((?:https?|ftp):\/\/[^>\s]+)>/g, "$1")
    .replace(/\\([()[\]*_#`])/g, "$1")
    .replace(/\*\*(\S(?:[^*\n]*?\S)?)\*\*/g, "$1")
    .replace(/(^|[^\w*])\*(\S(?:[^*\n]*?\S)?)\*(?![\w*])/g, "$1$2");
  out = out
    .replace(new RegExp(`([A-Za-z0-9]-) (${GREEK_LETTER})`, "g"), "$1$2")
    .replace(new RegExp(`(${GREEK_LETTER}) (?=-[A-Za-z0-9])`, "g"), "$1")
    .replace(new RegExp(`(\\d) (${GREEK_LETTER})(?=-)`, "g"), "$1$2")
    .replace(new RegExp(`([A-Za-z]${GREEK_LETTER}) ([A-Z])(?![a-z])`, "g"), "$1$2")
    .replace(/([A-Za-z]) ([κβαγ]) ([A-Z])(?![a-z])/g, "$1$2$3")
    .replace(new RegExp(`(^|[\\s(/-])(${GREEK_LETTER}) ([A-Z])(?![a-z])`, "g"), "$1$2$3")
    .replace(/(\d) ?μ (m|g|l|L|M|mol|s)\b/g, "$1 μ$2")
    .replace(/[ \t]{2,}/g, " ");
  return out.trim();
}

/** Hyphenated prefixes that stay hyphenated when a line break falls after them. */
const KEEP_HYPHEN_PREFIXES = new Set([
  "anti", "non", "co", "pre", "post", "self", "multi", "semi", "cross", "well", "long", "short", "high", "low",
  "double", "single", "dual", "tri", "bi", "mono", "poly", "pH", "re", "inter", "intra", "over", "under", "x", "ex",
]);

/** Join the physical lines of one paragraph, undoing end-of-line hyphenation. */
export function joinLines(lines: string[]): string {
  let out = "";
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (!out) {
      out = line;
      continue;
    }
    const hyphenated = /([A-Za-z]+)-$/.exec(out);
    if (hyphenated && /^[a-z]/.test(line)) {
      const fragment = hyphenated[1]!;
      const isWordBreak = /[a-z]$/.test(fragment) && !KEEP_HYPHEN_PREFIXES.has(fragment.toLowerCase()) && fragment.length > 1;
      out = isWordBreak ? out.slice(0, -1) + line : out + line;
    } else if (/[-/]$/.test(out)) {
      out += line;
    } else {
      out += ` ${line}`;
    }
  }
  return out;
}

const TRAILING_MARKERS = /(?:\s*(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:[,⁻–-][⁰¹²³⁴⁵⁶⁷⁸⁹]+)*|\^\{[\d,\s–-]+\}|\(\d+(?:\s*[,–-]\s*\d+)*\)|\[\d+(?:\s*[,–-]\s*\d+)*\]))+\s*$/;

/** Does this paragraph end a sentence (ignoring citation markers after the full stop)? */
export function endsSentence(text: string): boolean {
  const stripped = text.replace(TRAILING_MARKERS, "").trimEnd();
  return /[.!?:;]["”’)\]]*$/.test(stripped) || /[.!?]["”’)\]]*\s*$/.test(text.trimEnd());
}

/** Count words the way chunk sizes are measured: whitespace-separated tokens. */
export function countWords(text: string): number {
  const matches = text.match(/\S+/g);
  return matches ? matches.length : 0;
}
