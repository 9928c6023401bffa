// Facts read from a document's front-matter passage (`frontMatter`, src/ingest/front-matter-passage.ts):
// the history dates, the corresponding authors and the affiliations. Read by the layout conventions
// journals share: labelled dates ("Received 9th August 2024", "ACCEPTED 28 October 2024"), a
// correspondence panel or a starred author in the author line, affiliation paragraphs (institution
// nouns, the same test the parser drops them by). Editors' and reviewers' panels are no authors'.
import { PANEL_LABEL, isAffiliation } from "../ingest/detect-furniture.ts";

export type HistoryEvent = "received" | "revised" | "accepted" | "published";

// A date as journals print it: "9th August 2024", "07 September 2024", "August 9, 2024", "2024-08-09", "2023.06.06".
const DATE = String.raw`(\d{1,2}(?:st|nd|rd|th)?\s+\p{L}+\.?,?\s+\d{4}|\p{L}+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}[-./]\d{1,2}[-./]\d{1,2})`;
const HISTORY = new RegExp(String.raw`\b(received|revised|accepted|published)(?:\s+online)?\b\s*(?:on\s+)?:?\s*${DATE}`, "giu");
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
// Panels whose people are not the paper's authors (the "EDITED BY" / "REVIEWED BY" panels of PANEL_LABEL).
const NOT_AUTHORS = /^\*?(?:EDITED BY|REVIEWED BY)\b/;

/** The dates the front matter prints, by event (the first of each). */
export function historyDates(passage: string): Partial<Record<HistoryEvent, string>> {
  const dates: Partial<Record<HistoryEvent, string>> = {};
  for (const match of passage.matchAll(HISTORY)) {
    const event = match[1]!.toLowerCase() as HistoryEvent;
    dates[event] ??= match[2]!.replace(/\s+/g, " ");
  }
  return dates;
}

/** Each line with the panel label it sits under ("" before the first label). */
function panelled(passage: string): { line: string; panel: string }[] {
  let panel = "";
  return passage.split("\n").map((line) => {
    // A label opens a panel, whether its content follows on the line ("RECEIVED 28 November 2023 ACCEPTED …") or below.
    if (PANEL_LABEL.test(line)) panel = line;
    return { line, panel };
  });
}

/**
 * The corresponding authors: the names (with e-mail) of a correspondence panel, else the authors the
 * author line stars ("Ashutosh Kumar *", "Di Zhang^{4*}") with the e-mails of correspondence footnotes.
 */
export function correspondingAuthors(passage: string, authors: readonly string[]): { names: string[]; emails: string[] } {
  const lines = panelled(passage);
  const panel = lines.filter(({ line, panel }) => /^\W*correspond/i.test(panel) && !/^\W*correspond/i.test(line));
  if (panel.length) {
    // The panel's lines less their e-mail addresses and envelope marks: what is left of a short line is a name.
    const names = panel
      .map(({ line }) => line.replace(EMAIL, " ").replace(/[✉*]/g, " ").replace(/\s+/g, " ").trim())
      .filter((line) => /\p{L}/u.test(line) && !/\d/.test(line) && line.split(" ").length <= 5);
    const emails = panel.flatMap(({ line }) => line.match(EMAIL) ?? []);
    if (names.length) return { names, emails };
  }
  // "Corresponding authors: Xiuwen Wu, Department of Surgery, …. E-mail: …; Yun Zhao, …": the label and its
  // addresses on one line, each address opening with its author's name.
  const listed = passage
    .split("\n")
    .flatMap((line) => CORRESPONDENCE_LINE.exec(line)?.[1]?.split(/;\s*/) ?? [])
    .map((address) => address.split(",")[0]!.replace(/[✉*]/g, " ").replace(/\s+/g, " ").trim())
    .filter((name) => isPersonName(name) && (authors.length === 0 || authors.includes(name)));
  if (listed.length) return { names: [...new Set(listed)], emails: passage.match(EMAIL) ?? [] };
  const starred = authors.filter((name) => {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return new RegExp(String.raw`${escaped}\s*(?:\^\{[^}]*\*[^}]*\}|<sup>[^<]*\*[^<]*</sup>|[¹²³⁴⁵⁶⁷⁸⁹⁰,\s]*[*✉])`, "u").test(passage);
  });
  const emails = lines.filter(({ panel }) => !NOT_AUTHORS.test(panel)).flatMap(({ line }) => line.match(EMAIL) ?? []);
  if (starred.length) return { names: starred, emails };
  // No mark beside a name (an envelope can land at the start of the author line): an address whose local part is
  // one author's initials or surname ("mhk8n@…" for Myung Hee Kim, "jun.ito@…") is that author's.
  const owners = emails.map((email) => addressOwner(email, authors));
  const names = [...new Set(owners.filter((owner): owner is string => owner !== undefined))];
  return { names, emails: names.length ? emails.filter((_, i) => owners[i] !== undefined) : [] };
}

/** A correspondence label with its content on the same line ("Corresponding authors: …", "Correspondence to: …"). */
const CORRESPONDENCE_LINE = /^\W*correspond\w*(?:\s+(?:authors?|to))?\s*[:：]\s*(.+)$/iu;

/** Two to five capitalised words without digits or an e-mail: how an address opens with its author's name. */
function isPersonName(text: string): boolean {
  const words = text.split(" ");
  return words.length >= 2 && words.length <= 5 && words.every((word) => /^\p{Lu}[\p{L}.'’-]*$/u.test(word)) && !isAffiliation(text);
}

/** The one author an e-mail address's local part names by initials ("mhk") or surname ("ito"), if exactly one. */
function addressOwner(email: string, authors: readonly string[]): string | undefined {
  const segments = (email.split("@")[0] ?? "").toLowerCase().split(/[^a-z]+/).filter((segment) => segment.length >= 2);
  const names = (author: string) => {
    const parts = author.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "").split(/[\s-]+/).filter(Boolean);
    const initials = parts.map((part) => part[0]).join("");
    const surname = parts.at(-1) ?? "";
    return segments.some((segment) => (initials.length >= 2 && segment === initials) || (surname.length >= 3 && segment === surname));
  };
  const matching = authors.filter(names);
  return matching.length === 1 ? matching[0] : undefined;
}

/** An affiliation line less its contact details (ORCID links, e-mail addresses). */
const withoutContacts = (line: string) => line.replace(/[;,]?\s*(?:https?:\/\/)?orcid\.org\/\S+/gi, "").replace(/[.;,]?\s*e-?mail:?.*$/i, "").trim();

/** The affiliation paragraphs, outside editors' and reviewers' panels, without contact details. */
export function affiliations(passage: string): string[] {
  return panelled(passage)
    .filter(({ line, panel }) => !NOT_AUTHORS.test(panel) && isAffiliation(withoutContacts(line)))
    .map(({ line }) => withoutContacts(line).replace(/[.;,]+$/, ""));
}

/** The handling editors and peer reviewers a publisher's panels name (one entry per printed line). */
export function editorsAndReviewers(passage: string): { editors: string[]; reviewers: string[] } {
  const lines = panelled(passage).filter(({ line, panel }) => line !== panel);
  const under = (label: RegExp) => lines.filter(({ panel }) => label.test(panel)).map(({ line }) => line);
  return { editors: under(/^\*?EDITED BY\b/), reviewers: under(/^\*?REVIEWED BY\b/) };
}
