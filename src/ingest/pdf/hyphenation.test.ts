import { describe, expect, it } from "vitest";
import { lineJoinerFor } from "./hyphenation.ts";

describe("lineJoinerFor", () => {
  const lines = [
    "Organelle-specific signals differ from cytosolic ones, and age-",
    "associated decline is slow; the organelle-",
    "specific pathway was described for ageassociated disease once.",
    "The treat-",
    "ment worked, and anti-",
    "tumor drugs were given.",
  ];
  const join = lineJoinerFor(lines);

  it("keeps a hyphen the document prints within a line", () => {
    expect(join(["the organelle-", "specific pathway"])).toBe("the organelle-specific pathway");
  });

  it("drops a hyphen when the document spells the word closed up", () => {
    expect(join(["from cytosolic ones, and age-", "associated decline"])).toBe("from cytosolic ones, and ageassociated decline");
  });

  it("falls back to the general rule for words the document does not repeat", () => {
    expect(join(["The treat-", "ment worked, and anti-", "tumor drugs"])).toBe("The treatment worked, and anti-tumor drugs");
  });

  it("joins a long paragraph line by line with the same result as joining its halves", () => {
    const paragraph = Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? "the treat-" : i % 3 === 1 ? "ment of organelle-" : "specific cells"));
    const whole = join(paragraph);
    expect(whole.startsWith("the treatment of organelle-specific cells the treatment")).toBe(true);
    expect(whole).toBe(`${join(paragraph.slice(0, 1500))} ${join(paragraph.slice(1500))}`);
    expect(whole.split(" ").length).toBe(5000);
  });
});
