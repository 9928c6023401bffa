import { describe, expect, it } from "vitest";
import { answerParagraphs } from "./answer-paragraphs.ts";

describe("answerParagraphs", () => {
  it("keeps a one-line answer as one unlabelled paragraph", () => {
    expect(answerParagraphs("Gold nanorods convert light into heat [1].")).toEqual([{ text: "Gold nanorods convert light into heat [1]." }]);
  });

  it("gives each review's part its own paragraph, its label apart, and the closing note unlabelled", () => {
    const answer = [
      "Smith et al. (J. Nanomed. 2023): Catalase nanoshells relieve tumour hypoxia [2].",
      "Jones and Patel (2022): Hypoxic tumours shed more exosomes [4].",
      "Only Smith et al. (J. Nanomed. 2023) covers this; Lee (2021) does not discuss it.",
    ].join("\n");
    expect(answerParagraphs(answer)).toEqual([
      { label: "Smith et al. (J. Nanomed. 2023)", text: "Catalase nanoshells relieve tumour hypoxia [2]." },
      { label: "Jones and Patel (2022)", text: "Hypoxic tumours shed more exosomes [4]." },
      { text: "Only Smith et al. (J. Nanomed. 2023) covers this; Lee (2021) does not discuss it." },
    ]);
  });

  it("drops blank lines and does not take a sentence's own colon for a label", () => {
    expect(answerParagraphs("Two effects were seen: heating and leakier vessels [1].\n\n\nBoth matter (2019 data) [2].")).toEqual([
      { text: "Two effects were seen: heating and leakier vessels [1]." },
      { text: "Both matter (2019 data) [2]." },
    ]);
  });
});
