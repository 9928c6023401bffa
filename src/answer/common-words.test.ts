import { describe, expect, it } from "vitest";
import { commonWords, isCommonWord } from "./common-words.ts";

describe("commonWords", () => {
  it("reads the embedding model's whole-word pieces: thousands of everyday words", () => {
    expect(commonWords().size).toBeGreaterThan(3000);
    expect(commonWords().has("the")).toBe(true);
  });

  it("counts everyday words and their plurals, not field terms", () => {
    for (const word of ["Registration", "compounds", "studies", "weight"]) expect(isCommonWord(word), word).toBe(true);
    for (const word of ["statins", "microbiome", "lymphoedema", "osimertinib"]) expect(isCommonWord(word), word).toBe(false);
  });

  it("counts the regular inflections of everyday words: past, -ing, comparative, -ly", () => {
    for (const word of ["paired", "tied", "stripped", "failing", "imaging", "newer", "exactly"]) expect(isCommonWord(word), word).toBe(true);
    // A field term stays one when it ends like an inflection.
    for (const word of ["bispecific", "arthralgia", "lymphocytes", "exemestane"]) expect(isCommonWord(word), word).toBe(false);
  });
});
