// <review-chat>: the chat as a custom element with an open shadow root, so the host page's CSS cannot
// break it and it cannot break the host page. Inline by default; the loader creates it in launcher mode.
import type { ChatTurn } from "../answer/answer-payload.ts";
import { ChatStreamError } from "./chat-stream-error.ts";
import { CitationSheet } from "./citation-sheet.ts";
import { type AssistantMessage, type ChatMessage, ConversationStore } from "./conversation-store.ts";
import { h, icon } from "./dom.ts";
import { type MessageHandlers, StreamingAnswerView, renderAssistantMessage, renderUserMessage } from "./message-view.ts";
import { streamChat } from "./stream-chat.ts";
import { type WidgetOptions, readWidgetOptions } from "./widget-options.ts";
import { WIDGET_CSS } from "./widget-styles.ts";

const CHAT_ICON = "M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2zm3 5v2h10V9zm0 4v2h7v-2z";
const CLOSE_ICON = "M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6z";
const NEW_ICON = "M11 5h2v6h6v2h-6v6h-2v-6H5v-2h6z";

/** The server requests' own limits: the question's length and the history's turns. */
const MAX_QUESTION = 2000;
const MAX_HISTORY_TURNS = 20;

let defaultServer: string | undefined;

/** The server a <review-chat> without data-server talks to: where widget.js came from. */
export function setDefaultServer(server: string): void {
  defaultServer = server;
}

export class ReviewChatElement extends HTMLElement {
  static readonly observedAttributes = ["data-title", "data-accent", "data-starters"];

  private built = false;
  private messages: ChatMessage[] = [];
  private store!: ConversationStore;
  private controller: AbortController | null = null;
  /** Bumped by "new chat", so an answer still in flight cannot land in the new conversation. */
  private conversation = 0;
  private readonly shadow: ShadowRoot;
  private readonly ui = {} as {
    launcher?: HTMLButtonElement;
    panel: HTMLElement;
    heading: HTMLHeadingElement;
    log: HTMLElement;
    form: HTMLFormElement;
    input: HTMLTextAreaElement;
    send: HTMLButtonElement;
    stop: HTMLButtonElement;
    status: HTMLElement;
    sheet: CitationSheet;
  };
  private readonly handlers: MessageHandlers = {
    openCitation: (button, target) => this.ui.sheet.open(button, target),
    retry: () => void this.retry(),
  };

  constructor() {
    super();
    this.shadow = this.attachShadow({ mode: "open" });
  }

  get options(): WidgetOptions {
    const options = readWidgetOptions(this.dataset, defaultServer ?? location.origin);
    // A relative data-server ("/") is relative to the page.
    return { ...options, server: new URL(options.server, location.href).href };
  }

  connectedCallback(): void {
    if (this.built) return;
    this.built = true;
    const options = this.options;
    if (!this.dataset.mode) this.dataset.mode = options.mode;
    this.store = new ConversationStore(`review-chat:${options.server}|${(options.docs ?? []).join(",")}`);
    this.messages = this.store.load();
    this.build(options);
    this.renderLog();
  }

  disconnectedCallback(): void {
    this.controller?.abort();
  }

  attributeChangedCallback(): void {
    if (this.built) this.applyOptions(this.options);
  }

  /** Open the panel (launcher mode) and put the cursor in the question box. */
  open(): void {
    const { launcher, panel, input } = this.ui;
    if (launcher) {
      panel.hidden = false;
      launcher.setAttribute("aria-expanded", "true");
      this.toggleAttribute("data-open", true);
    }
    // Laid out only now that the panel shows.
    this.revealLastQuestion();
    input.focus();
  }

  close(): void {
    const { launcher, panel } = this.ui;
    if (!launcher) return;
    this.ui.sheet.close();
    panel.hidden = true;
    launcher.setAttribute("aria-expanded", "false");
    this.toggleAttribute("data-open", false);
    launcher.focus();
  }

  private build(options: WidgetOptions): void {
    const sheet = new CitationSheet({
      server: () => this.options.server,
      announce: (text) => this.announce(text),
      // The sheet covers the question box; the answers above it stay usable.
      onToggle: (open) => (this.ui.form.inert = open),
    });
    const heading = h("h2", { id: "rc-title" });
    const newChat = h("button", { type: "button", class: "icon-btn new-chat", "aria-label": "New chat", title: "New chat" }, icon(NEW_ICON));
    newChat.addEventListener("click", () => this.newChat());
    const header = h("header", {}, heading, newChat);
    const launcherMode = options.mode === "launcher";
    if (launcherMode) {
      const close = h("button", { type: "button", class: "icon-btn close", "aria-label": "Close chat", title: "Close" }, icon(CLOSE_ICON));
      close.addEventListener("click", () => this.close());
      header.append(close);
    }
    const log = h("div", { class: "log", role: "log", "aria-live": "polite", "aria-labelledby": "rc-title", tabindex: "0" });
    const input = h("textarea", {
      id: "rc-input",
      rows: 1,
      maxlength: MAX_QUESTION,
      placeholder: "Ask a question about the reviews…",
      autocomplete: "off",
    });
    const send = h("button", { type: "submit", class: "send" }, "Send");
    const stop = h("button", { type: "button", class: "stop", hidden: true }, "Stop");
    const form = h("form", {}, h("label", { for: "rc-input", class: "vh" }, "Your question"), input, send, stop);
    const status = h("div", { class: "vh", role: "status", "aria-live": "polite" });
    const panel = h(
      "section",
      launcherMode
        ? { class: "panel", id: "rc-panel", role: "dialog", "aria-labelledby": "rc-title", hidden: true }
        : { class: "panel", id: "rc-panel", role: "region", "aria-labelledby": "rc-title" },
      header,
      log,
      form,
      status,
      sheet.element,
    );

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.ask(input.value);
    });
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        form.requestSubmit();
      }
    });
    input.addEventListener("input", () => this.fitInput());
    stop.addEventListener("click", () => this.controller?.abort());
    panel.addEventListener("keydown", (event) => {
      if (event.key !== "Escape") return;
      if (sheet.isOpen) sheet.close();
      else if (launcherMode) this.close();
      else return;
      event.stopPropagation();
    });

    this.adoptStyles();
    // The host page's rules can still style <review-chat> itself, and inherited properties would
    // flow in from it; this wrapper resets them all.
    const root = h("div", { class: "rc" });
    let launcher: HTMLButtonElement | undefined;
    if (launcherMode) {
      launcher = h(
        "button",
        { type: "button", class: "launcher", "aria-expanded": "false", "aria-controls": "rc-panel" },
        icon(CHAT_ICON),
        h("span", { class: "launcher-label" }),
      );
      launcher.addEventListener("click", () => (panel.hidden ? this.open() : this.close()));
      root.append(launcher);
    }
    root.append(panel);
    this.shadow.append(root);
    Object.assign(this.ui, { launcher, panel, heading, log, form, input, send, stop, status, sheet });
    this.applyOptions(options);
  }

  private adoptStyles(): void {
    // Constructable stylesheets are not subject to the host page's CSP style-src; <style> is the fallback.
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(WIDGET_CSS);
      this.shadow.adoptedStyleSheets = [sheet];
    } catch {
      const style = document.createElement("style");
      style.textContent = WIDGET_CSS;
      this.shadow.append(style);
    }
  }

  private applyOptions(options: WidgetOptions): void {
    this.ui.heading.textContent = options.title;
    const label = this.ui.launcher?.querySelector(".launcher-label");
    if (label) label.textContent = options.title;
    if (options.accent) this.style.setProperty("--rc-accent", options.accent);
    else this.style.removeProperty("--rc-accent");
    if (!this.messages.length) this.renderLog();
  }

  private renderLog(): void {
    const { log } = this.ui;
    if (!this.messages.length) {
      const starters = h("ul", { class: "starters", "aria-label": "Example questions" });
      for (const question of this.options.starters) {
        const button = h("button", { type: "button", class: "starter" }, question);
        button.addEventListener("click", () => void this.ask(question));
        starters.append(h("li", {}, button));
      }
      log.replaceChildren(
        h("p", { class: "intro" }, "Answers quote the reviews and cite their passages and references. Try one of these:"),
        starters,
      );
      return;
    }
    log.replaceChildren(...this.messages.map((message, i) => this.renderMessage(message, i === this.messages.length - 1)));
    this.revealLastQuestion();
  }

  private renderMessage(message: ChatMessage, isLast: boolean): HTMLElement {
    return message.role === "user" ? renderUserMessage(message) : renderAssistantMessage(message, this.handlers, isLast);
  }

  /** Completed turns before the question being asked, newest last, within the server's limits. */
  private history(): ChatTurn[] {
    return this.messages
      .filter((m) => m.role === "user" || m.status === "done")
      .slice(0, -1)
      .slice(-MAX_HISTORY_TURNS)
      .map((m) => ({ role: m.role, content: m.content.slice(0, MAX_QUESTION) }));
  }

  private async ask(rawQuestion: string, options: { retry?: boolean } = {}): Promise<void> {
    const question = rawQuestion.trim().slice(0, MAX_QUESTION);
    if (!question || this.controller) return;
    const { log, input } = this.ui;
    if (!options.retry) {
      if (!this.messages.length) log.replaceChildren();
      // Only the last answer can be retried: a new question retires older retry buttons.
      for (const retry of log.querySelectorAll(".retry")) retry.closest(".actions")?.remove();
      this.messages.push({ role: "user", content: question });
      log.append(renderUserMessage({ role: "user", content: question }));
      input.value = "";
      this.fitInput();
    }
    const questionView = log.lastElementChild as HTMLElement;
    const { server, docs } = this.options;
    const view = new StreamingAnswerView();
    log.append(view.element);
    this.reveal(questionView);
    const controller = new AbortController();
    const conversation = this.conversation;
    this.setBusy(controller);
    let partial = "";
    let message: AssistantMessage;
    try {
      const payload = await streamChat({
        server,
        request: { question, history: this.history(), ...(docs ? { docs } : {}) },
        signal: controller.signal,
        onSources: (sources) => view.showSources(sources.length),
        onDelta: (text) => {
          partial += text;
          view.append(text);
          this.reveal(questionView);
        },
      });
      message = { role: "assistant", content: payload.answer, status: "done", payload };
      this.announce(payload.refused ? (payload.reason?.message ?? "The reviews do not cover this question.") : "Answer complete.");
    } catch (error) {
      const failure = ChatStreamError.isInstance(error)
        ? error
        : new ChatStreamError("interrupted", "Something went wrong while answering.", { cause: error });
      message = { role: "assistant", content: partial, status: failure.kind === "aborted" ? "stopped" : "error", error: failure.message };
      this.announce(failure.message);
    }
    this.setBusy(null);
    if (conversation !== this.conversation) return;
    this.messages.push(message);
    view.element.replaceWith(this.renderMessage(message, true));
    this.store.save(this.messages);
    this.reveal(questionView);
  }

  private async retry(): Promise<void> {
    const last = this.messages[this.messages.length - 1];
    const question = this.messages[this.messages.length - 2];
    if (last?.role !== "assistant" || last.status === "done" || question?.role !== "user" || this.controller) return;
    this.messages.pop();
    this.ui.log.lastElementChild?.remove();
    this.ui.input.focus();
    await this.ask(question.content, { retry: true });
  }

  private newChat(): void {
    this.conversation++;
    this.controller?.abort();
    this.ui.sheet.close();
    this.messages = [];
    this.store.clear();
    this.renderLog();
    this.announce("New chat started.");
    this.ui.input.focus();
  }

  private setBusy(controller: AbortController | null): void {
    const { send, stop, input } = this.ui;
    const hadFocus = this.shadow.activeElement;
    this.controller = controller;
    send.hidden = controller !== null;
    stop.hidden = controller === null;
    // Keep keyboard users where they were: the focused button swaps with its counterpart.
    if (controller && hadFocus === send) stop.focus();
    if (!controller && hadFocus === stop) input.focus();
  }

  private fitInput(): void {
    const { input } = this.ui;
    input.style.height = "auto";
    input.style.height = `${Math.min(input.scrollHeight + 2, 140)}px`;
  }

  private revealLastQuestion(): void {
    const questions = this.ui.log.querySelectorAll<HTMLElement>(".msg.user");
    if (questions.length) this.reveal(questions[questions.length - 1]!);
  }

  /** Follow the newest exchange down as it grows, but never scroll its question out of view. */
  private reveal(question: HTMLElement): void {
    const { log } = this.ui;
    // Both offsets are measured from the panel, the nearest positioned ancestor.
    const questionTop = question.offsetTop - log.offsetTop - 8;
    log.scrollTop = Math.min(log.scrollHeight - log.clientHeight, Math.max(0, questionTop));
  }

  private announce(text: string): void {
    const { status } = this.ui;
    // Clearing first makes a repeated message ("Stopped.") announce again.
    status.textContent = "";
    setTimeout(() => (status.textContent = text), 50);
  }
}

export function defineReviewChat(): void {
  if (!customElements.get("review-chat")) customElements.define("review-chat", ReviewChatElement);
}
