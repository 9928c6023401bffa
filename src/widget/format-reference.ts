// Plain-text renderings of review references and cited passages: for screen text and "copy citation".
import type { AnswerReference, AnswerSource } from "../answer/answer-payload.ts";
import { doiUrl, safeHttpUrl } from "./safe-url.ts";

/** More authors than this print as "first three, et al.". */
const MAX_AUTHORS = 3;

export function authorList(authors: readonly string[]): string {
  if (authors.length <= MAX_AUTHORS) return authors.join(", ");
  return `${authors.slice(0, MAX_AUTHORS).join(", ")}, et al.`;
}

/** How the review itself cites a reference: "[12]", or "(Smith et al., 2020)" in an author–year paper. */
export function referenceTag(ref: Pick<AnswerReference, "n" | "label">): string {
  return ref.label ? `(${ref.label})` : `[${ref.n}]`;
}

/** The link a reference opens: its DOI resolver, else its own http(s) URL. */
export function referenceUrl(ref: AnswerReference): string | undefined {
  return doiUrl(ref.doi) ?? safeHttpUrl(ref.url);
}

/**
 * "Authors. Title. Journal (Year)." from the parsed fields; the entry as printed when the review
 * gives too little to build one (no title and no journal).
 */
export function describeReference(ref: AnswerReference): string {
  if (!ref.title && !ref.journal) return ref.text;
  const pieces = [authorList(ref.authors), ref.title, [ref.journal, ref.year ? `(${ref.year})` : ""].filter(Boolean).join(" ")];
  return pieces
    .filter((piece): piece is string => Boolean(piece))
    .map((piece) => piece.replace(/[.\s]+$/, ""))
    .join(". ")
    .concat(".");
}

/** A citation to paste elsewhere: the quoted sentence, where it stands, and the primary papers behind it. */
export function formatCitation(options: {
  source: AnswerSource;
  quote: string;
  viewerUrl: string;
  references: readonly AnswerReference[];
}): string {
  const { source, quote, viewerUrl, references } = options;
  const lines = [
    `“${quote.replace(/\s+/g, " ").trim()}”`,
    `— ${source.docTitle}${source.section ? `, section “${source.section}”` : ""}. ${viewerUrl}`,
  ];
  for (const ref of references) {
    const url = referenceUrl(ref);
    lines.push(`${referenceTag(ref)} ${describeReference(ref)}${url ? ` ${url}` : ""}`);
  }
  return lines.join("\n");
}
