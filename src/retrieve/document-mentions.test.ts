import { describe, expect, it } from "vitest";
import { mentionedDocuments } from "./document-mentions.ts";

const documents = [
  {
    id: "guan2024",
    title: "Nanomaterials: breaking the bottleneck of breast cancer drug resistance",
    journal: "Front. Immunol.",
    authors: ["Chao Guan", "Yahao Han"],
  },
  {
    id: "verma2024",
    title: "Targeting drug resistance in breast cancer: the potential of miRNA and nanotechnology-driven delivery systems",
    journal: "Nanoscale Adv.",
    authors: ["Aditi Verma", "Krunal Patel"],
  },
];

describe("mentionedDocuments", () => {
  it("recognises a review named by topic, author or journal", () => {
    expect(mentionedDocuments("What does the nanomaterials review say about toxicity?", documents)).toEqual(["guan2024"]);
    expect(mentionedDocuments("What are refs 21–23 of the miRNA paper?", documents)).toEqual(["verma2024"]);
    expect(mentionedDocuments("What is reference 100 in the Verma paper?", documents)).toEqual(["verma2024"]);
    expect(mentionedDocuments("the first reference of the Frontiers in Immunology paper", documents)).toEqual(["guan2024"]);
    expect(mentionedDocuments("Which references back it in the Nanoscale Advances review?", documents)).toEqual(["verma2024"]);
  });

  it("names nothing when the words fit every document or none", () => {
    expect(mentionedDocuments("What does the breast cancer review say?", documents)).toEqual([]);
    expect(mentionedDocuments("Which paper reported this first?", documents)).toEqual([]);
    expect(mentionedDocuments("How does miR-21 cause resistance?", documents)).toEqual([]);
  });

  it("needs at least two documents to tell apart", () => {
    expect(mentionedDocuments("the nanomaterials review", documents.slice(0, 1))).toEqual([]);
  });
});
