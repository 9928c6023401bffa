// GET /chat: the same <review-chat> component, inline and filling the window.
import { html } from "./html.ts";
import { renderPage } from "./page-layout.ts";

const CSS = `
main.chat { max-width: 900px; padding: 16px 16px 24px; }
review-chat { --rc-height: calc(100vh - 100px); }
@supports (height: 100dvh) { review-chat { --rc-height: calc(100dvh - 100px); } }
`;

export function renderChatPage(): string {
  return renderPage({
    title: "Review Chat",
    css: CSS,
    head: html`<script src="/widget.js" defer></script>`,
    body: html`<main id="main" class="chat"><h1 class="skip">Review Chat</h1><review-chat data-title="Ask the reviews"></review-chat></main>`,
  });
}
