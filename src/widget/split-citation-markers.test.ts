import { describe, expect, it } from "vitest";
import { splitCitationMarkers } from "./split-citation-markers.ts";

describe("splitCitationMarkers", () => {
  it("pairs each marker with the sentence it closes, as extractive answers print them", () => {
    const parts = splitCitationMarkers("Liposomes deliver doxorubicin [1]. P-gp pumps drugs out of cells [2].");
    expect(parts).toEqual([
      { kind: "text", text: "Liposomes deliver doxorubicin " },
      { kind: "cite", text: "[1]", numbers: [1], claim: "Liposomes deliver doxorubicin" },
      { kind: "text", text: ". P-gp pumps drugs out of cells " },
      { kind: "cite", text: "[2]", numbers: [2], claim: "P-gp pumps drugs out of cells" },
      { kind: "text", text: "." },
    ]);
  });

  it("expands lists and ranges, and lets back-to-back markers share their claim", () => {
    const parts = splitCitationMarkers("A claim [1, 3–4][2].");
    const cites = parts.filter((p) => p.kind === "cite");
    expect(cites.map((c) => c.numbers)).toEqual([[1, 3, 4], [2]]);
    expect(cites.map((c) => c.claim)).toEqual(["A claim", "A claim"]);
  });

  it("leaves markers that point at no source, absurd ranges and non-markers as text", () => {
    const parts = splitCitationMarkers("See [9] and [1-500] and [a] and [0].", (n) => n <= 3);
    expect(parts).toEqual([{ kind: "text", text: "See [9] and [1-500] and [a] and [0]." }]);
  });

  it("keeps hostile markup as plain text parts", () => {
    const parts = splitCitationMarkers('<img src=x onerror="alert(1)"> [1]');
    expect(parts[0]).toEqual({ kind: "text", text: '<img src=x onerror="alert(1)"> ' });
    expect(parts[1]).toMatchObject({ kind: "cite", claim: '<img src=x onerror="alert(1)">' });
  });
});
