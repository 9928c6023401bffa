import { describe, expect, it } from "vitest";
import { buildWidgetBundle } from "./build-widget-bundle.ts";

/** The budget for widget.js. */
const BUDGET_GZIP_BYTES = 30 * 1024;

describe("buildWidgetBundle", () => {
  it("bundles the widget into one script within the 30 KB gzipped budget", async () => {
    const bundle = await buildWidgetBundle();
    expect(bundle.gzipBytes).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
    expect(bundle.bytes).toBe(Buffer.byteLength(bundle.code));
    expect(bundle.etag).toMatch(/^"[\w-]{27}"$/);
    // One self-contained classic script: no imports left, defines the element.
    expect(bundle.code).not.toMatch(/\bimport\s*[({"']|\bexport\s*[{*]/);
    expect(bundle.code).toContain('"review-chat"');
  });

  it("contains no way to turn strings into markup or code", async () => {
    const { code } = await buildWidgetBundle();
    for (const sink of ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "createContextualFragment", "eval(", "new Function"]) {
      expect(code, sink).not.toContain(sink);
    }
  });

  it("is deterministic, so the ETag only changes when the widget does", async () => {
    const [a, b] = await Promise.all([buildWidgetBundle(), buildWidgetBundle()]);
    expect(a.etag).toBe(b.etag);
  });
});
