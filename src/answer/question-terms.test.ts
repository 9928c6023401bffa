import { describe, expect, it } from "vitest";
import { balanceCarried, questionTerms, withoutWords } from "./question-terms.ts";

describe("questionTerms", () => {
  it("leaves out indefinite pronouns that only phrase the question", () => {
    expect([...questionTerms("Does it say anything about exosomes?").keys()]).toEqual(["exosom"]);
  });

  it("leaves out the words that ask for a definition: a sentence 'defining MDR's pathways' is no definition of MDR", () => {
    expect([...questionTerms("Define multidrug resistance.").keys()]).toEqual(["multidrug", "resist"]);
    expect([...questionTerms("What is meant by the definition of zorbium?").keys()]).toEqual(["zorbium"]);
  });
});

describe("questionTerms and the verb 'work'", () => {
  it("leaves out 'work' where it frames a how or whether question", () => {
    expect([...questionTerms("How do miRNA mimics work?").keys()]).toEqual(["mir", "mimic"]);
    expect([...questionTerms("Does tamoxifen work in men?").keys()]).toEqual(["tamoxifen", "men"]);
  });

  it("keeps 'work' as a topic word elsewhere", () => {
    expect([...questionTerms("Is night-shift work a risk factor?").keys()]).toContain("work");
  });
});

describe("withoutWords", () => {
  it("takes whole words out, with a possessive", () => {
    expect(withoutWords("Does the Okafor paper mention hypoxia?", ["Okafor"])).toBe("Does the paper mention hypoxia?");
    expect(withoutWords("What do Okafor's tables list?", ["Okafor"])).toBe("What do tables list?");
  });

  it("leaves a word inside another word and text without the words unchanged", () => {
    expect(withoutWords("Is Okaforine a drug?", ["Okafor"])).toBe("Is Okaforine a drug?");
    expect(withoutWords("Does hypoxia matter?", [])).toBe("Does hypoxia matter?");
  });
});

describe("balanceCarried", () => {
  const idf = () => 2;

  it("weighs terms carried from earlier turns down to the question's own weight in all", () => {
    const terms = balanceCarried(questionTerms("what about liposomes?", "zorbium gelatin shells folate"), idf);
    expect(terms.get("liposom")).toBe(1);
    const carried = [...terms].filter(([term]) => term !== "liposom").map(([, weight]) => weight);
    expect(carried.reduce((sum, weight) => sum + weight, 0)).toBeCloseTo(1);
  });

  it("leaves carried terms that weigh less than the question's own, and a question with none of its own", () => {
    expect(balanceCarried(questionTerms("how toxic are zorbium liposome shells?", "gelatin"), idf).get("gelatin")).toBe(0.5);
    expect(balanceCarried(questionTerms("how did it do?", "zorbium gelatin"), idf).get("zorbium")).toBe(0.5);
  });
});
