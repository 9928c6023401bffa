// PDFs that ingest must refuse with a reason, or index with a warning, drawn in the test: an
// encrypted one (the standard security handler, written by hand because pdf-lib cannot encrypt),
// a scan (pages of drawn shapes, no text layer), a truncated file and a 500-page book.
import { createHash, randomBytes } from "node:crypto";
import { PDFDocument, StandardFonts, rgb } from "pdf-lib";

/** The padding string of the PDF standard security handler (ISO 32000-1, 7.6.3.3, Algorithm 2). */
const PASSWORD_PAD = Buffer.from("28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a", "hex");

/** RC4, written out: OpenSSL 3 keeps it in its legacy provider, which node may not load. */
function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + s[i]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[n] = data[n]! ^ s[(s[i]! + s[j]!) & 255]!;
  }
  return out;
}

const md5 = (...parts: Buffer[]) => createHash("md5").update(Buffer.concat(parts)).digest();
const padded = (password: string) => Buffer.concat([Buffer.from(password, "latin1"), PASSWORD_PAD]).subarray(0, 32);

/**
 * A one-page PDF encrypted with RC4-40 (/V 1 /R 2) under a user password: it opens only with the
 * password, as a protected journal download does. Its text is real, so only the lock stops a reader.
 */
export function encryptedPdf(userPassword = "reader", ownerPassword = "owner"): Uint8Array {
  const id = randomBytes(16);
  const permissions = Buffer.alloc(4);
  permissions.writeInt32LE(-44);
  const owner = rc4(md5(padded(ownerPassword)).subarray(0, 5), padded(userPassword));
  const fileKey = md5(padded(userPassword), owner, permissions, id).subarray(0, 5);
  const user = rc4(fileKey, PASSWORD_PAD);
  const objectKey = (n: number) => md5(fileKey, Buffer.from([n & 255, (n >> 8) & 255, (n >> 16) & 255, 0, 0])).subarray(0, 10);
  const content = rc4(objectKey(4), Buffer.from("BT /F1 12 Tf 72 720 Td (Astrocytes form a scar after spinal cord injury.) Tj ET", "latin1"));

  const objects: Buffer[] = [
    Buffer.from("<< /Type /Catalog /Pages 2 0 R >>"),
    Buffer.from("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
    Buffer.from("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"),
    Buffer.concat([Buffer.from(`<< /Length ${content.length} >>\nstream\n`), content, Buffer.from("\nendstream")]),
    Buffer.from("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
    Buffer.from(`<< /Filter /Standard /V 1 /R 2 /O <${owner.toString("hex")}> /U <${user.toString("hex")}> /P -44 >>`),
  ];
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  for (const [i, body] of objects.entries()) {
    offsets.push(length);
    const object = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from("\nendobj\n")]);
    parts.push(object);
    length += object.length;
  }
  const xref = [
    "xref",
    `0 ${objects.length + 1}`,
    "0000000000 65535 f ",
    ...offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n `),
    "trailer",
    `<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 6 0 R /ID [<${id.toString("hex")}> <${id.toString("hex")}>] >>`,
    "startxref",
    String(length),
    "%%EOF",
    "",
  ].join("\n");
  parts.push(Buffer.from(xref));
  return new Uint8Array(Buffer.concat(parts));
}

/** A "scan": pages holding only drawn shapes (where a scanner puts its page image), no text at all. */
export async function scannedPdf(pages = 3): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([612, 792]);
    page.drawRectangle({ x: 40, y: 40, width: 532, height: 712, color: rgb(0.96, 0.95, 0.9) });
    for (let line = 0; line < 40; line++) {
      // Grey bars where the printed lines were photographed.
      page.drawRectangle({ x: 72, y: 700 - line * 16, width: 400 + ((line * 37) % 60), height: 7, color: rgb(0.3, 0.3, 0.3) });
    }
  }
  return doc.save();
}

/** Plain prose pages: `sentences(page)` gives each page's text. */
async function prosePdf(pages: number, sentences: (page: number) => string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([612, 792]);
    sentences(p).forEach((line, i) => page.drawText(line, { x: 72, y: 720 - i * 16, size: 11, font }));
  }
  return doc.save({ useObjectStreams: false });
}

/** A valid three-page article cut off halfway through the file, as an interrupted download is. */
export async function truncatedPdf(): Promise<Uint8Array> {
  const whole = await prosePdf(3, (p) => [
    `Page ${p + 1}. Microglia respond to injury within minutes of the damage to the tissue.`,
    "They migrate to the lesion and clear debris before the scar matures over the following weeks.",
  ]);
  return whole.subarray(0, Math.floor(whole.length / 2));
}

const BOOK_WORDS = ["river", "mill", "harbour", "orchard", "bridge", "market", "chapel", "forge", "granary", "ferry"];

/** A `pages`-page book of plain prose with no reference list and no citations. */
export function bookPdf(pages = 500): Promise<Uint8Array> {
  return prosePdf(pages, (p) => {
    // Three words so that no page's first line repeats another's once digits are ignored: a line
    // printed at the top of five pages would rightly read as a running head.
    const a = BOOK_WORDS[p % 10]!;
    const b = BOOK_WORDS[Math.floor(p / 10) % 10]!;
    const c = BOOK_WORDS[Math.floor(p / 100) % 10]!;
    return [
      `In the year ${1400 + p} the town rebuilt its ${a} beside the old ${b} by the ${c}, and the work took a whole season.`,
      `The accounts of page ${p + 1} list the carpenters, the stone and the carts hired for the ${a}.`,
    ];
  });
}
