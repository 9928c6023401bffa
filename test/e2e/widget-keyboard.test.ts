// Keyboard only: open the widget, type, send, open a citation and come back — no mouse — plus the
// accessibility basics the issue asks for (names, roles, live region, contrast).
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/server/start-server.ts";
import { type Chromium, launchChromium } from "./support/chromium.ts";
import { type HostSite, blogPage, startHostSite } from "./support/host-site.ts";
import { startReviewServer } from "./support/review-server.ts";
import { focusedInWidget, inWidget, waitForAnswer } from "./support/widget.ts";

let browser: Chromium;
let host: HostSite;
let review: RunningServer;
let page: Page;

beforeAll(async () => {
  host = await startHostSite(() =>
    blogPage(`${review.url}/widget.js`, {
      title: "Ask the reviews",
      accent: "#0f766e",
      position: "bottom-left",
      starters: "What is P-glycoprotein?|How do liposomes deliver doxorubicin?",
    }),
  );
  review = await startReviewServer({ WIDGET_ORIGINS: host.origin });
  browser = await launchChromium();
  page = await browser.context.newPage();
  await page.goto(host.url);
  await inWidget(page, ".launcher").waitFor();
});

afterAll(async () => {
  await browser?.close();
  await review?.close();
  await host?.close();
});

/** Press `key` until `done(focused)` or give up after `max` presses. */
async function pressUntil(key: string, done: (focused: string | null) => boolean, max = 40): Promise<string | null> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const focused = await focusedInWidget(page);
    if (done(focused)) return focused;
  }
  return focusedInWidget(page);
}

/** WCAG contrast ratio of two computed rgb() colours. */
function contrast(a: string, b: string): number {
  const luminance = (rgb: string) => {
    const [r, g, bl] = rgb.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe("configured through the script tag's attributes", () => {
  it("takes the accent colour, the position and the starter questions", async () => {
    const launcher = inWidget(page, ".launcher");
    expect(await launcher.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(15, 118, 110)");
    expect((await launcher.boundingBox())!.x).toBeLessThan(100);
    expect(await inWidget(page, ".starter").allTextContents()).toEqual(["What is P-glycoprotein?", "How do liposomes deliver doxorubicin?"]);
  });
});

describe("keyboard-only use", () => {
  it("reaches the launcher with Tab and opens the panel with Enter, focus in the question box", async () => {
    expect(await pressUntil("Tab", (f) => f === "button.launcher", 10)).toBe("button.launcher");
    await page.keyboard.press("Enter");
    await inWidget(page, ".panel").waitFor({ state: "visible" });
    expect(await focusedInWidget(page)).toBe("textarea");
  });

  it("types and sends a question with Enter; the answer streams into a live region", async () => {
    await page.keyboard.type("How do liposomes overcome drug resistance in breast cancer?");
    await page.keyboard.press("Enter");
    expect(await inWidget(page, ".log").getAttribute("role")).toBe("log");
    expect(await inWidget(page, ".log").getAttribute("aria-live")).toBe("polite");
    const answer = await waitForAnswer(page);
    expect(await answer.locator("button.cite").count()).toBeGreaterThan(0);
    // Focus stayed where the reader typed.
    expect(await focusedInWidget(page)).toBe("textarea");
  });

  it("opens a citation with the keyboard, moves focus into it, and Escape returns focus to the marker", async () => {
    const cite = await pressUntil("Shift+Tab", (f) => f === "button.cite", 80);
    expect(cite).toBe("button.cite");
    const label = await page.evaluate(() => document.querySelector("review-chat")!.shadowRoot!.activeElement!.getAttribute("aria-label"));
    expect(label).toMatch(/^Source \d+: /);
    await page.keyboard.press("Enter");
    await inWidget(page, ".sheet").waitFor({ state: "visible" });
    expect(await focusedInWidget(page)).toBe("h3");
    expect(await inWidget(page, ".sheet").getAttribute("role")).toBe("dialog");
    // Everything in the sheet is reachable: the source-viewer link and the copy button.
    expect(await pressUntil("Tab", (f) => f === "a.viewer-link", 10)).toBe("a.viewer-link");
    expect(await pressUntil("Tab", (f) => f === "button.btn.copy", 20)).toBe("button.btn.copy");
    await page.keyboard.press("Escape");
    await inWidget(page, ".sheet").waitFor({ state: "hidden" });
    expect(await focusedInWidget(page)).toBe("button.cite");
    expect(await page.evaluate(() => document.querySelector("review-chat")!.shadowRoot!.activeElement!.getAttribute("aria-expanded"))).toBe("false");
  });

  it("closes the panel with Escape and returns focus to the launcher", async () => {
    await page.keyboard.press("Escape");
    await inWidget(page, ".panel").waitFor({ state: "hidden" });
    expect(await focusedInWidget(page)).toBe("button.launcher");
    expect(await inWidget(page, ".launcher").getAttribute("aria-expanded")).toBe("false");
  });

  it("labels every button and keeps text contrast at WCAG AA", async () => {
    await page.keyboard.press("Enter");
    const unlabeled = await page.evaluate(() =>
      [...document.querySelector("review-chat")!.shadowRoot!.querySelectorAll("button")]
        .filter((b) => !(b.getAttribute("aria-label") || b.textContent?.trim()))
        .map((b) => b.className),
    );
    expect(unlabeled).toEqual([]);
    const pairs = await page.evaluate(() => {
      const root = document.querySelector("review-chat")!.shadowRoot!;
      const panel = getComputedStyle(root.querySelector(".panel")!).backgroundColor;
      const pick = (selector: string, background?: string) => {
        const style = getComputedStyle(root.querySelector(selector)!);
        return { selector, fg: style.color, bg: background ?? style.backgroundColor };
      };
      return [pick(".answer", panel), pick(".refs", panel), pick(".send"), pick(".msg.user"), pick("h2", panel), pick("textarea")];
    });
    for (const { selector, fg, bg } of pairs) expect(contrast(fg, bg), selector).toBeGreaterThanOrEqual(4.5);
  });
});
