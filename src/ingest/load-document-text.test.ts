import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UnreadableDocumentError } from "../errors.ts";
import { loadDocumentText } from "./load-document-text.ts";
import { parseDocumentFile } from "./parse-document.ts";

let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "review-chat-ingest-"));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** A one-page review: title, authors, a heading, a paragraph citing (1, 2), a two-entry list. */
async function writeSmallReviewPdf(file: string): Promise<void> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  const page = pdf.addPage([595, 842]);
  let y = 780;
  const line = (text: string, size = 11, gap = 6) => {
    page.drawText(text, { x: 60, y, size, font });
    y -= size + gap;
  };
  line("Nanocarriers against drug resistance in breast cancer", 16, 8);
  line("Jane Smith and Robert Jones", 11, 18);
  line("1 Introduction", 13, 8);
  line("Nanoparticles improve the delivery of cytotoxic drugs to resistant tumours in several ways (1, 2).");
  line("They are studied widely, and their use in clinical settings is growing quickly every year.", 11, 18);
  line("References", 13, 8);
  line("1. Smith J, Doe A. Nanoparticles in breast cancer. Int J Pharm. (2020) 12:100-10. doi: 10.1000/ABC.1");
  line("2. Jones R. Drug delivery across resistant tumours. Nat Med. (2021) 5:1-9. doi: 10.1000/xyz.2");
  await fs.writeFile(file, await pdf.save());
}

describe("parseDocumentFile on a PDF", () => {
  it("reads the heading, both reference entries and both citations", async () => {
    const file = path.join(dir, "small-review.pdf");
    await writeSmallReviewPdf(file);
    const doc = await parseDocumentFile(file);

    expect(doc.meta.title).toBe("Nanocarriers against drug resistance in breast cancer");
    expect(doc.meta.authors).toEqual(["Jane Smith", "Robert Jones"]);
    expect(doc.meta.id).toBe("smith"); // the front matter prints no year
    expect(doc.sections.map((s) => `${s.number} ${s.title}`.trim())).toEqual(["1 Introduction", "References"]);
    expect(doc.references.map((r) => r.n)).toEqual([1, 2]);
    expect(doc.references[0]).toMatchObject({ authors: ["Smith J", "Doe A"], journal: "Int J Pharm", year: 2020, doi: "10.1000/abc.1" });
    expect(doc.references[1]).toMatchObject({ authors: ["Jones R"], journal: "Nat Med", year: 2021, volume: "5" });
    expect(doc.missingReferenceNumbers).toEqual([]);

    const citing = doc.chunks.flatMap((chunk) => chunk.sentences).find((s) => s.text.includes("(1, 2)"));
    expect(citing?.refs).toEqual([1, 2]);
    expect(doc.citationStats).toEqual({ markers: 2, resolved: 2, resolvedRatio: 1 });
    expect(doc.chunks[0]!.section).toBe("1 Introduction");
  });
});

/** Three pages with a running head, page numbers, a hyphenated word, a sentence and an entry broken over lines. */
async function writeThreePagePdf(file: string): Promise<void> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  const head = "Smith et al. 10.1000/review.2024";
  const pages = [
    [head, "Nanocarriers against resistance: a short review", "Jane Smith and Robert Jones", "1 Introduction",
      "Resistance to chemotherapy remains the main reason why treatment of breast cancer fails in many",
      "patients (1). Several groups have shown that efflux pumps can be bypassed by encapsulated drugs (2, 3).",
      "The treat-", "ment of resistant tumours with liposomes was reviewed recently (4).",
      "2 Magnetic particles", "Magnetic particles were studied in 2021 by one group (5) and in mice (n = 5) by",
      "another, who found that the particles accumulate in tumours within hours of the injection and", "1"],
    [head, "remain there for days (6).", "References",
      "1. Smith J, Doe A. Nanoparticles in breast cancer. Int J Pharm. (2020) 12:100-10. doi: 10.1000/a.1",
      "2. Jones R. Drug delivery across resistant tumours. Nat Med. (2021) 5:1-9. doi: 10.1000/a.2",
      "3. Lee K. Efflux pumps and how to avoid them in the clinic and in the laboratory. Cancer Res.",
      "(2019) 79:1-9. doi: 10.1000/a.3", "2"],
    [head, "4. Kim H. Liposomes. J Control Release. (2022) 341:5-15. doi: 10.1000/a.4",
      "5. Park S. Magnetic particles. ACS Nano. (2021) 15:77-88. doi: 10.1000/a.5",
      "6. Chen L. Retention. Small. (2020) 16:e1. doi: 10.1000/a.6", "3"],
  ];
  for (const lines of pages) {
    const page = pdf.addPage([595, 842]);
    lines.forEach((text, i) => page.drawText(text, { x: 50, y: 800 - 16 * i, size: 10, font }));
  }
  await fs.writeFile(file, await pdf.save());
}

describe("parseDocumentFile on a paginated PDF", () => {
  it("drops running heads and page numbers and rejoins words, sentences and entries", async () => {
    const file = path.join(dir, "three-pages.pdf");
    await writeThreePagePdf(file);
    const doc = await parseDocumentFile(file);
    expect(doc.meta.title).toBe("Nanocarriers against resistance: a short review");
    expect(doc.text).not.toContain("Smith et al. 10.1000");
    expect(doc.text).toContain("The treatment of resistant tumours");
    expect(doc.text).toContain("within hours of the injection and remain there for days (6).");
    expect(doc.references.map((r) => r.n)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(doc.references[2]).toMatchObject({ journal: "Cancer Res", year: 2019, volume: "79", doi: "10.1000/a.3" });
    const refs = doc.chunks.flatMap((c) => c.sentences).map((s) => s.refs);
    expect(refs).toEqual([[1], [2, 3], [4], [5, 6]]);
    expect(doc.citationStats).toEqual({ markers: 6, resolved: 6, resolvedRatio: 1 });
  });
});

describe("unreadable files", () => {
  it("names a .pdf that is not a PDF", async () => {
    const file = path.join(dir, "broken.pdf");
    await fs.writeFile(file, "this is plain text pretending to be a PDF");
    const error = await parseDocumentFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableDocumentError);
    expect((error as UnreadableDocumentError).file).toBe("broken.pdf");
    expect((error as Error).message).toMatch(/^broken\.pdf: /);
  });

  it("names a PDF whose body is corrupt", async () => {
    const file = path.join(dir, "truncated.pdf");
    await fs.writeFile(file, "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF garbage");
    await expect(parseDocumentFile(file)).rejects.toThrow(UnreadableDocumentError);
    await expect(parseDocumentFile(file)).rejects.toThrow(/truncated\.pdf/);
  });

  it("rejects empty, binary, missing and unsupported files with a reason", async () => {
    await fs.writeFile(path.join(dir, "empty.txt"), "");
    await fs.writeFile(path.join(dir, "blank.md"), "\n \n\t\n");
    await fs.writeFile(path.join(dir, "binary.txt"), Buffer.from([0x89, 0x50, 0x00, 0x01, 0x02]));
    await fs.writeFile(path.join(dir, "slides.docx"), "x");
    await expect(loadDocumentText(path.join(dir, "empty.txt"))).rejects.toThrow("empty.txt: is empty");
    await expect(loadDocumentText(path.join(dir, "blank.md"))).rejects.toThrow("blank.md: contains no text");
    await expect(loadDocumentText(path.join(dir, "binary.txt"))).rejects.toThrow(/binary\.txt: is binary/);
    await expect(loadDocumentText(path.join(dir, "nowhere.txt"))).rejects.toThrow("nowhere.txt: file not found");
    await expect(loadDocumentText(path.join(dir, "slides.docx"))).rejects.toThrow(/unsupported file type "\.docx"/);
  });
});
