// The structure grader's sentence matching (../shared/tools/structure_eval.py: tokens, grams,
// gram_sim), ported line by line for the benches that score text the same way.
const HYPHENS = "-\u2010\u2011\u2012\u2212\u00ad";
const escapeClass = (s: string) => s.replace(/[-\]\\^]/g, "\\$&");
const YEAR = String.raw`(?:1[89]\d\d|20\d\d)[a-z]?`;
const CITE_PART = new RegExp(String.raw`^\s*(?:e\.g\.,?\s*|see\s+|cf\.\s*)?[^;]{0,160}?\b${YEAR}(?:\s*,\s*${YEAR})*\s*$`);
const NUM_GROUP = new RegExp(`^[\\d,\\s\u2013\u2014${escapeClass(HYPHENS)}]+$`);
const GROUP = /\(([^()[\]]{0,600})\)|\[([^()[\]]{0,600})\]/g;

export const fold = (s: string) => s.normalize("NFKC").normalize("NFKD").replace(/\p{M}/gu, "");

function stripCitations(text: string): string {
  let s = text;
  const repl = (whole: string, paren?: string, bracket?: string) => {
    const inner = paren ?? bracket ?? "";
    if (bracket !== undefined && NUM_GROUP.test(inner) && /\d/.test(inner)) return " ";
    const parts = inner.split(";");
    const kept = parts.filter((part) => !CITE_PART.test(part));
    // The grader hides the brackets behind control characters, then turns them into spaces.
    if (kept.length === parts.length) return ` ${whole.slice(1, -1)} `;
    if (!kept.join("").trim()) return " ";
    return ` ${kept.join(";")} `;
  };
  for (let i = 0; i < 4; i++) {
    const next = s.replace(GROUP, repl);
    if (next === s) break;
    s = next;
  }
  return s;
}

export function tokens(text: string): string[] {
  let s = fold(text).toLowerCase().replace(/\u00ad/g, "");
  s = s.replace(new RegExp(`(?<=\\w)[${escapeClass(HYPHENS)}]\\s*(?=\\w)`, "g"), "");
  s = stripCitations(s);
  const out: string[] = [];
  for (const token of s.match(/[a-z0-9]+/g) ?? []) {
    if (/^\d+$/.test(token)) continue;
    const bare = token.replace(/^\d+|\d+$/g, "");
    if (bare) out.push(bare);
  }
  return out;
}

export function grams(toks: string[], n = 4): Set<string> {
  if (toks.length < n) return new Set(toks.length ? [toks.join(" ")] : []);
  const out = new Set<string>();
  for (let i = 0; i + n <= toks.length; i++) out.add(toks.slice(i, i + n).join(" "));
  return out;
}

export function gramSim(gold: Set<string>, candidate: Set<string>): number {
  if (!gold.size || !candidate.size) return 0;
  let inter = 0;
  for (const gram of gold) if (candidate.has(gram)) inter++;
  const a = inter / gold.size;
  const b = candidate.size >= Math.max(4, 0.4 * gold.size) ? inter / candidate.size : 0;
  return Math.max(a, b);
}
