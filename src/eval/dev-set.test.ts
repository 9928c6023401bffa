import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ReviewChatError } from "../errors.ts";
import { isHit, itemKind, loadDevSet, normalizeForMatch, retrievalQuery } from "./dev-set.ts";

const item = (passage: string) => ({ docId: "guan2024", passage });
const chunk = (text: string, docId = "guan2024") => ({ docId, text });

describe("isHit", () => {
  const text =
    "Solid lipid nanoparticles are safe (42, 43). CS/Lf/PTS-SLNs, prepared by Aly et al., improved drug solubility " +
    "and bioavailability, achieving more effective tumor cell treatment. They enhance drug efficacy (44).";

  it("finds the passage regardless of case, whitespace and punctuation", () => {
    expect(isHit(chunk(text), item("cs/lf/pts-SLNs, prepared by Aly  et al.,\nimproved drug solubility"))).toBe(true);
    expect(isHit(chunk(text), item("improved drug solubility and stability"))).toBe(false);
  });

  it("requires the passage's document", () => {
    expect(isHit(chunk(text, "verma2024"), item("improved drug solubility"))).toBe(false);
  });

  it("ignores citation superscripts the parser may have kept or dropped", () => {
    expect(isHit(chunk("restoring the DNA lesions introduced by these drugs. Key players"), item("these drugs.²¹ Key players"))).toBe(true);
  });

  it("credits the chunk holding most of a passage that straddles a boundary", () => {
    const passage = "They enhance drug efficacy (44). SLN-DTX developed by da Rocha et al. enhances drug uptake";
    // The chunk ends inside the passage and holds a third of it: not most of it…
    expect(isHit(chunk(text), item(passage))).toBe(false);
    // …while the next chunk starts with the other two thirds.
    expect(isHit(chunk("SLN-DTX developed by da Rocha et al. enhances drug uptake in cells."), item(passage))).toBe(true);
    const longer = "improved drug solubility and bioavailability, achieving more effective tumor cell treatment. They enhance drug efficacy (44). SLN-DTX";
    expect(isHit(chunk(text), item(longer))).toBe(true);
    // Most of the words, but not at the chunk's edge: not a straddle.
    expect(isHit(chunk(`${text} More text follows.`), item(longer))).toBe(false);
  });

  it("never matches an empty passage", () => {
    expect(isHit(chunk(text), item("(—)"))).toBe(false);
    expect(normalizeForMatch("  Fe₃O₄ — 5-FU ")).toBe("fe3o45fu");
    expect(isHit(chunk("by halting the NF-κB pathway (83)."), item("halting the NF- κ B pathway"))).toBe(true);
  });
});

describe("loadDevSet", () => {
  it("reads every kind of item", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "dev-set-"));
    const file = path.join(dir, "kinds.jsonl");
    const history = [
      { role: "user", content: "What is MRX34?" },
      { role: "assistant", content: "A liposomal miR-34a mimic." },
    ];
    const rows = [
      { id: "d901", question: "Why were its trials stopped?", answerable: true, docId: "alpha", kind: "text", passage: "Trials stopped after immune reactions (7).", refs: [7], keywords: ["immune"], history },
      { id: "c901", question: "Which references support the claim that X?", answerable: true, docId: "alpha", kind: "claim", passage: "X holds (3).", refs: [3], keywords: [] },
      { id: "x901", question: "What do both papers say about X?", answerable: true, kind: "cross", expect: [{ docId: "alpha", passage: "X holds (3).", refs: [3] }] },
      { id: "u901", question: "What is the boiling point of gold?", answerable: false },
      { id: "m901", question: "What dose of MRX34 was given?", answerable: false, kind: "near-miss", entity: "MRX34", valueKind: "dose" },
    ];
    await fs.writeFile(file, rows.map((row) => JSON.stringify(row)).join("\n"));
    const items = await loadDevSet(file);
    expect(items.map(itemKind)).toEqual(["text", "claim", "cross", "unanswerable", "near-miss"]);
    expect(retrievalQuery(items[0]!)).toContain("A liposomal miR-34a mimic.");
    await fs.writeFile(file, JSON.stringify({ ...rows[4], valueKind: "colour" }));
    await expect(loadDevSet(file)).rejects.toThrow(/kinds\.jsonl:1: valueKind/);
    await fs.writeFile(file, JSON.stringify({ ...rows[2], expect: [] }));
    await expect(loadDevSet(file)).rejects.toThrow(/kinds\.jsonl:1: expect/);
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("names the file and line of a bad item", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "dev-set-"));
    const file = path.join(dir, "bad.jsonl");
    await fs.writeFile(file, `{"id":"u1","question":"Q?","answerable":false}\n\n{"id":"d1","question":"Q?","answerable":true}\n`);
    const error = await loadDevSet(file).catch((e: unknown) => e);
    expect(ReviewChatError.isInstance(error) && error.code).toBe("bad_request");
    expect((error as Error).message).toMatch(/bad\.jsonl:3: .*(docId|kind|passage)/);
    await fs.writeFile(file, "{not json\n");
    await expect(loadDevSet(file)).rejects.toThrow(/bad\.jsonl:1: not valid JSON/);
    await expect(loadDevSet(path.join(dir, "missing.jsonl"))).rejects.toThrow(/Cannot read the dev set/);
    await fs.rm(dir, { recursive: true, force: true });
  });
});

describe("retrievalQuery", () => {
  it("is the question alone without history", () => {
    expect(retrievalQuery({ question: "What is MRX34?" })).toBe("What is MRX34?");
  });
});
