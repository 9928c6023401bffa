// Driving <review-chat> in a page. Playwright's CSS locators pierce open shadow roots.
import fs from "node:fs";
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { PROJECT_ROOT } from "../../../src/config.ts";

export const ARTIFACTS = path.join(PROJECT_ROOT, "test", "artifacts");

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, name);
  await page.screenshot({ path: file });
  return file;
}

export const inWidget = (page: Page, selector: string): Locator => page.locator(`review-chat ${selector}`);

export async function openLauncher(page: Page): Promise<void> {
  await inWidget(page, ".launcher").click();
  await inWidget(page, ".panel").waitFor({ state: "visible" });
}

/** Type a question and press Enter, as a reader would. */
export async function ask(page: Page, question: string): Promise<void> {
  const input = inWidget(page, "textarea");
  await input.fill(question);
  await input.press("Enter");
}

/** The last answer once it is complete (no longer streaming). */
export async function waitForAnswer(page: Page, timeout = 30_000): Promise<Locator> {
  await page.waitForFunction(
    () => {
      const root = document.querySelector("review-chat")?.shadowRoot;
      const answers = root?.querySelectorAll(".msg.bot");
      const last = answers?.[answers.length - 1];
      return Boolean(last && !last.hasAttribute("aria-busy"));
    },
    undefined,
    { timeout },
  );
  return inWidget(page, ".msg.bot").last();
}

/** Count text pieces appended to the streaming answer, to tell streaming from one final render. */
export async function countStreamedPieces(page: Page): Promise<void> {
  await page.evaluate(() => {
    const root = document.querySelector("review-chat")!.shadowRoot!;
    const w = window as unknown as { streamedPieces: number };
    w.streamedPieces = 0;
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node.nodeType === Node.TEXT_NODE && node.parentElement?.closest('[aria-busy="true"]')) w.streamedPieces++;
        }
      }
    }).observe(root, { childList: true, subtree: true });
  });
}

export const streamedPieces = (page: Page) => page.evaluate(() => (window as unknown as { streamedPieces: number }).streamedPieces);

/** The element focused inside the widget's shadow root, described by tag and class. */
export function focusedInWidget(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const host = document.activeElement;
    if (host?.tagName !== "REVIEW-CHAT") return null;
    const inner = host.shadowRoot?.activeElement;
    return inner ? `${inner.tagName.toLowerCase()}${inner.className ? `.${inner.className.split(" ").join(".")}` : ""}` : "review-chat";
  });
}
