import { describe, expect, it } from "vitest";
import { splitSentences } from "./split-sentences.ts";

const split = (text: string) => splitSentences(text).map(({ start, end }) => text.slice(start, end));

describe("splitSentences", () => {
  it("splits at full stops followed by a capital, digit or bracket", () => {
    expect(split("First one (9). (2) Second one. Third one! 4T1 cells grew.")).toEqual([
      "First one (9).",
      "(2) Second one.",
      "Third one!",
      "4T1 cells grew.",
    ]);
  });

  it("does not split after abbreviations, initials or inside decimals", () => {
    expect(split("Granja et al. developed SLNs. Studies by Fazi et al. and Saito et al. agree.")).toEqual([
      "Granja et al. developed SLNs.",
      "Studies by Fazi et al. and Saito et al. agree.",
    ]);
    expect(split("Taxanes (e.g., paclitaxel) and i.e. docetaxel vs. others. Next.")).toHaveLength(2);
    expect(split("As in Fig. 1 and Figs. 2. Next one.")).toEqual(["As in Fig. 1 and Figs. 2.", "Next one."]);
    expect(split("The U.S. Food and Drug Administration approved it. Discovered in C. elegans in 1993.")).toHaveLength(2);
    expect(split("A response rate of 62.0% at pH 4.5 was seen. Next.")).toEqual(["A response rate of 62.0% at pH 4.5 was seen.", "Next."]);
  });

  it("keeps a superscript citation after the full stop with its sentence", () => {
    expect(split("in the U.S. alone in 2024.¹ Breast cancer is common.² Done.^{6,7} End")).toEqual([
      "in the U.S. alone in 2024.¹",
      "Breast cancer is common.²",
      "Done.^{6,7}",
      "End",
    ]);
    expect(split("as shown (Table 3).¹⁵¹ Next")).toEqual(["as shown (Table 3).¹⁵¹", "Next"]);
    expect(split("Done.<sup>6,7</sup> Next one.^8^ Last")).toEqual(["Done.<sup>6,7</sup>", "Next one.^8^", "Last"]);
    expect(split("(coined LiCre).³⁴The mutation was made.")).toEqual(["(coined LiCre).³⁴", "The mutation was made."]);
    expect(split("controlled enzymatic activity. ⁷ Next one.")).toEqual(["controlled enzymatic activity. ⁷", "Next one."]);
    expect(split("It rose. ¹⁸F uptake fell.")).toEqual(["It rose.", "¹⁸F uptake fell."]);
  });

  it("starts sentences with lowercase gene and RNA names", () => {
    expect(split("It is regulated.⁴⁸ miRs play a role. mRNA levels fall. p53 rises. and then nothing")).toEqual([
      "It is regulated.⁴⁸",
      "miRs play a role.",
      "mRNA levels fall.",
      "p53 rises. and then nothing",
    ]);
  });

  it("returns trimmed offsets", () => {
    const text = "  One.   Two.  ";
    expect(splitSentences(text)).toEqual([
      { start: 2, end: 6 },
      { start: 9, end: 13 },
    ]);
  });
});
