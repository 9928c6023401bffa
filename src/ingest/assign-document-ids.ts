// Stable document ids: `<first author's surname><year>`, lowercase ASCII, with a, b, … suffixes
// when two documents would share one (guan2024a, guan2024b).
import path from "node:path";
import type { DocumentMeta, ParsedDocument } from "../types.ts";
import { foldToAscii } from "./fold-to-ascii.ts";
import { surnameOf } from "./references/paper-key.ts";

/** The id before clash suffixes: "guan2024"; from the file name when no author is known. */
export function baseDocumentId(meta: Pick<DocumentMeta, "authors" | "year" | "file">): string {
  const author = meta.authors[0];
  const surname = author ? foldToAscii(surnameOf(author)).toLowerCase().replace(/[^a-z]/g, "") : "";
  const stem = surname || foldToAscii(path.parse(meta.file).name).toLowerCase().split(/[^a-z0-9]+/).find(Boolean) || "doc";
  const year = meta.year !== undefined && !stem.endsWith(String(meta.year)) ? String(meta.year) : "";
  return `${stem}${year}`;
}

function suffix(i: number): string {
  // a … z, then aa, ab, …
  let out = "";
  let n = i;
  do {
    out = String.fromCharCode(97 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

/** Give every document its id (in the given order) and re-key its chunks: `<docId>:<0000>`. */
export function assignDocumentIds(docs: ParsedDocument[]): void {
  const groups = new Map<string, ParsedDocument[]>();
  for (const doc of docs) {
    const base = baseDocumentId(doc.meta);
    groups.set(base, [...(groups.get(base) ?? []), doc]);
  }
  for (const [base, members] of groups) {
    members.forEach((doc, i) => {
      const id = members.length > 1 ? `${base}${suffix(i)}` : base;
      doc.meta.id = id;
      doc.chunks.forEach((chunk, ordinal) => {
        chunk.docId = id;
        chunk.id = `${id}:${String(ordinal).padStart(4, "0")}`;
      });
    });
  }
}
