// The widget's stylesheet, scoped by its shadow root: host page CSS cannot reach in, ours cannot leak out.
// Colours meet WCAG AA (4.5:1) for text in both schemes; the accent is overridable with data-accent.

export const WIDGET_CSS = `
:host {
  all: initial;
  --rc-accent: #1d4ed8;
  --rc-on-accent: #fff;
  --rc-bg: #fff;
  --rc-fg: #1b1c1f;
  --rc-muted: #545862;
  --rc-border: #d4d7de;
  --rc-soft: #f1f3f7;
  --rc-user: #e8eefc;
  --rc-mark: #fde68a;
  --rc-mark-fg: #1b1c1f;
  --rc-link: var(--rc-accent);
  --rc-danger: #b42318;
  --rc-shadow: 0 12px 40px rgba(15, 23, 42, .25);
  color-scheme: light;
  display: block;
}
.rc { all: initial; display: contents; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--rc-fg); }
:host([data-theme="dark"]) { --rc-bg: #17181c; --rc-fg: #ececf1; --rc-muted: #a9adb8; --rc-border: #3a3d46;
  --rc-soft: #23252b; --rc-user: #26324d; --rc-mark: #6b5a12; --rc-mark-fg: #fff7d6; --rc-link: #9db8ff;
  --rc-danger: #ff8a80; --rc-shadow: 0 12px 40px rgba(0, 0, 0, .6); color-scheme: dark; }
@media (prefers-color-scheme: dark) {
  :host(:not([data-theme="light"])) { --rc-bg: #17181c; --rc-fg: #ececf1; --rc-muted: #a9adb8; --rc-border: #3a3d46;
    --rc-soft: #23252b; --rc-user: #26324d; --rc-mark: #6b5a12; --rc-mark-fg: #fff7d6; --rc-link: #9db8ff;
    --rc-danger: #ff8a80; --rc-shadow: 0 12px 40px rgba(0, 0, 0, .6); color-scheme: dark; }
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
.vh { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
button, textarea { font: inherit; color: inherit; }
button { cursor: pointer; }
:focus-visible { outline: 3px solid var(--rc-accent); outline-offset: 2px; }
a { color: var(--rc-link); text-underline-offset: 2px; }

.launcher { position: fixed; bottom: 20px; right: 20px; z-index: 2147483000; display: inline-flex; align-items: center;
  gap: 8px; min-height: 48px; padding: 0 20px 0 16px; border: 0; border-radius: 999px; background: var(--rc-accent);
  color: var(--rc-on-accent); font-weight: 600; box-shadow: var(--rc-shadow); }
.launcher:hover { filter: brightness(1.08); }
.launcher:focus-visible { outline-color: var(--rc-fg); }
.launcher svg { width: 22px; height: 22px; fill: currentColor; }
:host([data-position="bottom-left"]) .launcher { right: auto; left: 20px; }

.panel { display: flex; flex-direction: column; position: relative; overflow: hidden; background: var(--rc-bg);
  color: var(--rc-fg); border: 1px solid var(--rc-border); border-radius: 14px; }
:host([data-mode="launcher"]) .panel { position: fixed; z-index: 2147483001; bottom: 84px; right: 20px;
  width: min(420px, calc(100vw - 40px)); height: min(680px, calc(100vh - 110px)); box-shadow: var(--rc-shadow); }
:host([data-mode="launcher"][data-position="bottom-left"]) .panel { right: auto; left: 20px; }
:host([data-mode="inline"]) .panel { height: var(--rc-height, 640px); max-height: 100%; }

header { display: flex; align-items: center; gap: 4px; padding: 10px 10px 10px 16px; border-bottom: 1px solid var(--rc-border); }
header h2 { flex: 1; margin: 0; font-size: 16px; font-weight: 650; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.icon-btn { display: inline-flex; align-items: center; justify-content: center; gap: 4px; min-width: 40px; min-height: 40px;
  padding: 0 8px; border: 1px solid transparent; border-radius: 8px; background: transparent; color: var(--rc-fg); }
.icon-btn:hover { background: var(--rc-soft); border-color: var(--rc-border); }
.icon-btn svg { width: 20px; height: 20px; fill: currentColor; }

.log { flex: 1; overflow-y: auto; padding: 16px; overscroll-behavior: contain; }
.intro { color: var(--rc-muted); margin: 0 0 12px; }
.starters { display: flex; flex-direction: column; gap: 8px; margin: 0; padding: 0; list-style: none; }
.starter { width: 100%; text-align: left; padding: 10px 12px; border: 1px solid var(--rc-border); border-radius: 10px;
  background: var(--rc-soft); }
.starter:hover { border-color: var(--rc-accent); }

.msg { margin: 0 0 16px; }
.msg.user { margin-left: 15%; padding: 8px 12px; border-radius: 12px 12px 2px 12px; background: var(--rc-user); white-space: pre-wrap;
  overflow-wrap: anywhere; }
.msg.bot .answer { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.msg.bot .answer.parts { white-space: normal; }
.msg.bot .answer .part { margin: 0 0 8px; white-space: pre-wrap; }
.msg.bot .answer .part:last-child { margin-bottom: 0; }
.msg.bot .answer .part.aside { color: var(--rc-muted); }
.part-label { font-weight: 650; }
.msg.bot[aria-busy="true"] .answer::after { content: "▍"; animation: rc-blink 1s steps(2) infinite; color: var(--rc-muted); }
@keyframes rc-blink { 50% { opacity: 0; } }
@media (prefers-reduced-motion: reduce) { .msg.bot[aria-busy="true"] .answer::after { animation: none; } }
.thinking { color: var(--rc-muted); font-style: italic; }
.cite { display: inline-block; min-width: 24px; margin: 0 1px; padding: 0 5px; border: 1px solid var(--rc-link); border-radius: 6px;
  background: transparent; color: var(--rc-link); font-size: 12px; font-weight: 650; line-height: 18px; vertical-align: 1px; }
.cite:hover, .cite[aria-expanded="true"] { background: var(--rc-accent); color: var(--rc-on-accent); }
.note { margin: 8px 0 0; color: var(--rc-muted); font-size: 13px; }
.closest { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 8px 0 0; font-size: 13px; color: var(--rc-muted); }
.error { margin: 8px 0 0; color: var(--rc-danger); }
.actions { display: flex; gap: 8px; margin-top: 6px; }
.btn { min-height: 36px; padding: 4px 12px; border: 1px solid var(--rc-border); border-radius: 8px; background: var(--rc-soft); }
.btn:hover { border-color: var(--rc-accent); }
.refs { margin: 10px 0 0; padding: 8px 10px; border-left: 3px solid var(--rc-border); font-size: 13px; }
.refs h3 { margin: 0 0 4px; font-size: 13px; font-weight: 650; color: var(--rc-muted); }
.refs h4 { margin: 6px 0 2px; font-size: 12px; font-weight: 600; color: var(--rc-muted); }
.ref-list { margin: 0; padding: 0; list-style: none; }
.ref-list li { margin: 0 0 4px; overflow-wrap: anywhere; }
.ref-n { font-weight: 650; }
.ref-title { font-style: italic; }

form { display: flex; gap: 8px; align-items: flex-end; padding: 10px 12px 12px; border-top: 1px solid var(--rc-border); }
textarea { flex: 1; min-height: 44px; max-height: 140px; resize: none; padding: 10px 12px; border: 1px solid var(--rc-border);
  border-radius: 10px; background: var(--rc-bg); line-height: 1.4; }
textarea::placeholder { color: var(--rc-muted); opacity: 1; }
.send, .stop { min-height: 44px; min-width: 72px; padding: 0 14px; border: 0; border-radius: 10px; font-weight: 600; }
.send { background: var(--rc-accent); color: var(--rc-on-accent); }
.send:disabled { opacity: .55; cursor: not-allowed; }
.stop { background: var(--rc-soft); border: 1px solid var(--rc-border); }

/* A bottom sheet: the answer and its highlighted marker stay in view above the passage. */
.sheet { position: absolute; inset: 38% 0 0 0; z-index: 2; display: flex; flex-direction: column; background: var(--rc-bg);
  border-top: 1px solid var(--rc-border); border-radius: 14px 14px 0 0; box-shadow: 0 -10px 30px rgba(15, 23, 42, .18); }
.sheet-head { display: flex; align-items: flex-start; gap: 8px; padding: 10px 8px 8px 16px; border-bottom: 1px solid var(--rc-border); }
.sheet-titles { flex: 1; min-width: 0; }
.sheet-head h3 { margin: 0; font-size: 12px; font-weight: 650; letter-spacing: .04em; text-transform: uppercase; color: var(--rc-muted); }
.sheet-body { flex: 1; overflow-y: auto; padding: 12px 16px 16px; }
.doc-title, .section { margin: 0; overflow: hidden; display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; }
.doc-title { font-weight: 650; font-size: 14px; line-height: 1.35; }
.section { margin-top: 2px; color: var(--rc-muted); font-size: 13px; -webkit-line-clamp: 1; }
.passage { margin: 0 0 10px; padding: 10px 12px; border-radius: 8px; background: var(--rc-soft); white-space: pre-wrap;
  overflow-wrap: anywhere; font-size: 14px; }
mark { background: var(--rc-mark); color: var(--rc-mark-fg); border-radius: 3px; padding: 0 1px; }
.sheet-body h4 { margin: 14px 0 6px; font-size: 13px; color: var(--rc-muted); }

@media (max-width: 480px) {
  :host([data-mode="launcher"]) .panel { inset: 0; width: 100vw; height: 100%; border: 0; border-radius: 0; }
  :host([data-mode="launcher"][data-open]) .launcher { display: none; }
  .msg.user { margin-left: 8%; }
}
`;
