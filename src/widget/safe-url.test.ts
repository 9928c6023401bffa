import { describe, expect, it } from "vitest";
import { doiUrl, safeHttpUrl } from "./safe-url.ts";

describe("safeHttpUrl", () => {
  it("passes absolute http(s) URLs only", () => {
    expect(safeHttpUrl("https://doi.org/10.1/x")).toBe("https://doi.org/10.1/x");
    expect(safeHttpUrl("http://example.org")).toBe("http://example.org/");
    for (const bad of ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,<script>", "vbscript:x", "/relative", "", null, undefined]) {
      expect(safeHttpUrl(bad)).toBeUndefined();
    }
  });
});

describe("doiUrl", () => {
  it("builds resolver links for DOIs and rejects anything else", () => {
    expect(doiUrl("10.3389/fimmu.2024.1492546")).toBe("https://doi.org/10.3389/fimmu.2024.1492546");
    expect(doiUrl("10.1002/(SICI)1097-0142")).toBe("https://doi.org/10.1002/(SICI)1097-0142");
    expect(doiUrl('10.1000/x"><script>')).toBe("https://doi.org/10.1000/x%22%3E%3Cscript%3E");
    expect(doiUrl("javascript:alert(1)")).toBeUndefined();
    expect(doiUrl(null)).toBeUndefined();
  });
});
