// The widget as a site owner embeds it: a blog on a second local origin loads widget.js from the
// real server (real index, real extractive answers) and a reader uses it in real Chromium.
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/server/start-server.ts";
import { type Chromium, launchChromium } from "./support/chromium.ts";
import { type HostSite, blogPage, startHostSite } from "./support/host-site.ts";
import { startOpenAiStub } from "../support/openai-stub.ts";
import { startReviewServer } from "./support/review-server.ts";
import { ask, countStreamedPieces, inWidget, openLauncher, screenshot, streamedPieces, waitForAnswer } from "./support/widget.ts";

// A question whose answer cites references that carry DOIs (the tests open them). The liposome question used
// before now leads with sentences citing a reference printed without a DOI.
const QUESTION = "How do solid lipid nanoparticles overcome drug resistance in breast cancer?";

let browser: Chromium;
let host: HostSite;
let review: RunningServer;
let page: Page;
const pageErrors: string[] = [];

async function startReview(port = "0"): Promise<RunningServer> {
  return startReviewServer({ WIDGET_ORIGINS: host.origin, PORT: port });
}

beforeAll(async () => {
  host = await startHostSite(() => blogPage(`${review.url}/widget.js`, { title: "Ask the reviews" }));
  review = await startReview();
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await browser?.close();
  await review?.close().catch(() => {});
  await host?.close();
});

describe("embedded widget on a second origin", () => {
  it("shows a launcher that opens the chat panel with starter questions", async () => {
    await page.goto(host.url);
    const launcher = inWidget(page, ".launcher");
    await expect.poll(() => launcher.isVisible()).toBe(true);
    expect(await launcher.textContent()).toContain("Ask the reviews");
    await screenshot(page, "widget-launcher.png");

    await openLauncher(page);
    expect(await launcher.getAttribute("aria-expanded")).toBe("true");
    expect(await inWidget(page, ".starter").count()).toBeGreaterThanOrEqual(1);
    // The cursor is in the question box, ready to type.
    expect(await page.evaluate(() => document.querySelector("review-chat")?.shadowRoot?.activeElement?.tagName)).toBe("TEXTAREA");
    // The host page's hostile CSS does not reach inside.
    const styles = await inWidget(page, ".send").evaluate((el) => {
      const s = getComputedStyle(el);
      return { background: s.backgroundColor, letterSpacing: s.letterSpacing, fontSize: s.fontSize };
    });
    expect(styles.background).not.toBe("rgb(255, 0, 0)");
    expect(styles.letterSpacing).toBe("normal");
    expect(styles.fontSize).toBe("15px");
  });

  it("streams the answer to a typed question, with citation buttons and a references list", async () => {
    await countStreamedPieces(page);
    await ask(page, QUESTION);
    const answer = await waitForAnswer(page);
    expect(await streamedPieces(page)).toBeGreaterThan(1);
    expect((await answer.locator(".answer").textContent())!.length).toBeGreaterThan(80);
    expect(await answer.locator("button.cite").count()).toBeGreaterThan(0);
    expect(await answer.locator(".refs li").count()).toBeGreaterThan(0);
    expect(await answer.locator('.refs a[href^="https://doi.org/"]').count()).toBeGreaterThan(0);
  });

  it("opens a citation: review, section, passage with the cited sentence highlighted, DOI links", async () => {
    const answer = inWidget(page, ".msg.bot").last();
    const buttons = answer.locator("button.cite");
    const sheet = inWidget(page, ".sheet");
    let withDoi = -1;
    for (let i = 0; i < (await buttons.count()) && withDoi < 0; i++) {
      await buttons.nth(i).click();
      await sheet.waitFor({ state: "visible" });
      if ((await sheet.locator('a[href^="https://doi.org/"]').count()) > 0) withDoi = i;
      else await sheet.locator('button[aria-label="Close source"]').click();
    }
    expect(withDoi, "a citation whose passage cites references with DOIs").toBeGreaterThanOrEqual(0);
    expect(await buttons.nth(withDoi).getAttribute("aria-expanded")).toBe("true");
    expect(await sheet.locator(".doc-title").textContent()).toMatch(/\w{5,}/);
    expect(await sheet.locator(".section").textContent()).toMatch(/^Section: /);
    const mark = (await sheet.locator(".passage mark").textContent()) ?? "";
    expect(mark.length).toBeGreaterThan(20);
    // The highlighted sentence is the one the answer quotes before this marker.
    const skeleton = (text: string) => text.replace(/[^\p{L}\p{N}]/gu, "").toLowerCase();
    expect(skeleton((await answer.locator(".answer").textContent())!)).toContain(skeleton(mark).slice(0, 60));
    const doi = sheet.locator('a[href^="https://doi.org/"]').first();
    expect(await doi.getAttribute("target")).toBe("_blank");
    expect(await doi.getAttribute("rel")).toContain("noopener");
    expect(await sheet.locator(".viewer-link").getAttribute("href")).toMatch(/\/docs\/\w+#chunk-\w+:\d{4}$/);
    await screenshot(page, "widget-answer-citation.png");
  });

  it("copies a citation naming the review and the source-viewer link", async () => {
    await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: host.origin });
    const sheet = inWidget(page, ".sheet");
    await sheet.locator("button.copy").click();
    await expect.poll(() => sheet.locator("button.copy").textContent()).toBe("Copied");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^“.+”\n— .+\. http:\/\/127\.0\.0\.1:\d+\/docs\/\w+#chunk-/s);
    expect(copied).toContain("https://doi.org/");
  });

  it("links to the source viewer, which highlights the passage and scrolls it into view", async () => {
    const link = inWidget(page, ".sheet .viewer-link");
    const href = (await link.getAttribute("href"))!;
    const [viewer] = await Promise.all([browser.context.waitForEvent("page"), link.click()]);
    await viewer.waitForLoadState("load");
    expect(viewer.url()).toBe(href);
    const chunkId = decodeURIComponent(new URL(href).hash.slice(1));
    const target = await viewer.evaluate(() => {
      const el = document.querySelector(":target");
      if (!el) return null;
      const box = el.getBoundingClientRect();
      return { id: el.id, background: getComputedStyle(el).backgroundColor, top: box.top, bottom: box.bottom, text: el.textContent };
    });
    expect(target?.id).toBe(chunkId);
    expect(target?.background).toBe("rgb(253, 230, 138)");
    expect(target!.top).toBeGreaterThanOrEqual(0);
    expect(target!.top).toBeLessThan(800);
    expect(target!.text!.length).toBeGreaterThan(100);
    await screenshot(viewer, "source-viewer.png");
    // Reference numbers in the text jump to their entries.
    const cite = viewer.locator(`[id="${chunkId}"] a.cite`).first();
    const refHash = (await cite.getAttribute("href"))!;
    await cite.click();
    await expect.poll(() => viewer.evaluate(() => document.querySelector(":target")?.id)).toBe(refHash.slice(1));
    expect(await viewer.locator(`${refHash} a[href^="https://doi.org/"]`).count()).toBe(1);
    await viewer.close();
  });

  it("keeps the conversation over a reload and sends it as history", async () => {
    await page.keyboard.press("Escape");
    const before = await inWidget(page, ".msg").count();
    await page.reload();
    await openLauncher(page);
    expect(await inWidget(page, ".msg").count()).toBe(before);
    expect(await inWidget(page, ".msg.user").first().textContent()).toContain(QUESTION);
    expect(await inWidget(page, ".msg.bot button.cite").count()).toBeGreaterThan(0);

    const request = page.waitForRequest((r) => r.url().endsWith("/api/chat") && r.method() === "POST");
    await ask(page, "How well did it work?");
    const body = JSON.parse((await request).postData()!) as { question: string; history: { role: string; content: string }[] };
    expect(body.question).toBe("How well did it work?");
    expect(body.history[0]).toEqual({ role: "user", content: QUESTION });
    expect(body.history[1]?.role).toBe("assistant");
    expect(body.history[1]?.content).toMatch(/\[\d+\]/);
    await waitForAnswer(page);
  });

  it("stops a streaming answer and retries it", async () => {
    // An answer that takes seconds to write: the real server in LLM mode, its model a local
    // OpenAI-protocol stub streaming a piece every 150 ms. (Extractive answers are written in a few
    // milliseconds, too fast to stop.)
    const text = "P-glycoprotein pumps chemotherapy drugs out of breast cancer cells [1]. ".repeat(4);
    const stub = await startOpenAiStub(() => text, { pieceDelayMs: 150 });
    // The page is rendered per request, after the server below has started.
    const llmHost = await startHostSite(() => blogPage(`${llmReview.url}/widget.js`, { title: "Ask the reviews" }));
    const llmReview = await startReviewServer({ WIDGET_ORIGINS: llmHost.origin, LLM_BASE_URL: stub.baseUrl, LLM_MODEL: "stub" });
    const reader = await browser.context.newPage();
    try {
      await reader.goto(llmHost.url);
      await openLauncher(reader);
      const stop = inWidget(reader, "button.stop");
      await ask(reader, "What is the role of P-glycoprotein in multidrug resistance?");
      await stop.waitFor({ state: "visible" });
      expect(await inWidget(reader, "button.send").isVisible()).toBe(false);
      // The sources arrive first; the text then streams until the reader stops it.
      await inWidget(reader, '.msg.bot[aria-busy="true"] .answer').getByText(/P-glycoprotein pumps/).waitFor();
      await stop.click();
      const stopped = inWidget(reader, ".msg.bot").last();
      await expect.poll(() => stopped.locator(".error").textContent()).toBe("Stopped.");
      expect(await inWidget(reader, "button.send").isVisible()).toBe(true);
      expect(await stopped.locator("button.cite").count()).toBe(0);
      // Closing the stream stopped the generation too.
      await expect.poll(() => stub.closedByClient()).toBeGreaterThan(0);

      await stopped.locator("button.retry").click();
      const answer = await waitForAnswer(reader);
      expect(await answer.locator("button.cite").count()).toBeGreaterThan(0);
      // The stopped attempt was replaced, not kept beside the answer.
      expect(await inWidget(reader, ".msg.bot").count()).toBe(1);
      expect(await inWidget(reader, ".msg.user").count()).toBe(1);
    } finally {
      await reader.close();
      await llmReview.close().catch(() => {});
      await llmHost.close();
      await stub.close();
    }
  });

  it("fits a 375 px phone screen and follows a dark colour scheme", async () => {
    const phone = await browser.context.newPage();
    await phone.setViewportSize({ width: 375, height: 740 });
    await phone.emulateMedia({ colorScheme: "dark" });
    await phone.goto(host.url);
    await openLauncher(phone);
    const box = (await inWidget(phone, ".panel").boundingBox())!;
    expect(box.width).toBe(375);
    expect(box.height).toBe(740);
    await ask(phone, QUESTION);
    const answer = await waitForAnswer(phone);
    await answer.locator("button.cite").first().click();
    await inWidget(phone, ".sheet").waitFor({ state: "visible" });
    const overflow = await phone.evaluate(() => {
      const root = document.querySelector("review-chat")!.shadowRoot!;
      const sheet = root.querySelector(".sheet-body")!;
      const log = root.querySelector(".log")!;
      return { sheet: sheet.scrollWidth - sheet.clientWidth, log: log.scrollWidth - log.clientWidth, page: document.documentElement.scrollWidth };
    });
    expect(overflow).toEqual({ sheet: 0, log: 0, page: 375 });
    const background = await inWidget(phone, ".panel").evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).toBe("rgb(23, 24, 28)");
    await screenshot(phone, "widget-phone-375.png");
    await phone.close();
  });

  it("starts a new chat on request, even while an answer is streaming", async () => {
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: 3000, uploadThroughput: -1 });
    await ask(page, QUESTION);
    await inWidget(page, "button.stop").waitFor({ state: "visible" });
    await inWidget(page, "button.new-chat").click();
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await cdp.detach();
    await inWidget(page, "button.send").waitFor({ state: "visible" });
    // The interrupted answer does not reappear in the new conversation.
    expect(await inWidget(page, ".msg").count()).toBe(0);
    expect(await inWidget(page, ".starter").count()).toBeGreaterThan(0);
    await page.reload();
    await openLauncher(page);
    expect(await inWidget(page, ".msg").count()).toBe(0);
  });

  it("says so when the server cannot be reached, and retries once it is back", async () => {
    const { port } = review.server.address() as AddressInfo;
    await review.close();
    await ask(page, QUESTION);
    const failed = await waitForAnswer(page);
    expect(await failed.locator(".error").textContent()).toMatch(/Cannot reach the Review Chat server/);
    const status = () => page.evaluate(() => document.querySelector("review-chat")?.shadowRoot?.querySelector('[role="status"]')?.textContent);
    await expect.poll(status).toMatch(/Cannot reach/);

    review = await startReview(String(port));
    await failed.locator("button.retry").click();
    const answer = await waitForAnswer(page);
    expect(await answer.locator("button.cite").count()).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  });
});
