// The one-line install: <script src="https://HOST/widget.js" data-title="…" defer></script> adds a
// launcher button and chat panel to the page, configured by the tag's data-* attributes.
import { setDefaultServer } from "./review-chat-element.ts";
import { OPTION_ATTRIBUTES } from "./widget-options.ts";

/**
 * Mount the launcher for the script tag that loaded the widget. Pages that place <review-chat>
 * themselves (or set data-launcher="false") get no launcher; the elements just learn the server.
 */
export function mountFromScript(script: HTMLScriptElement | null): void {
  if (!script) return;
  // The server defaults to the folder widget.js was served from, so a path prefix keeps working.
  const server = script.dataset.server ? new URL(script.dataset.server, location.href).href : new URL(".", script.src).href;
  setDefaultServer(server);
  const mount = () => {
    if (script.dataset.launcher === "false" || document.querySelector("review-chat")) return;
    const element = document.createElement("review-chat");
    for (const name of OPTION_ATTRIBUTES) {
      const value = script.dataset[name];
      if (value !== undefined) element.dataset[name] = value;
    }
    element.dataset.server = server;
    element.dataset.mode = "launcher";
    document.body.append(element);
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount, { once: true });
  else mount();
}
