import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../config.ts";
import { assessQuality } from "../assess-quality.ts";
import type { ParsedDocument, ReferenceEntry } from "../../types.ts";
import { assignDocumentIds } from "../assign-document-ids.ts";
import { linkCrossReviewReferences } from "./link-cross-review.ts";
import { journalsMatch, sameBibliographicPaper, surnameOf } from "./paper-key.ts";
import { parseDocumentFile } from "../parse-document.ts";
import { parseReferenceEntry } from "./parse-reference-list.ts";

describe("paper identity", () => {
  it("finds the surname in every printed form", () => {
    expect(surnameOf("Aly S")).toBe("Aly");
    expect(surnameOf("Gomez Moreno HL")).toBe("Gomez Moreno");
    expect(surnameOf("S. Dallavalle")).toBe("Dallavalle");
    expect(surnameOf("S.-s. Wang")).toBe("Wang");
    expect(surnameOf("P. Ter Brugge")).toBe("Ter Brugge");
    expect(surnameOf("Chao Guan")).toBe("Guan");
  });

  it("matches abbreviated journal names, not different journals", () => {
    expect(journalsMatch("Drug Resist Update", "Drug Resist. Updates")).toBe(true);
    expect(journalsMatch("Int J Pharm", "Int. J. Pharm.")).toBe(true);
    expect(journalsMatch("Cancers (Basel)", "Cancers")).toBe(true);
    expect(journalsMatch("Nat Med", "Adv. Sci.")).toBe(false);
    expect(journalsMatch("Int J Pharm", "Int J Pharm Sci")).toBe(false);
  });

  it("needs author, year, journal and volume to agree", () => {
    const a = parseReferenceEntry(9, "Dallavalle S, Dobricic V. Improvement. *Drug Resist Update*. (2020) 50:100682.");
    const b = parseReferenceEntry(129, "S. Dallavalle and V. Dobričić, *Drug Resist. Updates*, 2020, **50**, 100682.");
    const otherVolume = parseReferenceEntry(1, "S. Dallavalle, *Drug Resist. Updates*, 2020, **51**, 100682.");
    const otherInitial = parseReferenceEntry(2, "T. Dallavalle, *Drug Resist. Updates*, 2020, **50**, 100682.");
    expect(sameBibliographicPaper(a, b)).toBe(true);
    expect(sameBibliographicPaper(a, otherVolume)).toBe(false);
    expect(sameBibliographicPaper(a, otherInitial)).toBe(false);
  });
});

function reviewWith(id: string, references: ReferenceEntry[]): ParsedDocument {
  return {
    meta: { id, file: `${id}.txt`, title: id, authors: [] },
    text: "",
    sections: [],
    references,
    missingReferenceNumbers: [],
    citationStats: { markers: 0, resolved: 0, resolvedRatio: null },
    quality: assessQuality({
      citationStyle: "none", referenceStyle: "numbered", references, missingReferenceNumbers: [],
      citationStats: { markers: 0, resolved: 0, resolvedRatio: null }, chunks: [], extractedChars: 0, keptChars: 0,
    }),
    chunks: [],
  };
}

describe("linkCrossReviewReferences", () => {
  it("links the same paper across the two real reviews, and not look-alikes", async () => {
    const corpus = path.join(PROJECT_ROOT, "corpus");
    const docs = await Promise.all([
      parseDocumentFile(path.join(corpus, "guan2024-nanomaterials-breast-cancer-drug-resistance.txt")),
      parseDocumentFile(path.join(corpus, "verma2024-mirna-nanotechnology-delivery-breast-cancer.txt")),
    ]);
    assignDocumentIds(docs);
    const links = linkCrossReviewReferences(docs);
    const dallavalle = links.find((link) => link.citedBy.some((m) => m.docId === "guan2024" && m.n === 9));
    expect(dallavalle?.citedBy).toEqual([
      { docId: "guan2024", n: 9 },
      { docId: "verma2024", n: 129 },
    ]);
    // The DOI of Guan's entry is the shared key, and both entries now carry it.
    expect(dallavalle?.paperKey).toBe("doi:10.1016/j.drug.2020.100682");
    expect(docs[1]!.references.find((r) => r.n === 129)!.paperKey).toBe(dallavalle!.paperKey);
    const jiang = links.find((link) => link.citedBy.some((m) => (m.docId === "guan2024" && m.n === 25) || (m.docId === "verma2024" && m.n === 155)));
    expect(jiang).toBeUndefined();
    for (const link of links) expect(new Set(link.citedBy.map((m) => m.docId)).size).toBeGreaterThanOrEqual(2);
  });

  it("links on DOI, and never two entries with different DOIs", () => {
    const shared = "Lee K, Park J. A study. *Nat Med*. (2021) 7:1–9. doi: 10.1000/SAME";
    const a = reviewWith("a2024", [parseReferenceEntry(1, shared), parseReferenceEntry(2, "Lee K. Other. *Nat Med*. (2021) 7:1–9. doi: 10.1000/one")]);
    const b = reviewWith("b2024", [parseReferenceEntry(5, shared.replace("SAME", "same")), parseReferenceEntry(6, "Lee K. Other. *Nat Med*. (2021) 7:1–9. doi: 10.1000/two")]);
    const links = linkCrossReviewReferences([a, b]);
    expect(links).toEqual([{ paperKey: "doi:10.1000/same", citedBy: [{ docId: "a2024", n: 1 }, { docId: "b2024", n: 5 }] }]);
  });

  it("does not link papers cited twice by one review only", () => {
    const entry = "Lee K. A study. *Nat Med*. (2021) 7:1–9. doi: 10.1000/x";
    expect(linkCrossReviewReferences([reviewWith("a2024", [parseReferenceEntry(1, entry), parseReferenceEntry(2, entry)])])).toEqual([]);
  });
});
