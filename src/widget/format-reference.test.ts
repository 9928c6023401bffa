import { describe, expect, it } from "vitest";
import type { AnswerReference, AnswerSource } from "../answer/answer-payload.ts";
import { authorList, describeReference, formatCitation, referenceTag, referenceUrl } from "./format-reference.ts";

const boratto: AnswerReference = {
  docId: "guan2024",
  n: 48,
  label: null,
  text: "Boratto FA, Franco MS, Barros ALB, Cassali GD, Malachias A, Ferreira LAM, et al. Alpha-tocopheryl succinate improves encapsulation … Biomed Pharmacother. (2023) 165:115034. doi: 10.1016/j.biopha.2023.115034",
  authors: ["Boratto FA", "Franco MS", "Barros ALB", "Cassali GD"],
  title: "Alpha-tocopheryl succinate improves encapsulation",
  journal: "Biomed Pharmacother",
  year: 2023,
  doi: "10.1016/j.biopha.2023.115034",
  url: "https://doi.org/10.1016/j.biopha.2023.115034",
};

const kumar: AnswerReference = {
  docId: "verma2024",
  n: 109,
  label: null,
  text: "D. N. Kumar, A. Chaudhari, Cancers, 2022, 14, 1435.",
  authors: ["D. N. Kumar", "A. Chaudhari"],
  title: null,
  journal: null,
  year: 2022,
  doi: null,
  url: "javascript:alert(1)",
};

describe("reference formatting", () => {
  it("shortens long author lists and builds 'Authors. Title. Journal (Year).'", () => {
    expect(authorList(boratto.authors)).toBe("Boratto FA, Franco MS, Barros ALB, et al.");
    expect(describeReference(boratto)).toBe(
      "Boratto FA, Franco MS, Barros ALB, et al. Alpha-tocopheryl succinate improves encapsulation. Biomed Pharmacother (2023).",
    );
  });

  it("falls back to the entry as printed when the review gives no title or journal", () => {
    expect(describeReference(kumar)).toBe(kumar.text);
  });

  it("links DOIs, never a javascript: URL", () => {
    expect(referenceUrl(boratto)).toBe("https://doi.org/10.1016/j.biopha.2023.115034");
    expect(referenceUrl(kumar)).toBeUndefined();
  });

  it("formats a citation with the quote, the review, the viewer link and the references", () => {
    const source = { n: 1, id: "guan2024:0042", docId: "guan2024", docTitle: "Nanomaterials", section: "3.2 Liposomes" } as AnswerSource;
    const text = formatCitation({ source, quote: "Liposomes\n release drugs.", viewerUrl: "http://x/docs/guan2024#chunk-guan2024:0042", references: [boratto] });
    expect(text.split("\n")).toEqual([
      "“Liposomes release drugs.”",
      "— Nanomaterials, section “3.2 Liposomes”. http://x/docs/guan2024#chunk-guan2024:0042",
      `[48] ${describeReference(boratto)} https://doi.org/10.1016/j.biopha.2023.115034`,
    ]);
  });

  it("tags a reference the way its review cites it", () => {
    expect(referenceTag(boratto)).toBe("[48]");
    const willett = { ...boratto, docId: "tai2024", n: 141, label: "Willett et al., 2021" };
    expect(referenceTag(willett)).toBe("(Willett et al., 2021)");
    const source = { n: 1, id: "tai2024:0003", docId: "tai2024", docTitle: "BCI paradigms", section: "" } as AnswerSource;
    const text = formatCitation({ source, quote: "Handwriting was decoded.", viewerUrl: "http://x/docs/tai2024", references: [willett] });
    expect(text.split("\n")[2]).toBe(`(Willett et al., 2021) ${describeReference(willett)} https://doi.org/10.1016/j.biopha.2023.115034`);
  });
});
