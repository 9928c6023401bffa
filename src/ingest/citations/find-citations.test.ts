import { describe, expect, it } from "vitest";
import type { ReferenceEntry } from "../../types.ts";
import { createCitationFinder, isAuthorYearList } from "./find-citations.ts";

const numbered: ReferenceEntry[] = Array.from({ length: 20 }, (_, i) => ({ n: i + 1, text: `Author ${i + 1}. Title. J (2020).`, authors: [], paperKey: `${i}` }));
const authorYear: ReferenceEntry[] = [
  { n: 1, text: "Lee, J., and Park, K. (2019). Title. J.", authors: ["Lee, J.", "Park, K."], year: 2019, label: "Lee and Park, 2019", paperKey: "a" },
  { n: 2, text: "Smith, A., Jones, B., and Wu, C. (2020). Title. J.", authors: ["Smith, A.", "Jones, B.", "Wu, C."], year: 2020, label: "Smith et al., 2020", paperKey: "b" },
];

describe("createCitationFinder", () => {
  it("reads a bracket paper that enumerates in parentheses", () => {
    const prose = "Pores form in three steps: (1) cleavage [3], (2) binding [4, 5] and (3) oligomerization [6–8].";
    const finder = createCitationFinder(prose, numbered);
    expect(finder.style).toBe("bracket");
    expect(finder.find(prose).map((c) => c.refs)).toEqual([[3], [4, 5], [6, 7, 8]]);
  });

  it("reads a superscript paper", () => {
    const prose = "Charged tRNAs.¹,² Domains evolved.³⁻⁵ With 10⁶ copies per cell.";
    const finder = createCitationFinder(prose, numbered);
    expect(finder.style).toBe("superscript");
    expect(finder.find(prose).map((c) => c.refs)).toEqual([[1, 2], [3, 4, 5]]);
  });

  it("reads an author–year paper, counting unresolved works honestly", () => {
    const prose = "As shown (Smith et al., 2020; Lee and Park, 2019), and Lee and Park (2019) agree (Unknown, 2001). In 2020, the FDA (1) acted.";
    const finder = createCitationFinder(prose, authorYear);
    expect(finder.style).toBe("author-year");
    const found = finder.find(prose);
    expect(found.map((c) => c.refs)).toEqual([[1, 2], [1], []]);
    expect(found.map((c) => [c.cited, c.resolved])).toEqual([[2, 2], [1, 1], [1, 0]]);
  });

  it("reads author–year table cells", () => {
    expect(createCitationFinder("(Smith et al., 2020)", authorYear).cell("Smith et al., 2020")?.refs).toEqual([2]);
  });

  it("finds markers but resolves none when there is no list", () => {
    const prose = "Shown before [3]. And again [4, 5].";
    const finder = createCitationFinder(prose, []);
    expect(finder.style).toBe("bracket");
    expect(finder.find(prose).map((c) => [c.cited, c.resolved])).toEqual([[1, 0], [2, 0]]);
  });

  it("says none when nothing cites", () => {
    expect(createCitationFinder("Plain prose from 2020 with (n = 5) mice.", numbered).style).toBe("none");
  });
});

describe("isAuthorYearList", () => {
  it("is true when the entries carry author–year labels", () => {
    expect(isAuthorYearList(authorYear)).toBe(true);
    expect(isAuthorYearList(numbered)).toBe(false);
    expect(isAuthorYearList([])).toBe(false);
  });
});
