// A hostile review in the corpus: its title, passages and reference entries carry <img onerror>,
// <script> and javascript: links. Ingested for real into a temporary index; the answers quoting it,
// the citation panel and the source viewer must show all of it as inert text.
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config.ts";
import type { RunningServer } from "../../src/server/start-server.ts";
import { type Chromium, launchChromium } from "./support/chromium.ts";
import { type HostSite, blogPage, startHostSite } from "./support/host-site.ts";
import { startReviewServer } from "./support/review-server.ts";
import { ask, inWidget, openLauncher, waitForAnswer } from "./support/widget.ts";

const HOSTILE_FILE = path.join(PROJECT_ROOT, "test", "e2e", "fixtures", "hostile-review.md");
const HOSTILE_ID = "mallory2023";

let tmp: string;
let browser: Chromium;
let host: HostSite;
let review: RunningServer;
let page: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "review-chat-xss-"));
  const corpusDir = path.join(tmp, "corpus");
  const indexDir = path.join(tmp, "index");
  await fs.mkdir(corpusDir);
  for (const file of await fs.readdir(path.join(PROJECT_ROOT, "corpus"))) {
    await fs.copyFile(path.join(PROJECT_ROOT, "corpus", file), path.join(corpusDir, file));
  }
  await fs.copyFile(HOSTILE_FILE, path.join(corpusDir, "hostile-review.md"));
  // Reuse the real index's embedding cache: only the hostile review's passages need embedding.
  const cache = path.join(PROJECT_ROOT, "index", "cache");
  if (existsSync(cache)) await fs.cp(cache, path.join(indexDir, "cache"), { recursive: true });

  host = await startHostSite(() => blogPage(`${review.url}/widget.js`, { docs: HOSTILE_ID }));
  review = await startReviewServer({ WIDGET_ORIGINS: host.origin, CORPUS_DIR: corpusDir, INDEX_DIR: indexDir });
  browser = await launchChromium();
  page = await newWatchedPage();
});

afterAll(async () => {
  await browser?.close();
  await review?.close();
  await host?.close();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

async function newWatchedPage(): Promise<Page> {
  const p = await browser.context.newPage();
  p.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return p;
}

/** Everything that would show an injection worked, over the page and the widget's shadow root. */
function injectionTraces(p: Page) {
  return p.evaluate(() => {
    const roots: (Document | ShadowRoot)[] = [document];
    const shadow = document.querySelector("review-chat")?.shadowRoot;
    if (shadow) roots.push(shadow);
    const all = (selector: string) => roots.flatMap((root) => [...root.querySelectorAll(selector)]);
    return {
      xss: (window as unknown as { __xss?: unknown }).__xss ?? null,
      images: all("img").length,
      scripts: all("script").filter((s) => !(s as HTMLScriptElement).src).length,
      unsafeLinks: all("a[href]")
        .map((a) => (a as HTMLAnchorElement).href)
        .filter((href) => !/^https?:/.test(href)),
      handlers: all("*").filter((el) => [...el.attributes].some((attr) => attr.name.startsWith("on"))).length,
    };
  });
}

const CLEAN = { xss: null, images: 0, scripts: 0, unsafeLinks: [], handlers: 0 };

describe("hostile corpus text", () => {
  it("was ingested as a document of its own", async () => {
    const response = await fetch(`${review.url}/api/documents/${HOSTILE_ID}`);
    expect(response.status).toBe(200);
  });

  it("renders as inert text in an answer quoting it", async () => {
    await page.goto(host.url);
    await openLauncher(page);
    await ask(page, "What did liposomal cardioprotection do in the zebrafish xenograft model?");
    const answer = await waitForAnswer(page);
    const text = (await answer.locator(".answer").textContent()) ?? "";
    expect(text).toContain('<img src=x onerror="window.__xss=3">');
    expect(await answer.locator("button.cite").count()).toBeGreaterThan(0);
    expect(await injectionTraces(page)).toEqual(CLEAN);
  });

  it("renders javascript: links in an answer and in reference entries as text, never as links", async () => {
    await ask(page, "Where was the zebrafish protocol published by its authors?");
    const answer = await waitForAnswer(page);
    expect(await answer.locator(".answer").textContent()).toContain("javascript:window.__xss=5");
    // The references list under the answer prints the hostile entry as text.
    expect(await answer.locator(".refs").textContent()).toContain("javascript:window.__xss=8");
    expect(await injectionTraces(page)).toEqual(CLEAN);
  });

  it("renders as inert text in the citation panel", async () => {
    const answer = inWidget(page, ".msg.bot").first();
    await answer.locator("button.cite").first().click();
    const sheet = inWidget(page, ".sheet");
    await sheet.waitFor({ state: "visible" });
    expect(await sheet.locator(".doc-title").textContent()).toBe('Liposomal cardioprotection payloads <img src=x onerror="window.__xss=1">');
    expect(await sheet.locator(".passage").textContent()).toContain("<script>window.__xss=6</script>");
    expect(await sheet.locator(".ref-list").textContent()).toContain('<img src=x onerror="window.__xss=7">');
    expect(await injectionTraces(page)).toEqual(CLEAN);
  });

  it("renders as inert text in the source viewer", async () => {
    const href = (await inWidget(page, ".sheet .viewer-link").getAttribute("href"))!;
    const viewer = await newWatchedPage();
    await viewer.goto(href);
    expect(await viewer.title()).toContain('<img src=x onerror="window.__xss=1">');
    expect(await viewer.locator("h1").textContent()).toBe('Liposomal cardioprotection payloads <img src=x onerror="window.__xss=1">');
    const body = (await viewer.locator(".doc-text").textContent()) ?? "";
    expect(body).toContain('<img src=x onerror="window.__xss=3">');
    expect(body).toContain("javascript:window.__xss=5");
    expect(body).toContain("<script>window.__xss=6</script>");
    expect(body).toContain("javascript:window.__xss=8");
    expect(await viewer.evaluate(() => document.querySelector(":target")?.id)).toBe(decodeURIComponent(new URL(href).hash.slice(1)));
    expect(await injectionTraces(viewer)).toEqual(CLEAN);
    await viewer.goto(`${review.url}/`);
    expect(await viewer.locator("#documents + ol").textContent()).toContain("<img src=x");
    expect(await injectionTraces(viewer)).toEqual(CLEAN);
    await viewer.close();
  });

  it("fired no dialog anywhere", () => {
    expect(dialogs).toEqual([]);
  });
});
