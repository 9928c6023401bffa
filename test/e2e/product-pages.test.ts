// The server's own pages in Chromium: the demo page embeds the widget as a site owner would and
// shows the snippet; /chat is the same component full-page; both run under the server's CSP.
import type { ConsoleMessage, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/server/start-server.ts";
import { type Chromium, launchChromium } from "./support/chromium.ts";
import { startReviewServer } from "./support/review-server.ts";
import { ask, inWidget, openLauncher, screenshot, waitForAnswer } from "./support/widget.ts";

let browser: Chromium;
let review: RunningServer;
const consoleErrors: string[] = [];

beforeAll(async () => {
  review = await startReviewServer({});
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await review?.close();
});

async function open(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  page.on("console", (message: ConsoleMessage) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  await page.goto(`${review.url}${path}`);
  return page;
}

describe("product pages", () => {
  it("/ explains the product, embeds the widget and shows the snippet to copy", async () => {
    const page = await open("/");
    expect(await page.locator("h1").textContent()).toMatch(/Ask the reviews/);
    const snippet = await page.locator("pre code").first().textContent();
    expect(snippet).toBe(`<script src="${review.url}/widget.js" data-title="Ask the reviews" defer></script>`);
    expect(await page.locator('#documents + ol a[href^="/docs/"]').count()).toBeGreaterThanOrEqual(2);
    await openLauncher(page);
    await ask(page, "Which miRNAs are linked to tamoxifen resistance?");
    const answer = await waitForAnswer(page);
    expect(await answer.locator("button.cite").count()).toBeGreaterThan(0);
    await screenshot(page, "demo-page.png");
    await page.close();
  });

  it("/chat is the same component full-page, without a launcher", async () => {
    const page = await open("/chat");
    const panel = inWidget(page, ".panel");
    await panel.waitFor({ state: "visible" });
    expect(await inWidget(page, ".launcher").count()).toBe(0);
    expect((await panel.boundingBox())!.height).toBeGreaterThan(600);
    await inWidget(page, ".starter").first().click();
    const answer = await waitForAnswer(page);
    expect(await answer.locator("button.cite").count()).toBeGreaterThan(0);
    await screenshot(page, "chat-page.png");
    await page.close();
  });

  it("/docs/:id lists sections and references, and an unknown id is a 404", async () => {
    const page = await open("/docs/guan2024");
    expect(await page.locator(".toc li").count()).toBeGreaterThan(5);
    expect(await page.locator(".references li[id^='ref-']").count()).toBeGreaterThan(100);
    expect(await page.locator(".doc-text .chunk").count()).toBeGreaterThan(10);
    const missing = await fetch(`${review.url}/docs/nope`);
    expect(missing.status).toBe(404);
    await page.close();
  });

  it("logged no errors and no CSP violations", () => {
    expect(consoleErrors).toEqual([]);
  });
});
