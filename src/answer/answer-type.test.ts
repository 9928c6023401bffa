import { describe, expect, it } from "vitest";
import { answerTypeMatch, expectedAnswerPatterns } from "./answer-type.ts";

const matches = (question: string, sentence: string) => answerTypeMatch(expectedAnswerPatterns(question), sentence);

describe("expected answer shapes", () => {
  it("expects nothing in particular of an open question", () => {
    expect(expectedAnswerPatterns("How do lipid nanoparticles cross the membrane?")).toEqual([]);
    expect(matches("How do lipid nanoparticles cross the membrane?", "Anything at all.")).toBe(0.5);
  });

  it("expects a year only of a question about when, not of a 'when' clause", () => {
    expect(matches("When was the first microRNA found?", "The first miR was discovered in C. elegans in 1993.")).toBe(1);
    expect(expectedAnswerPatterns("What role does PDTC play when co-loaded with doxorubicin?").map(String)).not.toContain(
      String(/\b(?:19|20)\d{2}\b/),
    );
  });

  it("expects a length or a duration of 'how long'", () => {
    expect(matches("How long are microRNAs?", "miRs are 18–22 nucleotide long, single-stranded RNA molecules.")).toBe(1);
    expect(matches("How long did responses last?", "Responses lasted a median of 6 months.")).toBe(1);
    expect(matches("How long are microRNAs?", "Provides long-term gene expression.")).toBe(0);
  });

  it("expects a definition of 'what is X'", () => {
    // An appositive naming what kind of thing it is.
    expect(matches("What exactly is a miRNA mimic?", "This can be achieved using miR mimics, small, synthetically produced double-stranded RNA molecules.")).toBe(1);
    expect(matches("What exactly is a miRNA mimic?", "In mice, the mimics reduced tumour growth by half.")).toBe(0);
    expect(matches("What is MRX34?", "MRX34 is a liposomal miR-34a mimic.")).toBe(1);
    expect(matches("What is MRX34?", "MRX34; miR-34a; miRNA mimic; Solid tumors; 146")).toBe(0);
    // Asked as a command, or for the definition or meaning by name.
    for (const question of ["Define multidrug resistance.", "What is the definition of zorbium?", "What is meant by acquired resistance?", "How is chemoresistance defined?"]) {
      expect(matches(question, "Chemoresistance refers to drug resistance in cancer cells.")).toBe(1);
    }
    // A longer "what is" question asks for something else than a definition.
    expect(expectedAnswerPatterns("What is the main safety risk of retroviral miRNA delivery?")).toEqual([]);
  });

  it("expects a verdict of a yes/no question on whether something is good, useful or effective", () => {
    expect(matches("Is the zorbium carrier a good option for older patients?", "Zorbium carriers are a promising system for older patients.")).toBe(1);
    expect(matches("Are gelatin shells useful against relapse?", "Gelatin shells have shown great potential against relapse.")).toBe(1);
    expect(matches("Is the zorbium carrier a good option for older patients?", "Zorbium carriers were assembled from gelatin shells.")).toBe(0);
    // Not a verdict: a yes/no question about a fact, or an open question using the same words.
    expect(expectedAnswerPatterns("Is zorbium made of gelatin?")).toEqual([]);
    expect(expectedAnswerPatterns("Which carriers are most effective against relapse?")).toEqual([]);
  });

  it("expects a role, and a comparison", () => {
    expect(matches("What role does PDTC play with doxorubicin?", "Pyrrolidine dithiocarbamate served as a chemosensitizer.")).toBe(1);
    expect(matches("Why choose non-viral carriers over viruses?", "Non-viral systems are less toxic compared to viral vectors.")).toBe(1);
    expect(matches("Why choose non-viral carriers over viruses?", "Non-viral systems aim to protect miRs.")).toBe(0);
    expect(expectedAnswerPatterns("Do ER-positive tumours adapt to CDK4/6 inhibitors over time?")).toEqual([]);
  });
});
