import { describe, expect, it } from "vitest";
import { inPapersTerms } from "./plain-language.ts";

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

  it("matches whole words only", () => {
    expect(inPapersTerms("Which commuted sentences?", printed)).toBe("Which commuted sentences?");
    expect(inPapersTerms("Is the outlook good?", (text) => text === "prognosis")).toBe("Is the prognosis good?");
    expect(inPapersTerms("Are outlooks good?", (text) => text === "prognosis")).toBe("Are outlooks good?");
  });
});
