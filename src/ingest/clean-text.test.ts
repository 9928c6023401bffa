import { describe, expect, it } from "vitest";
import { cleanInline, endsSentence, joinLines, normalizeRawText, texMathToUnicode } from "./clean-text.ts";

describe("texMathToUnicode", () => {
  it("renders Greek letters, text and sub/superscripts", () => {
    expect(texMathToUnicode("\\gamma\\text{-Al}_2\\text{O}_3")).toBe("γ-Al₂O₃");
    expect(texMathToUnicode("^{18}")).toBe("¹⁸");
    expect(texMathToUnicode("Ca^{2+}")).toBe("Ca²⁺");
    expect(texMathToUnicode("74 \\pm 2")).toBe("74 ± 2");
  });
});

describe("cleanInline", () => {
  it("turns inline TeX math into Unicode", () => {
    expect(cleanInline("chitosan and alumina ($\\gamma\\text{-Al}_2\\text{O}_3$) along")).toBe("chitosan and alumina (γ-Al₂O₃) along");
  });

  it("removes markdown emphasis, links and escapes but not lone asterisks", () => {
    expect(cleanInline("kill tumor cells *in vivo* (16) and *e.g.*, **50**")).toBe("kill tumor cells in vivo (16) and e.g., 50");
    expect(cleanInline("[Creative Commons Attribution License \\(CC BY\\)](#). The")).toBe("Creative Commons Attribution License (CC BY). The");
    expect(cleanInline("Ashutosh Kumar *")).toBe("Ashutosh Kumar *");
    expect(cleanInline("Wanwei Dong^{2*}, Di Zhang^{4*}")).toBe("Wanwei Dong^{2*}, Di Zhang^{4*}");
  });

  it("re-attaches Greek letters split off by the PDF and keeps units", () => {
    expect(cleanInline("halting the NF- κ B pathway")).toBe("halting the NF-κB pathway");
    expect(cleanInline("bind with I κ B-")).toBe("bind with IκB-");
    expect(cleanInline("TGF- β signaling and TGF- β -SMAD")).toBe("TGF-β signaling and TGF-β-SMAD");
    expect(cleanInline("D- α -tocopherol and 17 β -estradiol")).toBe("D-α-tocopherol and 17β-estradiol");
    expect(cleanInline("a diameter of 1.5 μ m")).toBe("a diameter of 1.5 μm");
    expect(cleanInline("IL-1 β and iNOS; TNF α expression")).toBe("IL-1 β and iNOS; TNF α expression");
    expect(cleanInline("Fe₃O₄ and MoS₂ at 37 °C")).toBe("Fe₃O₄ and MoS₂ at 37 °C");
  });
});

describe("normalizeRawText", () => {
  it("normalises line ends, odd spaces and invisible characters", () => {
    expect(normalizeRawText("\uFEFFa\r\nb\u00a0c\u200bd\u00ade")).toBe("a\nb cde");
  });
});

describe("joinLines", () => {
  it("undoes end-of-line hyphenation but keeps real hyphens", () => {
    expect(joinLines(["the treat-", "ment of cancer"])).toBe("the treatment of cancer");
    expect(joinLines(["a non-", "invasive and anti-", "cancer drug"])).toBe("a non-invasive and anti-cancer drug");
    expect(joinLines(["HER2-", "positive"])).toBe("HER2-positive");
    expect(joinLines(["one line", "", "and the next"])).toBe("one line and the next");
  });
});

describe("endsSentence", () => {
  it("sees the end of a sentence through trailing citation markers", () => {
    expect(endsSentence("resistance (8).")).toBe(true);
    expect(endsSentence("in 2024.¹")).toBe(true);
    expect(endsSentence("drug resistance.^{44,45}")).toBe(true);
    expect(endsSentence("presents significant")).toBe(false);
    expect(endsSentence("reducing NF-κB activity,")).toBe(false);
    expect(endsSentence("HSPB1 could bind with IκB-")).toBe(false);
  });
});
