// widget.js: defines <review-chat> and, for the script tag that loaded it, mounts the launcher.
import { mountFromScript } from "./mount-from-script.ts";
import { defineReviewChat } from "./review-chat-element.ts";

// Read before any await: currentScript is only set while the script first runs. Mounting first
// sets the default server, so inline elements upgraded by define() already know it.
mountFromScript(document.currentScript instanceof HTMLScriptElement ? document.currentScript : null);
defineReviewChat();
