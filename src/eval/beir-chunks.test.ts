import { describe, expect, it } from "vitest";
import { beirDocumentToChunks } from "./beir-chunks.ts";

describe("beirDocumentToChunks", () => {
  const title = "Magnetic Fe3O4 hyperthermia";

  it("makes one title-prefixed chunk for an abstract-length text, with offsets into title + newline + text", () => {
    const doc = { id: "d1", title, text: "Iron oxide heats tumours. Tamoxifen works again." };
    const [chunk, ...rest] = beirDocumentToChunks(doc);
    expect(rest).toEqual([]);
    expect(chunk).toMatchObject({
      id: "d1:0000",
      docId: "d1",
      section: title,
      kind: "text",
      text: `${title}\nIron oxide heats tumours. Tamoxifen works again.`,
      refs: [],
    });
    const clean = `${title}\n${doc.text}`;
    for (const s of chunk!.sentences) expect(clean.slice(s.start, s.end)).toBe(s.text);
    expect(chunk!.sentences.map((s) => s.text)).toEqual([title, "Iron oxide heats tumours.", "Tamoxifen works again."]);
    expect(clean.slice(chunk!.start, chunk!.end)).toBe(doc.text);
  });

  it("splits a long text into balanced passages of whole sentences, each with the title", () => {
    const sentence = (i: number) => `Sentence ${i} ${"word ".repeat(18).trim()}.`; // 20 words each
    const text = Array.from({ length: 25 }, (_, i) => sentence(i)).join(" "); // 500 words
    const chunks = beirDocumentToChunks({ id: "long", title, text }, { maxWords: 300 });
    expect(chunks.map((c) => c.id)).toEqual(["long:0000", "long:0001"]);
    const bodyWords = chunks.map((c) => c.sentences.slice(1).reduce((n, s) => n + s.text.split(" ").length, 0));
    expect(bodyWords[0]! + bodyWords[1]!).toBe(500);
    expect(Math.abs(bodyWords[0]! - bodyWords[1]!)).toBeLessThanOrEqual(20);
    for (const chunk of chunks) expect(chunk.text.startsWith(`${title}\n`)).toBe(true);
    // No sentence lost or repeated across passages.
    expect(chunks.flatMap((c) => c.sentences.slice(1).map((s) => s.text))).toEqual(
      Array.from({ length: 25 }, (_, i) => sentence(i)),
    );
  });

  it("copes with a document that has only a title or only a text", () => {
    expect(beirDocumentToChunks({ id: "t", title: "Only a title", text: "" })).toMatchObject([
      { text: "Only a title", sentences: [{ text: "Only a title", start: 0, end: 12 }] },
    ]);
    expect(beirDocumentToChunks({ id: "x", title: "", text: "Only text." })).toMatchObject([
      { text: "Only text.", section: "", sentences: [{ text: "Only text.", start: 0, end: 10 }] },
    ]);
  });
});
