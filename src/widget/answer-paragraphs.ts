// An answer's paragraphs. Answers about several reviews come as one labelled part per review
// ("Guan et al. (Front. Immunol. 2024): … [1].") and a closing note, separated by "\n"; the widget
// shows each as its own paragraph, the review's name marked as the part's label.

export interface AnswerParagraph {
  /** The review the part speaks for, as the answer names it ("Guan et al. (Front. Immunol. 2024)"); absent for plain text. */
  label?: string;
  /** The rest of the paragraph, citation markers included. */
  text: string;
}

/**
 * A part's label: a document's name ending in its parenthesised year, then a colon, at the start of the
 * line — the form `reviewLabel` and the cross-review prompt give every part ("Smith et al. (2020): …").
 */
const LABEL = /^([^\n:[\]]{2,120}?\([^()\n]*\b\d{4}[a-z]?\)):\s+/u;

/** Split an answer into paragraphs at its line breaks, blank lines dropped, each with its label when it has one. */
export function answerParagraphs(answer: string): AnswerParagraph[] {
  return answer
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const match = LABEL.exec(line);
      return match ? { label: match[1]!, text: line.slice(match[0].length) } : { text: line };
    });
}
