// The frame every served page shares: head, top bar, light/dark styles. No inline script anywhere, so
// the pages run under a CSP of script-src 'self'.
import { SafeHtml, html } from "./html.ts";

const PAGE_CSS = `
:root { color-scheme: light dark; --bg: #fff; --fg: #1b1c1f; --muted: #545862; --border: #d4d7de; --soft: #f3f5f9;
  --accent: #1d4ed8; --link: #1d4ed8; --mark: #fde68a; --mark-fg: #1b1c1f; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #121316; --fg: #ececf1; --muted: #a9adb8; --border: #363942; --soft: #1d1f24; --link: #9db8ff;
    --mark: #6b5a12; --mark-fg: #fff7d6; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
a { color: var(--link); text-underline-offset: 2px; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.top { display: flex; flex-wrap: wrap; gap: 4px 18px; align-items: center; padding: 12px 20px; border-bottom: 1px solid var(--border); }
.top .brand { font-weight: 700; color: var(--fg); text-decoration: none; margin-right: auto; }
main { max-width: 860px; margin: 0 auto; padding: 24px 20px 80px; }
h1 { font-size: 1.9rem; line-height: 1.25; margin: 0 0 12px; }
h2 { font-size: 1.3rem; margin: 2em 0 .5em; }
.muted { color: var(--muted); }
pre { overflow-x: auto; padding: 14px 16px; border: 1px solid var(--border); border-radius: 8px; background: var(--soft); font-size: 14px; }
code { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; }
table { border-collapse: collapse; width: 100%; font-size: 15px; }
th, td { text-align: left; vertical-align: top; padding: 6px 10px; border-bottom: 1px solid var(--border); }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 12px; top: 12px; z-index: 10; padding: 8px 12px; background: var(--bg); }
`;

export interface PageOptions {
  title: string;
  /** Page-specific CSS (a constant, never data), appended after the shared styles. */
  css?: string;
  body: SafeHtml;
  /** Extra head markup, e.g. the widget's <script>. */
  head?: SafeHtml;
}

export function renderPage(options: PageOptions): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title}</title>
<link rel="icon" href="data:,">
<style>${new SafeHtml(PAGE_CSS + (options.css ?? ""))}</style>
${options.head}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<nav class="top" aria-label="Site"><a class="brand" href="/">Review Chat</a><a href="/chat">Full-page chat</a><a href="/#documents">Reviews</a></nav>
${options.body}
</body>
</html>
`.value;
}
