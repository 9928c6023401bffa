// GET /: what Review Chat is, the widget embedded exactly as a site owner would embed it, and the
// snippet to copy.
import type { StoredDocument } from "../../store/index-files.ts";
import { html } from "./html.ts";
import { renderPage } from "./page-layout.ts";

const ATTRIBUTES: [string, string][] = [
  ["data-title", "Heading of the panel and label of the launcher button (default “Ask the reviews”)."],
  ["data-server", "Address of the Review Chat server; defaults to where widget.js was loaded from."],
  ["data-accent", "Any CSS colour for buttons and links, e.g. #0f766e."],
  ["data-position", "bottom-right (default) or bottom-left."],
  ["data-docs", "Comma-separated document ids to restrict answers to, e.g. guan2024."],
  ["data-starters", "Starter questions shown on an empty chat, separated by |."],
  ["data-theme", "light or dark to override the reader's colour-scheme preference."],
  ["data-launcher", "false to add no launcher (when you place <review-chat> in the page yourself)."],
];

const CSS = `
.lead { font-size: 1.15rem; }
.docs { padding-left: 1.2em; }
.docs li { margin-bottom: .8em; }
.snippet-label { font-weight: 600; margin-bottom: 4px; }
`;

export function renderDemoPage(options: { origin: string; documents: readonly StoredDocument[] }): string {
  const snippet = `<script src="${options.origin}/widget.js" data-title="Ask the reviews" defer></script>`;
  const inline = `<review-chat data-title="Ask the reviews"></review-chat>\n<script src="${options.origin}/widget.js" defer></script>`;
  const documents = options.documents.map(
    (doc) => html`<li><a href="/docs/${encodeURIComponent(doc.meta.id)}">${doc.meta.title}</a><br>
<span class="muted">${doc.meta.authors.slice(0, 3).join(", ")}${doc.meta.authors.length > 3 ? " et al." : ""}${
      doc.meta.journal ? ` · ${doc.meta.journal}` : ""
    }${doc.meta.year ? ` · ${doc.meta.year}` : ""} · ${doc.references.length} references</span></li>`,
  );
  return renderPage({
    title: "Review Chat — ask the reviews, check every citation",
    css: CSS,
    head: html`<script src="/widget.js" data-title="Ask the reviews" defer></script>`,
    body: html`<main id="main">
<h1>Ask the reviews — and check every citation</h1>
<p class="lead">Review Chat answers questions about scientific review papers. Every sentence of an answer carries a
numbered marker; opening it shows the passage it came from, with the cited sentence highlighted, and the review’s own
references behind it, with DOI links to the primary papers.</p>
<p>This page embeds the chat the way a site owner would: the <strong>Ask the reviews</strong> button at the bottom
right. Prefer more room? Open the <a href="/chat">full-page chat</a>.</p>

<h2>Add it to your site</h2>
<p class="snippet-label" id="snippet-label">One line, anywhere in your page:</p>
<pre aria-labelledby="snippet-label"><code>${snippet}</code></pre>
<p>Or place the chat inside your page instead of behind a button:</p>
<pre><code>${inline}</code></pre>
<p>The server answers only the sites it knows: list your site’s origin in <code>WIDGET_ORIGINS</code>
(comma-separated, e.g. <code>WIDGET_ORIGINS=https://blog.example.org</code>).</p>

<h2>Attributes</h2>
<table>
<thead><tr><th scope="col">attribute</th><th scope="col">what it does</th></tr></thead>
<tbody>${ATTRIBUTES.map(([name, what]) => html`<tr><td><code>${name}</code></td><td>${what}</td></tr>`)}</tbody>
</table>

<h2 id="documents">The reviews</h2>
${documents.length ? html`<ol class="docs">${documents}</ol>` : html`<p class="muted">The index is still loading.</p>`}
</main>`,
  });
}
