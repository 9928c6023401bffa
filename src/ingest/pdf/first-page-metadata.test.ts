import { PDFDocument, type PDFFont, type PDFPage, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { readPdf } from "./read-pdf.ts";

const BODY =
  "The river samples were filtered, counted and sequenced on the same day, and every count was checked twice against the log. ";

function prose(page: PDFPage, font: PDFFont, from: number, rows: number): void {
  for (let i = 0; i < rows; i++) page.drawText(BODY.slice(0, 95), { x: 60, y: from - i * 14, size: 10, font });
}

/** Page 1 a cover sheet (its own masthead, the title, labelled fields); page 2 the article. */
async function coverSheetPaper(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  const cover = pdf.addPage([595, 842]);
  cover.drawText("Repository of Works", { x: 60, y: 780, size: 12, font });
  cover.drawText("Title", { x: 60, y: 740, size: 10, font });
  cover.drawText("Sediment bacteria of slow rivers change with the seasons", { x: 60, y: 720, size: 14, font });
  cover.drawText("Authors", { x: 60, y: 690, size: 10, font });
  cover.drawText("Moss, Anna", { x: 60, y: 672, size: 10, font });
  for (let i = 0; i < 4; i++) cover.drawText("This work is made available under the terms of a licence; see the repository.", { x: 60, y: 600 - 14 * i, size: 10, font });
  cover.drawText("Powered by a library", { x: 60, y: 40, size: 8, font });
  for (let n = 2; n <= 3; n++) {
    const page = pdf.addPage([595, 842]);
    page.drawText(`Journal of River Studies, 2021, Vol. 12, No. 3 ${100 + n}`, { x: 60, y: 810, size: 8, font });
    if (n === 2) {
      page.drawText("Sediment bacteria of slow rivers change with the seasons", { x: 60, y: 740, size: 16, font });
      page.drawText("Anna Moss¹,², Ben Carter², and Chloe Diaz¹", { x: 60, y: 716, size: 10, font });
      page.drawText("¹Department of Biology, River University, Springfield, USA", { x: 60, y: 702, size: 10, font });
      prose(page, font, 660, 30);
    } else {
      prose(page, font, 760, 40);
    }
  }
  return pdf.save();
}

/** A one-page paper whose author line shares its baseline with a side panel left of the title. */
async function sidePanelPaper(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  for (let n = 1; n <= 2; n++) {
    const page = pdf.addPage([595, 842]);
    if (n === 1) {
      page.drawText("Lake ice thickness predicts the timing of spring algal blooms", { x: 200, y: 760, size: 16, font });
      page.drawText("Cite this: nothing here", { x: 40, y: 730, size: 8, font });
      page.drawText("of the Society", { x: 40, y: 716, size: 8, font });
      let x = 200;
      for (const [text, size, rise] of [["Dora Evans,", 10, 0], ["1", 6, 4], [" Farid Ghani", 10, 0], ["2", 6, 4], [" and Hana Ito", 10, 0], ["1", 6, 4]] as const) {
        page.drawText(text, { x, y: 716 + rise, size, font });
        x += font.widthOfTextAtSize(text, size);
      }
      prose(page, font, 660, 30);
    } else {
      prose(page, font, 760, 40);
    }
  }
  return pdf.save();
}

describe("readFirstPageMetadata through readPdf", () => {
  it("reads the authors under the title repeated after a cover sheet, and the journal from the running head", async () => {
    const { metaHints } = await readPdf(await coverSheetPaper(), "cover.pdf");
    expect(metaHints.title).toBe("Sediment bacteria of slow rivers change with the seasons");
    expect(metaHints.authors).toEqual(["Anna Moss", "Ben Carter", "Chloe Diaz"]);
    expect(metaHints.journal).toBe("Journal of River Studies");
    expect(metaHints.year).toBe(2021);
    expect(metaHints.volume).toBe("12");
  });

  it("reads an author line without the side panel text on its baseline", async () => {
    const { metaHints } = await readPdf(await sidePanelPaper(), "panel.pdf");
    expect(metaHints.authors).toEqual(["Dora Evans", "Farid Ghani", "Hana Ito"]);
  });
});
