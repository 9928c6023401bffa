// An answer's inline "[n]" markers, found so they can be rendered as buttons — each paired with the
// claim it stands behind, so the citation panel can highlight that sentence in the passage.

export type AnswerPart =
  | { kind: "text"; text: string }
  | {
      kind: "cite";
      /** The marker as printed, e.g. "[2, 3]". */
      text: string;
      numbers: number[];
      /** The answer text the marker closes (back to the previous marker), trimmed. */
      claim: string;
    };

const MARKER = /\[(\d{1,3}(?:\s*[,;–-]\s*\d{1,3})*)\]/g;
/** A bracketed range never spans more than this many sources; longer ones are left as text. */
const MAX_RANGE = 20;

function markerNumbers(inner: string): number[] | undefined {
  const numbers: number[] = [];
  for (const item of inner.split(/\s*[,;]\s*/)) {
    const [from, to] = item.split(/\s*[–-]\s*/).map(Number) as [number, number | undefined];
    if (to === undefined) numbers.push(from);
    else if (to >= from && to - from < MAX_RANGE) for (let n = from; n <= to; n++) numbers.push(n);
    else return undefined;
  }
  return numbers.every((n) => n > 0) ? [...new Set(numbers)] : undefined;
}

/** The claim a marker closes: the text since the previous marker, minus the sentence end it follows. */
function claimOf(text: string): string {
  return text.replace(/^[\s.!?;:,)\]”"’]+/, "").trim();
}

/** Split an answer into text and citation parts; `known(n)` says which numbers are real sources. */
export function splitCitationMarkers(answer: string, known: (n: number) => boolean = () => true): AnswerPart[] {
  const parts: AnswerPart[] = [];
  let last = 0;
  let claim = "";
  const pushText = (text: string) => {
    if (!text) return;
    const previous = parts[parts.length - 1];
    if (previous?.kind === "text") previous.text += text;
    else parts.push({ kind: "text", text });
  };
  for (const match of answer.matchAll(MARKER)) {
    const before = answer.slice(last, match.index);
    const numbers = markerNumbers(match[1]!);
    last = match.index + match[0].length;
    if (!numbers || !numbers.every(known)) {
      pushText(before + match[0]);
      continue;
    }
    // Back-to-back markers ("[1][2]") share the claim before the first.
    if (claimOf(before)) claim = claimOf(before);
    pushText(before);
    parts.push({ kind: "cite", text: match[0], numbers, claim });
  }
  pushText(answer.slice(last));
  return parts;
}
