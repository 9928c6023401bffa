import { describe, expect, it } from "vitest";
import { withoutReviewMarkers } from "./review-markers.ts";

describe("withoutReviewMarkers", () => {
  it("removes superscript and TeX markers that resolve to the sentence's references", () => {
    expect(withoutReviewMarkers("This establishes a link with stem cell-like properties in cancer cells.³²", [32])).toBe(
      "This establishes a link with stem cell-like properties in cancer cells.",
    );
    expect(withoutReviewMarkers("Joshi et al.¹⁴² investigated tamoxifen-resistant cells.", [142])).toBe(
      "Joshi et al. investigated tamoxifen-resistant cells.",
    );
    expect(withoutReviewMarkers("CDK4/6 inhibition shows early adaptation.^{6,7}", [6, 7])).toBe("CDK4/6 inhibition shows early adaptation.");
    expect(withoutReviewMarkers("miR-27b-3p targets PPARG.¹⁷⁻¹⁹", [17, 18, 19])).toBe("miR-27b-3p targets PPARG.");
  });

  it("removes parenthetical markers with the space before them", () => {
    expect(withoutReviewMarkers("These challenges can lead to tumor resistance (8).", [8])).toBe("These challenges can lead to tumor resistance.");
    expect(withoutReviewMarkers("Its lack of selectivity presents challenges (5–7).", [5, 6, 7])).toBe("Its lack of selectivity presents challenges.");
    expect(withoutReviewMarkers("Nanomaterials dampen proliferation (68), metastasis, and invasion (69).", [68, 69])).toBe(
      "Nanomaterials dampen proliferation, metastasis, and invasion.",
    );
  });

  it("removes author–year groups but keeps narrative cites, which are part of the sentence", () => {
    expect(withoutReviewMarkers("Speech can be decoded in real time (Willett et al., 2023; Metzger et al., 2023).", [142, 95])).toBe(
      "Speech can be decoded in real time.",
    );
    expect(withoutReviewMarkers("Willett et al. (2021) decoded handwriting.", [141])).toBe("Willett et al. (2021) decoded handwriting.");
    expect(withoutReviewMarkers("A resolution of [2–5 µm (Cetin and Temurtas, 2021)] was reached.", [20])).toBe("A resolution of [2–5 µm] was reached.");
  });

  it("keeps what is not one of the sentence's citations", () => {
    expect(withoutReviewMarkers("The factors include (1) inherited genetic alterations.", [4])).toBe(
      "The factors include (1) inherited genetic alterations.",
    );
    expect(withoutReviewMarkers("Fe₃O₄ nanoparticles were tested in mice (n = 5).", [57])).toBe("Fe₃O₄ nanoparticles were tested in mice (n = 5).");
    expect(withoutReviewMarkers("According to the American Cancer Society (1), there were 300,590 cases in 2023.", [])).toBe(
      "According to the American Cancer Society (1), there were 300,590 cases in 2023.",
    );
  });
});
