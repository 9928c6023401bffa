import { type PDFFont, type PDFPage, PDFDocument, StandardFonts, degrees } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { UnreadableDocumentError } from "../../errors.ts";
import { encryptedPdf, scannedPdf, truncatedPdf } from "../../../test/support/bad-input-pdfs.ts";
import { readPdf } from "./read-pdf.ts";

const LEFT = 50;
const RIGHT_COLUMN = 315;
const COLUMN_WIDTH = 230;

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** Text drawn piece by piece, each piece after the previous one: [text, size, rise]. */
function drawRun(page: PDFPage, font: PDFFont, x: number, y: number, pieces: [string, number, number][]): void {
  let at = x;
  for (const [text, size, rise] of pieces) {
    page.drawText(text, { x: at, y: y + rise, size, font });
    at += font.widthOfTextAtSize(text, size);
  }
}

/** A line set justified: words spread so the line fills the column, as pdf.js then reports word by word. */
function drawJustified(page: PDFPage, font: PDFFont, x: number, y: number, text: string): void {
  const words = text.split(" ");
  const inked = words.reduce((sum, word) => sum + font.widthOfTextAtSize(word, 10), 0);
  const gap = (COLUMN_WIDTH - inked) / (words.length - 1);
  let at = x;
  for (const word of words) {
    page.drawText(word, { x: at, y, size: 10, font });
    at += font.widthOfTextAtSize(word, 10) + gap;
  }
}

function furniture(page: PDFPage, fonts: Fonts, number: number): void {
  page.drawText("Journal of Layout Tests 12 (2024)", { x: LEFT, y: 810, size: 8, font: fonts.regular });
  page.drawText(String(number), { x: 297, y: 30, size: 8, font: fonts.regular });
  page.drawText("Downloaded from example.org by a reader on 1 May 2024", { x: 20, y: 250, size: 7, font: fonts.regular, rotate: degrees(90) });
}

/** Three pages: full-width title, authors and abstract over two columns, a table, a reference list. */
async function twoColumnPaper(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const fonts = { regular: await pdf.embedFont(StandardFonts.TimesRoman), bold: await pdf.embedFont(StandardFonts.HelveticaBold) };
  const first = pdf.addPage([595, 842]);
  furniture(first, fonts, 1);
  first.drawText("Layout reading of two-column scientific papers", { x: LEFT, y: 760, size: 18, font: fonts.bold });
  drawRun(first, fonts.regular, LEFT, 735, [["Jane Smith", 11, 0], ["1", 7, 4], [", Robert Jones", 11, 0], ["2", 7, 4]]);
  first.drawText("Abstract. We read papers set in two columns under a title and an abstract that run across the whole", { x: LEFT, y: 705, size: 10, font: fonts.regular });
  first.drawText("page, and we check that each column is read from top to bottom before the next one.", { x: LEFT, y: 693, size: 10, font: fonts.regular });

  const left = [
    "Drug resistance remains the main obstacle in the",
    "treatment of breast cancer, and efflux pumps are",
    "the best studied cause of this kind of resistance",
    "in the clinic and in most laboratory models",
    "", // the line with the superscript citation is drawn below
    "ment of resistant tumours was reviewed recently.",
  ];
  first.drawText("1 Introduction", { x: LEFT, y: 650, size: 11, font: fonts.bold });
  left.slice(0, 4).forEach((text, i) => drawJustified(first, fonts.regular, LEFT, 632 - 12 * i, text));
  first.drawText(left[5]!, { x: LEFT, y: 632 - 12 * 5, size: 10, font: fonts.regular });
  drawRun(first, fonts.regular, LEFT, 632 - 12 * 4, [["of today", 10, 0], ["17–19", 6.5, 3.5], [". Liposomes help and the treat-", 10, 0]]);
  drawJustified(first, fonts.regular, LEFT, 632 - 12 * 6, "Nanoparticles are taken up by endocytosis and");
  first.drawText("escape the pumps of resistant cells.", { x: LEFT, y: 632 - 12 * 7, size: 10, font: fonts.regular });

  const right = [
    "Magnetic particles were studied by one group",
    "in mice and by another group in dogs, and both",
    "found that the particles stay in the tumours for",
    "several days after a single injection into a vein.",
  ];
  first.drawText("2 Methods", { x: RIGHT_COLUMN, y: 650, size: 11, font: fonts.bold });
  right.slice(0, 3).forEach((text, i) => drawJustified(first, fonts.regular, RIGHT_COLUMN, 632 - 12 * i, text));
  first.drawText(right[3]!, { x: RIGHT_COLUMN, y: 632 - 12 * 3, size: 10, font: fonts.regular });
  first.drawText("Table 1. Particle sizes", { x: RIGHT_COLUMN, y: 572, size: 9, font: fonts.bold });
  const rows = [["Particle", "Size (nm)", "Charge (mV)"], ["Liposome", "110", "-12"], ["Micelle", "35", "-4"], ["Gold", "20", "+8"]];
  rows.forEach((cells, i) => cells.forEach((cell, j) => first.drawText(cell, { x: RIGHT_COLUMN + 80 * j, y: 558 - 11 * i, size: 9, font: fonts.regular })));

  const second = pdf.addPage([595, 842]);
  furniture(second, fonts, 2);
  second.drawText("Particles that stay longer in the tumour release more of their drug there.", { x: LEFT, y: 760, size: 10, font: fonts.regular });
  second.drawText("References", { x: LEFT, y: 730, size: 11, font: fonts.bold });
  const entries = [
    "1. Smith J, Doe A. Nanoparticles in breast cancer. Int J Pharm. 2020;12:100-10.",
    "2. Jones R. Drug delivery across resistant tumours and the efflux pumps that guard",
    "them. Nat Med. 2021;5:1-9.",
    "3. Lee K. Efflux pumps. Cancer Res. 2019;79:1-9.",
  ];
  entries.forEach((text, i) => second.drawText(text, { x: LEFT, y: 712 - 12 * i, size: 9, font: fonts.regular }));

  const third = pdf.addPage([595, 842]);
  furniture(third, fonts, 3);
  third.drawText("Supplementary material is available from the authors on request.", { x: LEFT, y: 760, size: 10, font: fonts.regular });
  return pdf.save();
}

describe("readPdf on a two-column paper", () => {
  it("writes title, authors, headings, columns in order, superscripts, joined lines, a table and entries", async () => {
    const { markdown, metaHints } = await readPdf(await twoColumnPaper(), "paper.pdf");
    const paragraphs = markdown.trim().split(/\n\n/);

    expect(paragraphs[0]).toBe("# Layout reading of two-column scientific papers");
    expect(metaHints).toMatchObject({ title: "Layout reading of two-column scientific papers", authors: ["Jane Smith", "Robert Jones"] });
    expect(paragraphs).toContain("Jane Smith¹, Robert Jones²");
    // Running head, page numbers and the rotated stamp are gone.
    expect(markdown).not.toContain("Journal of Layout Tests");
    expect(markdown).not.toContain("Downloaded");
    expect(paragraphs.filter((p) => /^\d+$/.test(p))).toEqual([]);

    expect(paragraphs).toContain("## 1 Introduction");
    expect(paragraphs).toContain("## 2 Methods");
    const intro = paragraphs.find((p) => p.startsWith("Drug resistance"));
    expect(intro).toBe(
      "Drug resistance remains the main obstacle in the treatment of breast cancer, and efflux pumps are the best studied " +
        "cause of this kind of resistance in the clinic and in most laboratory models of today¹⁷⁻¹⁹. Liposomes help and the " +
        "treatment of resistant tumours was reviewed recently.",
    );
    // The justified line stays prose, joined with the line after it.
    expect(paragraphs).toContain("Nanoparticles are taken up by endocytosis and escape the pumps of resistant cells.");
    // The left column is read before the right one.
    expect(markdown.indexOf("escape the pumps")).toBeLessThan(markdown.indexOf("## 2 Methods"));

    const caption = paragraphs.indexOf("Table 1. Particle sizes");
    expect(caption).toBeGreaterThan(0);
    expect(paragraphs[caption + 1]).toBe("Particle\tSize (nm)\tCharge (mV)\nLiposome\t110\t-12\nMicelle\t35\t-4\nGold\t20\t+8");

    const references = paragraphs.indexOf("## References");
    expect(paragraphs.slice(references + 1, references + 4)).toEqual([
      "1. Smith J, Doe A. Nanoparticles in breast cancer. Int J Pharm. 2020;12:100-10.",
      "2. Jones R. Drug delivery across resistant tumours and the efflux pumps that guard them. Nat Med. 2021;5:1-9.",
      "3. Lee K. Efflux pumps. Cancer Res. 2019;79:1-9.",
    ]);
  });
});

/** A one-column manuscript with line numbers down the left margin and an author–year list set with hanging indents. */
async function numberedManuscript(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  const bold = await pdf.embedFont(StandardFonts.TimesRomanBold);
  const page = pdf.addPage([612, 792]);
  let number = 1;
  const line = (text: string, y: number, x = 72, size = 11, useFont = font) => {
    page.drawText(String(number++), { x: 40, y, size: 9, font });
    page.drawText(text, { x, y, size, font: useFont });
  };
  line("Seeds of a wild population germinate at low temperature", 720, 72, 16, bold);
  const prose = [
    "Germination of the wild seeds was recorded for thirty days at four temperatures in growth chambers",
    "with a constant humidity, and the fraction of germinated seeds was modelled as described before",
    "(Alexander et al., 2009). Seeds from the northern sites germinated earlier than seeds from the south.",
  ];
  prose.forEach((text, i) => line(text, 680 - 16 * i));
  line("References", 620, 72, 12, bold);
  const entries = [
    ["Alexander, D. H., Novembre, J., and Lange, K. (2009). Fast model-based estimation of ancestry in", "unrelated individuals. Genome Res. 19, 1655-1664."],
    ["Baskin, C. C., and Baskin, J. M. (2014). Seeds: ecology, biogeography, and evolution of dormancy and", "germination. Academic Press, San Diego."],
    ["Chen, L. (2020). Cold germination. Seed Sci. Res. 30, 1-9."],
  ];
  let y = 600;
  for (const entry of entries) {
    entry.forEach((text, i) => {
      line(text, y, i === 0 ? 72 : 90, 10);
      y -= 14;
    });
  }
  return pdf.save();
}

describe("readPdf on a line-numbered manuscript", () => {
  it("drops the margin line numbers and writes one paragraph per hanging-indent entry", async () => {
    const { markdown } = await readPdf(await numberedManuscript(), "manuscript.pdf");
    const paragraphs = markdown.trim().split(/\n\n/);
    expect(paragraphs[0]).toBe("# Seeds of a wild population germinate at low temperature");
    expect(paragraphs[1]).toBe(
      "Germination of the wild seeds was recorded for thirty days at four temperatures in growth chambers with a constant " +
        "humidity, and the fraction of germinated seeds was modelled as described before (Alexander et al., 2009). Seeds from " +
        "the northern sites germinated earlier than seeds from the south.",
    );
    expect(paragraphs.slice(paragraphs.indexOf("## References") + 1)).toEqual([
      "Alexander, D. H., Novembre, J., and Lange, K. (2009). Fast model-based estimation of ancestry in unrelated individuals. Genome Res. 19, 1655-1664.",
      "Baskin, C. C., and Baskin, J. M. (2014). Seeds: ecology, biogeography, and evolution of dormancy and germination. Academic Press, San Diego.",
      "Chen, L. (2020). Cold germination. Seed Sci. Res. 30, 1-9.",
    ]);
  });
});

describe("readPdf on bad input", () => {
  const reason = (promise: Promise<unknown>) => promise.then(() => "read", (error: unknown) => (error instanceof UnreadableDocumentError ? error.message : `other: ${String(error)}`));

  it("names an encrypted PDF, a scan without a text layer and a truncated file", async () => {
    expect(await reason(readPdf(encryptedPdf(), "locked.pdf"))).toBe("locked.pdf: is encrypted (password-protected)");
    expect(await reason(readPdf(await scannedPdf(), "scan.pdf"))).toBe("scan.pdf: has no text layer: run OCR first");
    expect(await reason(readPdf(await truncatedPdf(), "cut.pdf"))).toMatch(/^cut\.pdf: is truncated or damaged/);
  });
});
