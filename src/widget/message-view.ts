// DOM for the messages of the conversation: questions, answers with citation buttons and their
// references, and the answer still streaming in.
import type { AnswerPayload, AnswerReference, AnswerSource } from "../answer/answer-payload.ts";
import type { AssistantMessage, UserMessage } from "./conversation-store.ts";
import { answerParagraphs } from "./answer-paragraphs.ts";
import { h, link } from "./dom.ts";
import { describeReference, referenceTag, referenceUrl } from "./format-reference.ts";
import { splitCitationMarkers } from "./split-citation-markers.ts";

export interface CitationTarget {
  source: AnswerSource;
  /** The answer text the marker stands behind; empty for a refused answer's closest passages. */
  claim: string;
  payload: AnswerPayload;
}

export interface MessageHandlers {
  openCitation(button: HTMLButtonElement, target: CitationTarget): void;
  retry(): void;
}

export function renderUserMessage(message: UserMessage): HTMLElement {
  return h("div", { class: "msg user" }, h("span", { class: "vh" }, "You asked: "), message.content);
}

function citationButton(source: AnswerSource, handlers: MessageHandlers, target: CitationTarget): HTMLButtonElement {
  const where = [source.docTitle, source.section].filter(Boolean).join(", ");
  const button = h(
    "button",
    {
      type: "button",
      class: "cite",
      "aria-label": `Source ${source.n}${where ? `: ${where}` : ""}`,
      "aria-haspopup": "dialog",
      "aria-expanded": "false",
    },
    String(source.n),
  );
  button.addEventListener("click", () => handlers.openCitation(button, target));
  return button;
}

/** Text with its "[n]" markers as citation buttons, appended to `parent`. */
function appendCitedText(parent: HTMLElement, text: string, payload: AnswerPayload, handlers: MessageHandlers): void {
  const byNumber = new Map(payload.sources.map((source) => [source.n, source]));
  for (const part of splitCitationMarkers(text, (n) => byNumber.has(n))) {
    if (part.kind === "text") {
      parent.append(part.text);
      continue;
    }
    for (const n of part.numbers) {
      parent.append(citationButton(byNumber.get(n)!, handlers, { source: byNumber.get(n)!, claim: part.claim, payload }));
    }
  }
}

/**
 * The answer: one paragraph, or, for an answer in parts (one per review, then a note), a block of
 * paragraphs, each review's name as the label of its part.
 */
function answerBody(payload: AnswerPayload, handlers: MessageHandlers): HTMLElement {
  const paragraphs = answerParagraphs(payload.answer);
  if (paragraphs.length <= 1) {
    const paragraph = h("p", { class: "answer" });
    appendCitedText(paragraph, payload.answer, payload, handlers);
    return paragraph;
  }
  const body = h("div", { class: "answer parts" });
  for (const { label, text } of paragraphs) {
    const paragraph = h("p", { class: label ? "part" : "part aside" }, label ? h("strong", { class: "part-label" }, `${label}:`) : undefined, label ? " " : "");
    appendCitedText(paragraph, text, payload, handlers);
    body.append(paragraph);
  }
  return body;
}

export function referenceItem(ref: AnswerReference): HTMLLIElement {
  const url = referenceUrl(ref);
  return h(
    "li",
    {},
    h("span", { class: "ref-n" }, referenceTag(ref)),
    " ",
    describeReference(ref),
    url ? " " : "",
    url
      ? link(url, { class: "doi", "aria-label": `${ref.doi ? `DOI ${ref.doi}` : "Link"} (reference ${ref.label ?? ref.n}, opens in a new tab)` }, ref.doi ? `doi:${ref.doi}` : "link")
      : undefined,
  );
}

/** The review references behind the answer, grouped by review when it cites more than one. */
function referencesSection(payload: AnswerPayload): HTMLElement | undefined {
  if (!payload.references.length) return undefined;
  const titles = new Map(payload.sources.map((source) => [source.docId, source.docTitle]));
  const docIds = [...new Set(payload.references.map((ref) => ref.docId))];
  const section = h("section", { class: "refs", "aria-label": "References behind this answer" }, h("h3", {}, "References"));
  for (const docId of docIds) {
    if (docIds.length > 1) section.append(h("h4", {}, titles.get(docId) || docId));
    const list = h("ol", { class: "ref-list" });
    for (const ref of payload.references.filter((r) => r.docId === docId)) list.append(referenceItem(ref));
    section.append(list);
  }
  return section;
}

export function renderAssistantMessage(message: AssistantMessage, handlers: MessageHandlers, isLast: boolean): HTMLElement {
  const article = h("article", { class: "msg bot" }, h("span", { class: "vh" }, "Answer: "));
  const { payload } = message;
  if (payload && message.status === "done") {
    article.append(answerBody(payload, handlers));
    // The reason is shown when the answer text does not already say it (a model's own refusal wording).
    if (payload.reason) {
      article.dataset.reason = payload.reason.code;
      if (!payload.answer.includes(payload.reason.message)) article.append(h("p", { class: "note reason" }, payload.reason.message));
    }
    if (payload.refused && payload.sources.length) {
      const about = payload.reason?.code === "value_not_reported" && payload.reason.entity;
      const closest = h("p", { class: "closest" }, about ? `Closest passages about ${about}:` : "Closest passages:");
      for (const source of payload.sources) closest.append(citationButton(source, handlers, { source, claim: "", payload }));
      article.append(closest);
    }
    const refs = referencesSection(payload);
    if (refs) article.append(refs);
    for (const warning of payload.warnings ?? []) article.append(h("p", { class: "note" }, warning));
    return article;
  }
  if (message.content) article.append(h("p", { class: "answer" }, message.content));
  article.append(h("p", { class: "error" }, message.error ?? "No answer."));
  if (isLast) {
    const retry = h("button", { type: "button", class: "btn retry" }, "Retry");
    retry.addEventListener("click", () => handlers.retry());
    article.append(h("div", { class: "actions" }, retry));
  }
  return article;
}

/** The answer while it streams: plain text appended as it arrives, marked busy for screen readers. */
export class StreamingAnswerView {
  readonly element: HTMLElement;
  private readonly paragraph: HTMLElement;
  private readonly waiting: HTMLElement;

  constructor() {
    this.waiting = h("span", { class: "thinking" }, "Searching the reviews…");
    this.paragraph = h("p", { class: "answer" }, this.waiting);
    this.element = h("article", { class: "msg bot", "aria-busy": "true" }, h("span", { class: "vh" }, "Answer: "), this.paragraph);
  }

  showSources(count: number): void {
    if (this.waiting.isConnected) this.waiting.textContent = `Reading ${count} passage${count === 1 ? "" : "s"}…`;
  }

  append(text: string): void {
    this.waiting.remove();
    this.paragraph.append(text);
  }
}
