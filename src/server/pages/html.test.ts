import { describe, expect, it } from "vitest";
import { SafeHtml, escapeHtml, html } from "./html.ts";

describe("html``", () => {
  it("escapes every interpolated value, in text and in attributes", () => {
    const title = `<img src=x onerror="alert(1)"> & 'quotes'`;
    expect(html`<p title="${title}">${title}</p>`.value).toBe(
      "<p title=\"&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;quotes&#39;\">&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;quotes&#39;</p>",
    );
  });

  it("nests html`` results and arrays raw, and drops null, undefined and false", () => {
    const items = ["a<b", "c"].map((s) => html`<li>${s}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${0}`.value).toBe("<ul><li>a&lt;b</li><li>c</li></ul>0");
    expect(html`${new SafeHtml("<b>")}`.value).toBe("<b>");
  });

  it("escapeHtml covers the five special characters", () => {
    expect(escapeHtml(`&<>"'`)).toBe("&amp;&lt;&gt;&quot;&#39;");
  });
});
