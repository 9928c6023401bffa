// The widget's only way to build DOM: text goes in as Text nodes, attributes through setAttribute,
// links through link(). There is no path by which server data becomes markup.
import { safeHttpUrl } from "./safe-url.ts";

type Child = Node | string | false | null | undefined;
type Attributes = Record<string, string | number | boolean | undefined>;

/** Attributes that could carry script or a URL; set them only through dedicated helpers. */
const FORBIDDEN = /^(on|href$|src$|srcdoc$|action$|formaction$|xlink:href$|style$)/i;

/** Create an element: attributes set as strings (true = present, false/undefined = absent), children as text or nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (FORBIDDEN.test(name)) throw new Error(`h(): attribute "${name}" must be set through a dedicated helper`);
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === false || child === null || child === undefined) continue;
    parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
}

/**
 * A link that opens in a new tab, or plain text when `href` is not an http(s) URL — a
 * `javascript:` or `data:` URL from the corpus renders as inert text.
 */
export function link(href: string | undefined, attributes: Attributes, ...children: Child[]): HTMLElement {
  const safe = safeHttpUrl(href);
  if (!safe) return h("span", { class: attributes.class }, ...children);
  const anchor = h("a", { ...attributes, target: "_blank", rel: "noopener noreferrer" }, ...children);
  anchor.href = safe;
  return anchor;
}

/** Decorative inline SVG icon from fixed path data (never data from the network). */
export function icon(pathData: string): SVGSVGElement {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  const path = document.createElementNS(ns, "path");
  path.setAttribute("d", pathData);
  svg.appendChild(path);
  return svg;
}
