import { describe, expect, it } from "vitest";
import { inPapersTerms, printedIn } from "./plain-language.ts";

// A corpus that prints these words and no others.
const corpusWords = new Set(["liposomes", "hypoxia", "efflux", "pump", "drugs", "cells", "silencing", "genes", "methylation", "the"]);
const printed = (text: string) => text.toLowerCase().split(/[^a-z]+/).filter(Boolean).every((word) => corpusWords.has(word) || ["of", "out", "a"].includes(word));

describe("inPapersTerms", () => {
  it("reads an everyday wording as the term the papers print", () => {
    expect(inPapersTerms("Why can fat-bubble carriers release drugs inside cells?", printed)).toBe("Why can liposomes carriers release drugs inside cells?");
    expect(inPapersTerms("Do tumours without much oxygen resist treatment?", printed)).toBe("Do tumours hypoxia resist treatment?");
    expect(inPapersTerms("Which genes get switched off?", printed)).toBe("Which genes get silencing?");
  });

  it("keeps the object a wording captures: 'throw chemo back out' is efflux of chemo", () => {
    expect(inPapersTerms("Which proteins throw chemo back out?", printed)).toBe("Which proteins efflux chemo?");
  });

  it("leaves a wording alone when the papers do not print the term", () => {
    expect(inPapersTerms("Does it cause iron-dependent cell death?", printed)).toBe("Does it cause iron-dependent cell death?");
  });

  it("leaves a wording the papers print themselves: 'pump drugs out of cells' beside 'efflux pumps'", () => {
    expect(inPapersTerms("Which drugs can it pump out of cells?", printed)).toBe("Which drugs can it pump out of cells?");
  });

  it("reads an organ's everyday name as the adjective the papers print, where they do not print the name", () => {
    const adjectives = (text: string) => ["colorectal", "cardiac"].includes(text.toLowerCase());
    expect(inPapersTerms("Are miRNAs linked to bowel cancer?", adjectives)).toBe("Are miRNAs linked to colorectal cancer?");
    expect(inPapersTerms("Is the heart at risk?", adjectives)).toBe("Is the cardiac at risk?");
    expect(inPapersTerms("Is the liver at risk?", adjectives)).toBe("Is the liver at risk?");
    // Harm to an organ is read first, as the adverse event: "heart damage" is not "cardiac damage".
    const events = (text: string) => adjectives(text) || text === "cardiotoxicity";
    expect(inPapersTerms("Does doxorubicin damage the heart?", events)).toBe("Does doxorubicin cardiotoxicity?");
    expect(inPapersTerms("Is heart damage common?", events)).toBe("Is cardiotoxicity common?");
    expect(inPapersTerms("Are miRNAs linked to bowel cancer?", (text) => adjectives(text) || text === "bowel")).toBe("Are miRNAs linked to bowel cancer?");
  });

  it("matches whole words only", () => {
    expect(inPapersTerms("Which commuted sentences?", printed)).toBe("Which commuted sentences?");
    expect(inPapersTerms("Is the outlook good?", (text) => text === "prognosis")).toBe("Is the prognosis good?");
    expect(inPapersTerms("Are outlooks good?", (text) => text === "prognosis")).toBe("Are outlooks good?");
  });
});

describe("printedIn", () => {
  // Two sentences: "Hypoxia lowers oxygen." and "The lack of selectivity matters."
  const sentences = [
    { terms: new Set(["hypoxia", "lower", "oxygen"]) },
    { terms: new Set(["lack", "select", "matter"]) },
  ];
  const index = {
    knows: (term: string) => sentences.some((sentence) => sentence.terms.has(term)),
    chunksMentioning: () => new Set(["c1"]),
    sentencesOf: () => sentences as never,
  };
  const printed = printedIn(index);

  it("is true for a printed word, and for words printed together in one sentence", () => {
    expect(printed("oxygen")).toBe(true);
    expect(printed("lowers oxygen")).toBe(true);
  });

  it("is false for words each printed but never together: the wording is not the papers'", () => {
    expect(printed("lack of oxygen")).toBe(false);
    expect(inPapersTerms("Does a lack of oxygen matter?", printed)).toBe("Does a hypoxia matter?");
  });

  it("is false for a word the corpus never prints", () => {
    expect(printed("bubbles")).toBe(false);
  });
});
