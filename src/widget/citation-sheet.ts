// The panel a citation button opens: the passage with the cited sentence highlighted, where it stands
// in the review, the review's references behind it, and a citation to copy.
import { append, h, icon, link } from "./dom.ts";
import { findCitedSentence } from "./find-cited-sentence.ts";
import { formatCitation } from "./format-reference.ts";
import type { CitationTarget } from "./message-view.ts";
import { referenceItem } from "./message-view.ts";
import { serverUrl } from "./stream-chat.ts";

const CLOSE_ICON = "M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6z";

/** The source viewer's address for a passage: /docs/<docId>#chunk-<id>. */
export function viewerUrl(server: string, docId: string, fragment: string): string {
  // Colons are legal in fragments; keeping them makes the ids readable ("#chunk-guan2024:0042").
  const encode = (value: string) => encodeURIComponent(value).replace(/%3A/gi, ":");
  return `${serverUrl(server, `docs/${encodeURIComponent(docId)}`)}#${encode(fragment)}`;
}

export class CitationSheet {
  readonly element: HTMLElement;
  private readonly heading: HTMLHeadingElement;
  private readonly docTitle: HTMLElement;
  private readonly section: HTMLElement;
  private readonly body: HTMLElement;
  private opener?: HTMLButtonElement;

  constructor(
    private readonly options: {
      server: () => string;
      announce: (text: string) => void;
      /** Called when the sheet opens or closes, so the panel can disable what the sheet covers. */
      onToggle: (open: boolean) => void;
    },
  ) {
    this.heading = h("h3", { id: "rc-sheet-title", tabindex: "-1" });
    this.docTitle = h("p", { class: "doc-title", id: "rc-sheet-doc" });
    this.section = h("p", { class: "section" });
    const close = h("button", { type: "button", class: "icon-btn", "aria-label": "Close source" }, icon(CLOSE_ICON));
    close.addEventListener("click", () => this.close());
    this.body = h("div", { class: "sheet-body" });
    // Where the passage stands sits in the fixed header, in view however far the passage scrolls.
    this.element = h(
      "div",
      { class: "sheet", role: "dialog", "aria-labelledby": "rc-sheet-title rc-sheet-doc", hidden: true },
      h("div", { class: "sheet-head" }, h("div", { class: "sheet-titles" }, this.heading, this.docTitle, this.section), close),
      this.body,
    );
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  open(opener: HTMLButtonElement, target: CitationTarget): void {
    if (this.opener && this.opener !== opener) this.opener.setAttribute("aria-expanded", "false");
    this.opener = opener;
    opener.setAttribute("aria-expanded", "true");
    const { source, claim, payload } = target;
    const server = this.options.server();
    const chunkUrl = viewerUrl(server, source.docId, `chunk-${source.id}`);

    this.heading.textContent = `Source ${source.n}`;
    this.docTitle.textContent = source.docTitle || source.docId;
    this.section.textContent = source.section ? `Section: ${source.section}` : "";
    const passage = h("blockquote", { class: "passage" });
    const range = claim ? findCitedSentence(source.text, claim) : undefined;
    let mark: HTMLElement | undefined;
    if (range) {
      mark = h("mark", {}, source.text.slice(range.start, range.end));
      passage.append(source.text.slice(0, range.start), mark, source.text.slice(range.end));
    } else {
      passage.append(source.text);
    }

    const references = payload.references.filter((ref) => ref.docId === source.docId && source.refs.includes(ref.n));
    const shown = new Set(references.map((ref) => ref.n));
    const others = source.refs.filter((n) => !shown.has(n));
    const refsList = h("ol", { class: "ref-list" });
    for (const ref of references) refsList.append(referenceItem(ref));

    const copy = h("button", { type: "button", class: "btn copy" }, "Copy citation");
    const quote = range ? source.text.slice(range.start, range.end) : source.text;
    copy.addEventListener("click", () => {
      void copyText(formatCitation({ source, quote, viewerUrl: chunkUrl, references }), this.element).then((ok) => {
        copy.textContent = ok ? "Copied" : "Copy failed";
        copy.focus();
        this.options.announce(ok ? "Citation copied to the clipboard." : "Could not copy the citation.");
        setTimeout(() => (copy.textContent = "Copy citation"), 2000);
      });
    });

    this.body.replaceChildren();
    append(
      this.body,
      passage,
      h(
        "div",
        { class: "actions" },
        link(chunkUrl, { class: "viewer-link" }, "Open in the review ↗"),
      ),
      references.length ? h("h4", {}, "References behind this passage") : undefined,
      references.length ? refsList : undefined,
      others.length ? h("p", { class: "note" }, `The passage also cites reference${others.length > 1 ? "s" : ""} ${others.join(", ")} (see the review).`) : undefined,
      h("div", { class: "actions" }, copy),
    );
    this.element.hidden = false;
    this.options.onToggle(true);
    this.body.scrollTop = 0;
    this.heading.focus();
    // Title and section stay in view unless the highlighted sentence would start out of sight.
    const markTop = mark ? mark.offsetTop - this.body.offsetTop : 0;
    if (mark && markTop + mark.offsetHeight > this.body.clientHeight) this.body.scrollTop = markTop - this.body.clientHeight / 3;
    keepInViewAbove(opener, this.element);
  }

  /** Close and hand focus back to the button that opened the sheet. */
  close(): void {
    if (!this.isOpen) return;
    this.element.hidden = true;
    this.options.onToggle(false);
    const opener = this.opener;
    this.opener = undefined;
    if (opener) {
      opener.setAttribute("aria-expanded", "false");
      if (opener.isConnected) opener.focus();
    }
  }
}

/** Scroll the opener's list so the opener shows in the strip the sheet leaves uncovered. */
function keepInViewAbove(opener: HTMLElement, sheet: HTMLElement): void {
  const list = opener.closest(".log");
  if (!list) return;
  const visibleTop = list.getBoundingClientRect().top;
  const visibleBottom = sheet.getBoundingClientRect().top;
  const box = opener.getBoundingClientRect();
  if (box.top >= visibleTop + 8 && box.bottom <= visibleBottom - 8) return;
  list.scrollTop += box.top - (visibleTop + visibleBottom) / 2;
}

/** Clipboard API where allowed (secure contexts), else the legacy copy command. */
async function copyText(text: string, container: HTMLElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = h("textarea", { class: "vh", readonly: true, "aria-hidden": "true" });
    area.value = text;
    container.append(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}
