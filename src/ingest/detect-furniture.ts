// Page furniture: text the publisher prints around the article (running heads, page numbers,
// licence, correspondence and editor blocks, "Cite this:" lines) that is not part of its content.

/** Front-matter labels of publisher side panels; the short lines after them belong to them too. */
export const PANEL_LABEL =
  /^\*?(OPEN ACCESS|EDITED BY|REVIEWED BY|CORRESPONDENCE|RECEIVED|ACCEPTED|PUBLISHED|CITATION|COPYRIGHT|KEYWORDS|SPECIALTY SECTION|ARTICLE TYPE)\b/;

const LINE_PATTERNS: RegExp[] = [
  /^\(?continued\)?$/i,
  /^\(?cont(?:d|inued)?\.?\)?$/i,
  /^cite this:/i,
  /^(?:received|accepted|published|revised)(?: online)?:?\s+\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4}$/i,
  /^(?:received|accepted|published)\b.*\b(?:19|20)\d{2}$/i,
  /^doi:?\s*10\.\d{4,9}\/\S+$/i,
  /^(?:https?:\/\/)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+\/[\w./-]*$/i,
  /^(?:https?:\/\/)?(?:www\.)?[a-z0-9-]+\.(?:org|com|net|li)$/i,
  /^-- \d+ of \d+ --$/,
  // What PDF-to-Markdown converters leave for pictures: image links and "<!-- image -->" comments.
  /^(?:!\[[^\]]*\]\([^)]*\)\s*)+$/,
  /^<!--[\s\S]*-->$/,
  /^\d{1,4}$/,
  /^page \d+( of \d+)?$/i,
  /^©/,
  /^(?:this journal is )?© /i,
  /^open access article\. published on/i,
  /^view (?:article online|journal|issue)/i,
  /^\S+(?: \S+)? et al\.?\s+10\.\d{4,9}\/\S+$/,
  /^frontiers in [a-z ]+\s+\d*\s*frontiersin\.org$/i,
  /^[A-Z][\w.]*(?: [A-Z][\w.]*)*,? (?:19|20)\d{2}, \d+, \d+[–-]\d+ \| \d+$/,
  /^\d+ \| [A-Z][\w.]*(?: [A-Z][\w.]*)*,? (?:19|20)\d{2}, \d+/,
];

const LICENCE = /creative commons|open[- ]access article|licensed under|distributed under the terms|all rights reserved/i;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const AFFILIATION = /\b(universit|college|institute|school|department|hospital|laborator|faculty|centre|center)/i;

/**
 * Is this paragraph page furniture? `repeatedLines` holds short lines printed three times or
 * more in the document (running heads and feet of a PDF).
 */
export function isFurniture(paragraph: string, repeatedLines?: Set<string>): boolean {
  const text = paragraph.trim();
  if (!text) return true;
  if (PANEL_LABEL.test(text) && text.split(/\s+/).length <= 6) return true;
  if (isFurnitureLine(text, repeatedLines)) return true;
  const words = text.split(/\s+/).length;
  if (LICENCE.test(text) && words < 120) return true;
  // Correspondence / affiliation footnotes: an address with an e-mail, not prose with a citation.
  if (EMAIL.test(text) && words < 80 && (AFFILIATION.test(text) || /e-?mail/i.test(text) || words < 12)) return true;
  // A correspondence block listing several authors' addresses runs longer, but says what it is.
  if (EMAIL.test(text) && words < 250 && /^\W*correspond/i.test(text)) return true;
  // Numbered affiliations run into one paragraph ("1. Department of …, China. 2. Research Institute of …"):
  // the front matter (front-matter-passage.ts keeps them), which a layout reader may place in the abstract.
  if (affiliationEntries(text)) return true;
  return false;
}

/** A single printed line that is furniture wherever it appears: running head or foot, page number. */
export function isFurnitureLine(line: string, repeatedLines?: Set<string>): boolean {
  const text = line.trim();
  return LINE_PATTERNS.some((pattern) => pattern.test(text)) || (repeatedLines?.has(text) ?? false);
}

// An affiliation's marker: a superscript, a symbol, a letter, or a number ("1", "1.", "1)").
const AFFILIATION_MARKER = String.raw`(?:[¹²³⁴⁵⁶⁷⁸⁹*†‡§a-z]|\d{1,2}[.)]?)`;
// An affiliation that opens with its unit ("Department of …", "1. Research Institute of …") may end in a full stop,
// as some publishers print it; one opening otherwise must not, or a sentence naming a university would count.
// Case matters here: the unit's name is capitalised ("Department of …"), and a lower-case marker is a letter.
const OPENS_WITH_UNIT = new RegExp(
  String.raw`^${AFFILIATION_MARKER}?\s?(?:[A-Z][\w'’-]*\s+){0,3}(?:Universit|College|Institute|School|Department|Hospital|Laborator|Faculty|Centre|Center)`,
);

/** An affiliation ending in a full stop is one unit's address; longer, a layout reader has run it into prose. */
const MAX_AFFILIATION_WORDS = 40;

/** Is this front-matter paragraph an affiliation ("¹The First Clinical College of …", "1. Department of Surgery, …, China.")? */
export function isAffiliation(paragraph: string): boolean {
  const text = paragraph.trim();
  if (new RegExp(String.raw`^${AFFILIATION_MARKER}?\s?[A-Z].*\b(?:universit|college|institute|hospital|department)`, "i").test(text)) {
    return !/[.!?]$/.test(text) || (OPENS_WITH_UNIT.test(text) && text.split(/\s+/).length <= MAX_AFFILIATION_WORDS);
  }
  return false;
}

/**
 * A paragraph printing several numbered affiliations in a row ("1. Department of …, China. 2. Research
 * Institute of …, China."), one per entry; undefined unless it splits into two or more that each are one.
 */
export function affiliationEntries(paragraph: string): string[] | undefined {
  const entries = paragraph
    .trim()
    .split(/(?<=[.;])\s+(?=\d{1,2}[.)]\s+[A-Z])/)
    .map((entry) => entry.trim());
  return entries.length >= 2 && entries.every(isAffiliation) ? entries : undefined;
}

/** Short lines printed ≥ 3 times: the running heads and feet of a paginated document. */
export function findRepeatedLines(paragraphs: string[]): Set<string> {
  const counts = new Map<string, number>();
  for (const paragraph of paragraphs) {
    const text = paragraph.trim();
    if (!text || text.includes("\t") || text.split(/\s+/).length > 12) continue;
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= 3).map(([text]) => text));
}
