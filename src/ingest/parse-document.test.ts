// Acceptance tests of issue 2 that concern parsing, on the real corpus files.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../config.ts";
import type { ParsedDocument, Sentence } from "../types.ts";
import { parseDocumentFile } from "./parse-document.ts";

const CORPUS = path.join(PROJECT_ROOT, "corpus");
const GUAN = path.join(CORPUS, "guan2024-nanomaterials-breast-cancer-drug-resistance.txt");
const VERMA = path.join(CORPUS, "verma2024-mirna-nanotechnology-delivery-breast-cancer.txt");

let guan: ParsedDocument;
let verma: ParsedDocument;

beforeAll(async () => {
  [guan, verma] = await Promise.all([parseDocumentFile(GUAN), parseDocumentFile(VERMA)]);
});

const sentences = (doc: ParsedDocument): Sentence[] => doc.chunks.flatMap((chunk) => chunk.sentences);
const sentenceWith = (doc: ParsedDocument, needle: string): Sentence => {
  const found = sentences(doc).filter((sentence) => sentence.text.includes(needle));
  expect(found, `one sentence containing "${needle}"`).toHaveLength(1);
  return found[0]!;
};
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe("metadata", () => {
  it("reads Guan's Frontiers front matter", () => {
    expect(guan.meta).toMatchObject({
      id: "guan2024",
      file: "guan2024-nanomaterials-breast-cancer-drug-resistance.txt",
      title: "Nanomaterials: breaking the bottleneck of breast cancer drug resistance",
      journal: "Front. Immunol.",
      year: 2024,
      volume: "15",
      doi: "10.3389/fimmu.2024.1492546",
      url: "https://doi.org/10.3389/fimmu.2024.1492546",
    });
    expect(guan.meta.authors).toEqual([
      "Chao Guan", "Yahao Han", "Zhenzheng Ling", "Xiang Meng", "Baolin Zhang", "Wanwei Dong", "Di Zhang", "Keyan Chen",
    ]);
  });

  it("reads Verma's RSC front matter", () => {
    expect(verma.meta).toMatchObject({
      id: "verma2024",
      title: "Targeting drug resistance in breast cancer: the potential of miRNA and nanotechnology-driven delivery systems",
      authors: ["Aditi Verma", "Krunal Patel", "Ashutosh Kumar"],
      journal: "Nanoscale Adv.",
      year: 2024,
      volume: "6",
      doi: "10.1039/d4na00660g",
    });
  });
});

describe("reference lists", () => {
  it("guan2024 lists entries 1 and 3–104, reports 2 missing, never renumbers", () => {
    expect(guan.references.map((r) => r.n)).toEqual([1, ...range(3, 104)]);
    expect(guan.missingReferenceNumbers).toEqual([2]);
    // Entry 3 is printed after the back matter that interrupts the list.
    expect(guan.references.find((r) => r.n === 3)?.authors[0]).toBe("Ibrahim A");
    // Entry 48 is broken over a blank line and rejoined.
    expect(guan.references.find((r) => r.n === 48)).toMatchObject({ journal: "BioMed Pharmacother", year: 2023, volume: "165" });
  });

  it("verma2024 lists entries 1–155", () => {
    expect(verma.references.map((r) => r.n)).toEqual(range(1, 155));
    expect(verma.missingReferenceNumbers).toEqual([]);
  });

  it("guan2024 ref 44 is Aly et al., 2023, Int J Pharm, with its DOI", () => {
    const ref = guan.references.find((r) => r.n === 44)!;
    expect(ref).toMatchObject({
      authors: ["Aly S", "El-Kamel AH", "Sheta E", "El-Habashy SE"],
      year: 2023,
      journal: "Int J Pharm",
      volume: "642",
      pages: "123163",
      doi: "10.1016/j.ijpharm.2023.123163",
      url: "https://doi.org/10.1016/j.ijpharm.2023.123163",
    });
    expect(ref.title).toMatch(/^Chondroitin\/lactoferrin-dual functionalized pterostilbene/);
  });

  it("DOIs are lowercase with a doi.org url", () => {
    const ref = guan.references.find((r) => r.n === 22)!;
    expect(ref.doi).toBe("10.1056/nejmoa2214131");
    for (const entry of guan.references) {
      if (entry.doi) expect(entry.url).toBe(`https://doi.org/${entry.doi}`);
      expect(entry.text).not.toMatch(/\*/);
    }
  });
});

describe("citations", () => {
  it("the passage citing Guan 44 is the CS/Lf/PTS-SLNs one", () => {
    const citing = guan.chunks.filter((chunk) => chunk.refs.includes(44));
    expect(citing.length).toBeGreaterThan(0);
    expect(citing.some((chunk) => chunk.text.includes("CS/Lf/PTS-SLNs"))).toBe(true);
    expect(sentenceWith(guan, "upregulating caspase-3 and BAX").refs).toEqual([44]);
  });

  it("Guan's polymeric-nanoparticles-advantages sentence cites 51 and 52", () => {
    expect(sentenceWith(guan, "biodegradability, improved encapsulation efficiency, biocompatibility").refs).toEqual([51, 52]);
  });

  it("Verma's lentiviral, CLDN1 and preclinical/clinical sentences cite 116, 117 and 140–141", () => {
    expect(sentenceWith(verma, "translocate across intact nuclear membranes").refs).toEqual([116]);
    expect(sentenceWith(verma, "silence CLDN1 expression").refs).toEqual([117]);
    expect(sentenceWith(verma, "decipher the role of different malignancies").refs).toEqual([140, 141]);
  });

  it("resolves ranges, lists and superscripts per sentence", () => {
    expect(sentenceWith(guan, "most commonly diagnosed cancer (1–3)").refs).toEqual([1, 3]); // 2 is not in the list
    expect(sentenceWith(guan, "(70–72)").refs).toEqual([70, 71, 72]);
    expect(sentenceWith(guan, "particle size at the tumor area").refs).toEqual([35, 92]);
    expect(sentenceWith(verma, "promoting TNBC metastasis").refs).toEqual([17, 18, 19]);
    expect(sentenceWith(verma, "post-transcriptional protein modification").refs).toEqual([74, 89, 90]);
    // A superscript after the full stop belongs to the sentence it ends.
    expect(sentenceWith(verma, "42 780 deaths in the U.S. alone in 2024.¹").refs).toEqual([1]);
  });

  it("takes no year, figure, table, enumeration, unit or website for a citation", () => {
    expect(sentenceWith(guan, "(3) Activation of bypass signals").refs).toEqual([]);
    expect(sentenceWith(guan, "(2) Enhanced DNA damage repair").refs).toEqual([10]);
    expect(sentenceWith(guan, "(74 ± 2) nm").refs).toEqual([]);
    expect(sentenceWith(guan, "(pH = 4.5)").refs).toEqual([]);
    expect(sentenceWith(guan, "activation of the apoptotic pathway in tumors (Figure 3)").refs).toEqual([]);
    expect(sentenceWith(guan, "sizes ranging from 2 to 10 nm").refs).toEqual([62, 63]);
    expect(sentenceWith(guan, "MUC1-C shRNA@Fe₃O₄MNPs, which can rapidly").refs).toEqual([]);
    expect(sentenceWith(verma, "(1) Luminal A").refs).toEqual([]);
    expect(sentenceWith(verma, "different mechanisms (Fig. 1)").refs).toEqual([]);
    expect(sentenceWith(verma, "in 1993.⁴⁷").refs).toEqual([47]); // the year is text, the superscript cites
    const fda = guan.chunks.find((chunk) => chunk.kind === "table" && chunk.text.startsWith("TABLE 3"))!;
    expect(fda.refs).toEqual([]);
  });

  it("resolves at least 95% of the body's markers in each review", () => {
    for (const doc of [guan, verma]) {
      const { markers, resolved, resolvedRatio } = doc.citationStats;
      expect(markers).toBeGreaterThan(100);
      expect(resolvedRatio).toBeCloseTo(resolved / markers);
      expect(resolvedRatio).toBeGreaterThanOrEqual(0.95);
    }
    // Guan's only unresolved number is the missing entry 2, cited once in "(1–3)".
    expect(guan.citationStats.markers - guan.citationStats.resolved).toBe(1);
  });

  it("every sentence ref points at an existing entry", () => {
    for (const doc of [guan, verma]) {
      const numbers = new Set(doc.references.map((r) => r.n));
      for (const sentence of sentences(doc)) for (const n of sentence.refs) expect(numbers.has(n)).toBe(true);
    }
  });
});

describe("sections and clean text", () => {
  it("builds the numbered hierarchy", () => {
    const liposomes = guan.sections.find((s) => s.number === "3.2")!;
    expect(liposomes).toMatchObject({ title: "Liposomes", level: 2, parentId: "s3" });
    const efflux = verma.sections.find((s) => s.number === "2.1")!;
    expect(efflux).toMatchObject({ title: "Increased drug efflux", level: 2, parentId: "s2" });
    expect(guan.sections.filter((s) => s.level === 1 && s.number).map((s) => s.number)).toEqual(range(1, 7).map(String));
    expect(verma.sections.filter((s) => s.level === 1 && s.number).map((s) => s.number)).toEqual(range(1, 9).map(String));
    const parent = guan.sections.find((s) => s.id === "s3")!;
    expect(parent.start).toBeLessThan(liposomes.start);
    expect(parent.end).toBeGreaterThanOrEqual(liposomes.end);
    expect(guan.text.slice(liposomes.start, liposomes.start + "3.2 Liposomes".length)).toBe("3.2 Liposomes");
  });

  it("keeps back matter out of the chunks", () => {
    for (const doc of [guan, verma]) {
      const chunked = new Set(doc.chunks.map((chunk) => chunk.section));
      for (const title of ["References", "Author contributions", "Funding", "Conflict of interest", "Conflicts of interest", "Acknowledgements", "Data availability", "Publisher's note"]) {
        expect(chunked.has(title)).toBe(false);
      }
      expect(doc.chunks.some((chunk) => /declare|Conceptualization|Indian Council/.test(chunk.text))).toBe(false);
    }
    expect(guan.sections.map((s) => s.title)).toEqual(expect.arrayContaining(["Abstract", "References", "Funding"]));
  });

  it("drops page furniture and keeps Greek letters, sub/superscripts and units", () => {
    for (const furniture of ["OPEN ACCESS", "EDITED BY", "kychen@cmu.edu.cn", "Creative Commons", "(Continued)", "Cite this", "rsc.li/", "E-mail:", "Ahmedabad University", "TABLE 1 Continued", "(Contd.)"]) {
      expect(guan.text.includes(furniture) || verma.text.includes(furniture), furniture).toBe(false);
    }
    expect(guan.text).toContain("alumina (γ-Al₂O₃)");
    expect(guan.text).toContain("shRNA@Fe₃O₄MNPs");
    expect(guan.text).toContain("NF-κB activity");
    expect(guan.text).toContain("IκB-α and promote");
    expect(guan.text).toContain("1.5 μm");
    expect(verma.text).toContain("TGF-β");
    expect(guan.chunks.some((chunk) => chunk.text.includes("*"))).toBe(false);
  });

  it("rejoins sentences broken by columns, pages, figures and tables", () => {
    expect(guan.text).toContain("These INPs can accurately deliver miR-29a");
    expect(guan.text).toContain("release of the chemotherapeutic drug DOX. The MoS2 also enhances");
    expect(guan.text).toContain("reducing NF-κB activity, increasing TNF α expression"); // across FIGURE 2
    expect(verma.text).toContain("proximal promoter region of ABCB1"); // across Fig. 1
    expect(verma.text).toContain("prolong the treatment duration and combat drug resistance"); // across Table 2
    expect(verma.text).toContain("sensitivity to cisplatin therapy in breast cancer cells"); // across Fig. 4 and Table 3
    expect(verma.text).not.toContain("Evolution of miRNA as Therapeutics"); // words printed inside Fig. 4
  });

  it("returns prose printed inside Guan's reference list to the end of section 7", () => {
    const section7 = guan.sections.find((s) => s.number === "7")!;
    const at = guan.text.indexOf("Despite the substantial challenges");
    expect(at).toBeGreaterThan(section7.start);
    expect(at).toBeLessThan(section7.end);
    expect(guan.chunks.find((chunk) => chunk.text.includes("Despite the substantial challenges"))?.section).toBe("7 Challenges and hopes");
  });
});

describe("figures and tables", () => {
  it("makes caption chunks", () => {
    const captions = (doc: ParsedDocument) => doc.chunks.filter((c) => c.kind === "caption").map((c) => c.text.slice(0, 12));
    expect(captions(guan)).toEqual(["FIGURE 2 SLN"]);
    expect(captions(verma)).toEqual(["Fig. 1 Schem", "Fig. 2 Compa", "Fig. 3 Schem", "Fig. 4 Schem"]);
    expect(guan.chunks.find((c) => c.kind === "caption")?.section).toBe("3.2 Liposomes");
  });

  it("merges continued tables, finishing a row split over the page", () => {
    const table1 = guan.chunks.filter((c) => c.kind === "table" && c.text.startsWith("TABLE 1 "));
    const rows = table1.flatMap((c) => c.sentences);
    expect(rows).toHaveLength(9);
    expect(rows.filter((row) => row.text.startsWith("Therapeutic drugs\t"))).toHaveLength(0);
    const pertuzumab = rows.find((row) => row.text.startsWith("Pertuzumab"))!;
    expect(pertuzumab.text).toContain("safety profile of the pertuzumab treatment group aligned with known expectations");
    expect(pertuzumab.refs).toEqual([25]);

    const table2 = verma.chunks.filter((c) => c.kind === "table" && c.text.startsWith("Table 2 "));
    expect(table2.flatMap((c) => c.sentences.map((row) => row.refs)).flat()).toEqual(range(102, 113));
  });

  it("repeats caption and header row in every table chunk; rows are the sentences", () => {
    const tables = [...guan.chunks, ...verma.chunks].filter((c) => c.kind === "table");
    expect(tables.length).toBeGreaterThanOrEqual(6);
    expect(new Set(guan.chunks.filter((c) => c.kind === "table").map((c) => c.text.split("\n")[0])).size).toBe(3);
    for (const chunk of tables) {
      const [caption, header, ...rows] = chunk.text.split("\n");
      expect(caption).toMatch(/^(TABLE|Table) \d /);
      expect(header).toMatch(/\tReferences?$/);
      expect(rows).toEqual(chunk.sentences.map((row) => row.text));
      for (const row of chunk.sentences) expect(chunk.text.includes(row.text)).toBe(true);
    }
    expect(guan.chunks.find((c) => c.text.startsWith("TABLE 2 "))!.sentences.find((row) => row.text.startsWith("Quantum dots"))!.refs).toEqual([40, 41]);
  });
});
