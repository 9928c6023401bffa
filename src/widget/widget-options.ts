// The widget's settings, read from data-* attributes (on the <script> tag or on <review-chat> itself).

export interface WidgetOptions {
  /** Base URL of the Review Chat server the widget talks to. */
  server: string;
  title: string;
  /** A CSS colour for buttons and links, when valid. */
  accent?: string;
  position: "bottom-right" | "bottom-left";
  /** Restrict answers to these document ids. */
  docs?: string[];
  starters: string[];
  /** "launcher": a floating button opening a panel; "inline": the panel in the page flow. */
  mode: "launcher" | "inline";
}

export const DEFAULT_TITLE = "Ask the reviews";

export const DEFAULT_STARTERS = [
  "How do nanoparticles help overcome multidrug resistance in breast cancer?",
  "Which miRNAs are linked to tamoxifen resistance?",
  "What role does P-glycoprotein play in drug resistance?",
];

/** Attributes copied from the loader's <script> tag onto the element it creates. */
export const OPTION_ATTRIBUTES = ["server", "title", "accent", "position", "docs", "starters", "theme"] as const;

/** "a|b|c" or a JSON array of strings; empty entries dropped, at most 6. */
export function parseStarters(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  let list: unknown = undefined;
  if (raw.trim().startsWith("[")) {
    try {
      list = JSON.parse(raw);
    } catch {
      list = undefined;
    }
  }
  const items = Array.isArray(list) ? list.filter((s): s is string => typeof s === "string") : raw.split("|");
  return items
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, 6);
}

export function parseDocs(raw: string | undefined): string[] | undefined {
  const ids = (raw ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return ids.length ? ids : undefined;
}

function validColor(value: string | undefined): string | undefined {
  if (!value) return undefined;
  return typeof CSS !== "undefined" && CSS.supports("color", value) ? value : undefined;
}

export function readWidgetOptions(data: DOMStringMap, fallbackServer: string): WidgetOptions {
  return {
    server: data.server?.trim() || fallbackServer,
    title: data.title?.trim() || DEFAULT_TITLE,
    accent: validColor(data.accent?.trim()),
    position: data.position === "bottom-left" ? "bottom-left" : "bottom-right",
    docs: parseDocs(data.docs),
    starters: parseStarters(data.starters) ?? DEFAULT_STARTERS,
    mode: data.mode === "launcher" ? "launcher" : "inline",
  };
}
