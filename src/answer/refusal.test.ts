import { beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import { loadCorpus } from "../store/load-index.ts";
import { contentTerms, questionTerms } from "./question-terms.ts";
import {
  FOREIGN_TOPIC_SIMILARITY,
  REFUSAL_THRESHOLDS,
  foreignBodyParts,
  foreignModifiers,
  foreignNames,
  foreignSubject,
  foreignTopicWords,
  isDrugNameForm,
  isEvidenceTooWeak,
  isMedicalTermForm,
  paraphraseTerms,
  weighParaphrase,
} from "./refusal.ts";
import { SentenceIndex } from "./sentence-index.ts";

let sentences: SentenceIndex;
let cited: Set<string>;
beforeAll(async () => {
  const corpus = await loadCorpus(loadConfig({}).indexDir);
  sentences = new SentenceIndex(corpus.chunks);
  cited = new Set(corpus.documents.flatMap((doc) => doc.references.flatMap((ref) => contentTerms(ref.text))));
});

describe("foreignNames", () => {
  it("lists names the corpus never mentions", () => {
    expect(foreignNames("How do PROTAC degraders overcome endocrine resistance?", sentences, cited)).toEqual(["PROTAC"]);
    expect(foreignNames("Who won the 2022 FIFA World Cup?", sentences, cited)).toEqual(expect.arrayContaining(["FIFA", "Cup"]));
  });

  it("knows the corpus' own names, including those only in cited titles", () => {
    expect(foreignNames("What did MRX34 do in TNBC with miR-34a?", sentences, cited)).toEqual([]);
    expect(foreignNames("What did pterostilbene nanoparticles achieve?", sentences, cited)).toEqual([]);
    // The table prints "P27 kip1".
    expect(foreignNames("Which microRNA is tied to tamoxifen resistance through p27Kip1?", sentences, cited)).toEqual([]);
  });

  it("leaves out the words naming a kind of value: 'NCT' of 'the NCT number' is what is asked, not a name", () => {
    expect(foreignNames("What is the NCT number of the PROTAC trial?", sentences, cited)).toEqual(["PROTAC"]);
  });

  it("knows a prefixed form of a word the corpus prints, and an abbreviation's plural", () => {
    expect(foreignNames("Which lipid formulation reaches stem-like subpopulations?", sentences, cited)).toEqual([]);
    expect(foreignNames("Are all TNBCs alike?", sentences, cited)).toEqual([]);
    // A combining form makes a term of its own, and an unknown stem stays unknown with a prefix.
    expect(foreignNames("Is hypofractionated radiotherapy safe?", sentences, cited)).toEqual(["hypofractionated"]);
    expect(foreignNames("Do Subcontractors matter?", sentences, cited)).toEqual(["Subcontractors"]);
  });
});

describe("isDrugNameForm", () => {
  it("reads a drug's name from its INN stem, not an everyday word ending alike", () => {
    for (const word of ["metformin", "exemestane", "govitecan", "sacituzumab", "zoledronic", "Zorvalimab"]) expect(isDrugNameForm(word), word).toBe(true);
    for (const word of ["concept", "April", "cabin", "resistance"]) expect(isDrugNameForm(word), word).toBe(false);
  });
});

describe("isMedicalTermForm", () => {
  it("reads a clinical term from its suffix, not an everyday word ending alike", () => {
    for (const word of ["arthralgia", "lymphocytes", "oncolytic", "mastectomy"]) expect(isMedicalTermForm(word), word).toBe(true);
    for (const word of ["analysis", "paclitaxel"]) expect(isMedicalTermForm(word), word).toBe(false);
  });
});

describe("foreignNames beyond capitals", () => {
  it("does not know a symbol from a number printed elsewhere", () => {
    // The corpus prints "67" in other places, never "Ki-67"; it prints the "FU" of "5-FU".
    expect(foreignNames("Does Ki-67 predict response?", sentences, cited)).toEqual(["Ki-67"]);
    expect(foreignNames("How does 5-FU act?", sentences, cited)).toEqual([]);
  });

  it("lists a clinical term by its suffix", () => {
    expect(foreignNames("How is aromatase inhibitor-induced arthralgia managed?", sentences, cited)).toEqual(["arthralgia"]);
  });

  it("lists a drug named by its INN stem, however it is written", () => {
    expect(foreignNames("Does metformin reverse doxorubicin resistance?", sentences, cited)).toEqual(["metformin"]);
  });

  it("knows a stem variant of a corpus term, but not a word that only starts with a combining form", () => {
    // The corpus prints "develop…", never "developmental"; "micro" begins many words naming other things.
    expect(sentences.knows(contentTerms("developmental")[0] ?? "")).toBe(false);
    expect(foreignNames("Which developmental pathways do EMT cells share?", sentences, cited)).toEqual([]);
    expect(foreignNames("How do microfluidic mixers make liposomes?", sentences, cited)).toEqual(["microfluidic"]);
  });

  it("does not take a long everyday word for a name", () => {
    expect(foreignNames("What is the trial's registration number?", sentences, cited)).toEqual([]);
  });
});

describe("foreignModifiers", () => {
  it("lists an unknown adjective right before a word the corpus prints", () => {
    expect(foreignModifiers("Can oncolytic viruses carry paclitaxel?", sentences, cited)).toEqual(["oncolytic"]);
    // "circul-" is also the stem of "circulating", which the corpus prints: too short to make "circular" known.
    expect(foreignModifiers("What do circular RNAs do in resistance?", sentences, cited)).toEqual(["circular"]);
  });

  it("leaves out other word forms, adjectives the corpus knows, and adjectives before unknown words", () => {
    // A verb before a noun ("transduce cells"), a known adjective, an unknown head.
    expect(foreignModifiers("Can lentiviral vectors transduce tumour cells?", sentences, cited)).toEqual([]);
    expect(foreignModifiers("Do magnetic nanoparticles help?", sentences, cited)).toEqual([]);
    expect(foreignModifiers("Are oncolytic zorvamabs useful?", sentences, cited)).toEqual([]);
  });
});

describe("foreignBodyParts", () => {
  it("lists organs named by their everyday names that the corpus never prints", () => {
    expect(foreignBodyParts("Does doxorubicin damage the heart?", sentences, cited)).toEqual(["heart"]);
    expect(foreignBodyParts("Do these drugs hurt the spleen or the heart?", sentences, cited)).toEqual(["spleen", "heart"]);
  });

  it("leaves out organs the corpus prints and words naming no body part", () => {
    expect(foreignBodyParts("Do liposomes reach the brain or the blood?", sentences, cited)).toEqual([]);
    expect(foreignBodyParts("Does doxorubicin damage DNA?", sentences, cited)).toEqual([]);
  });
});

describe("foreignTopicWords", () => {
  // The cosine each word would have to its nearest passage (the answerer asks the dense search).
  const cosine = (values: Record<string, number>) => async (word: string) => values[word] ?? 0;

  it("keeps unknown, non-everyday words close to the field, not paraphrase nor names already listed", async () => {
    const question = "Do statins or Zorvalimab, drawbacks aside, lower recurrence?";
    const similarity = cosine({ statins: 0.45, Zorvalimab: 0.6, drawbacks: 0.3 });
    expect(await foreignTopicWords(question, sentences, cited, ["Zorvalimab"], similarity)).toEqual(["statins"]);
    expect(await foreignTopicWords(question, sentences, cited, ["Zorvalimab"], cosine({ drawbacks: 0.5 }))).toEqual(["drawbacks"]);
  });

  it("leaves out words the corpus prints, everyday words and the names of values", async () => {
    const similarity = async () => 0.9;
    expect(await foreignTopicWords("What dose of tamoxifen lowers recurrence in the registration study?", sentences, cited, [], similarity)).toEqual([]);
  });

  it("is off at an infinite threshold", async () => {
    expect(FOREIGN_TOPIC_SIMILARITY).toBeLessThan(1);
    expect(await foreignTopicWords("Do statins work?", sentences, cited, [], async () => 0.9, Number.POSITIVE_INFINITY)).toEqual([]);
  });
});

describe("paraphraseTerms", () => {
  const cosine = (values: Record<string, number>) => async (word: string) => values[word] ?? 0;

  it("keeps everyday words the corpus never prints when they lie far from every passage", async () => {
    const question = "Can a blood test forecast relapse, or does diet matter more for statins users?";
    const terms = questionTerms(question);
    const similarity = cosine({ forecast: 0.2, diet: 0.34, statins: 0.1 });
    const paraphrase = await paraphraseTerms(question, terms, sentences, cited, similarity);
    expect(paraphrase).toContain("forecast");
    // Close to the field: an everyday word naming a topic. Not everyday: a name, never paraphrase.
    expect(paraphrase).not.toContain("diet");
    expect(paraphrase).not.toContain("statin");
    // Words the corpus prints are not paraphrase, however far their embedding.
    expect(paraphrase).not.toContain("blood");
  });

  it("never counts an organ's everyday name as paraphrase: naming one asks about it", async () => {
    const question = "Does zorbin harm the heart?";
    expect(await paraphraseTerms(question, questionTerms(question), sentences, cited, async () => 0)).not.toContain("heart");
  });

  it("looks at each part of a hyphenated word", async () => {
    const question = "Is a forecast-driven schedule used?";
    const paraphrase = await paraphraseTerms(question, questionTerms(question), sentences, cited, async () => 0);
    expect(paraphrase).toContain("forecast");
  });
});

describe("weighParaphrase", () => {
  it("weighs a paraphrase term like the question's rarest known term", () => {
    const terms = questionTerms("Does tamoxifen resistance forecast relapse?");
    const weighed = weighParaphrase(terms, new Set(["forecast"]), sentences);
    const known = [...terms.keys()].filter((term) => term !== "forecast" && sentences.knows(term));
    const rarest = Math.max(...known.map((term) => sentences.idf(term)));
    expect((weighed.get("forecast") ?? 0) * sentences.idf("forecast")).toBeCloseTo(rarest, 6);
    expect(rarest).toBeLessThan(sentences.idf("forecast"));
    expect(weighed.get("tamoxifen")).toBe(1);
    // A sentence holding every known term covers more of the question once the paraphrase weighs less.
    const sentence = new Set(known);
    expect(sentences.coverage(weighed, sentence)).toBeGreaterThan(sentences.coverage(terms, sentence));
  });

  it("leaves the question alone with nothing to discount", () => {
    const terms = questionTerms("Does tamoxifen resistance forecast relapse?");
    expect(weighParaphrase(terms, new Set(), sentences)).toBe(terms);
  });
});

describe("foreignSubject", () => {
  it("lists the subject of a yes/no question when the corpus prints none of its words", () => {
    expect(foreignSubject("Can wearing a wristwatch cause breast cancer?", sentences, cited)).toEqual(["wristwatch"]);
    // A gerund's subject is its object, in the same run or after a determiner.
    expect(foreignSubject("Does quitting cigarettes help chemotherapy work?", sentences, cited)).toEqual(["cigarettes"]);
    expect(foreignSubject("Could eating the chocolate biscuits lower tumour growth?", sentences, cited)).toEqual(["chocolate", "biscuits"]);
  });

  it("leaves out known subjects, relational nouns followed by their complement, pronouns and other questions", () => {
    expect(foreignSubject("Do nanoparticles carry doxorubicin into cells?", sentences, cited)).toEqual([]);
    // An unknown word followed by a function word: its complement carries the topic.
    expect(foreignSubject("Is the collapse of lining cells reversible?", sentences, cited)).toEqual([]);
    expect(foreignSubject("Is it safe to garden during chemotherapy?", sentences, cited)).toEqual([]);
    expect(foreignSubject("Has anybody tried trampolines against tumours?", sentences, cited)).toEqual([]);
    expect(foreignSubject("Why can a wristwatch cause breast cancer?", sentences, cited)).toEqual([]);
  });
});

describe("isEvidenceTooWeak", () => {
  const strong = { sentenceCoverage: 0.6, denseSimilarity: 0.6, foreignNames: [] };
  it("accepts strong evidence and refuses thin evidence", () => {
    expect(isEvidenceTooWeak(strong)).toBe(false);
    expect(isEvidenceTooWeak({ ...strong, sentenceCoverage: REFUSAL_THRESHOLDS.minCoverage - 0.01 })).toBe(true);
  });
  it("refuses a distant passage unless one sentence holds much of the question", () => {
    expect(isEvidenceTooWeak({ ...strong, denseSimilarity: 0.2, sentenceCoverage: 0.4 })).toBe(true);
    expect(isEvidenceTooWeak({ ...strong, denseSimilarity: 0.2, sentenceCoverage: 0.8 })).toBe(false);
  });
  it("refuses a question naming two foreign things whatever its coverage", () => {
    const names = foreignNames("Does hypofractionated intraperitoneal chemotherapy improve survival in ovarian cancer?", sentences, cited);
    expect(names).toEqual(["hypofractionated", "intraperitoneal"]);
    expect(isEvidenceTooWeak({ ...strong, foreignNames: names })).toBe(true);
    expect(isEvidenceTooWeak({ ...strong, foreignNames: names.slice(0, 1) })).toBe(false);
  });
  it("refuses a question naming a foreign topic in a plain word only when coverage is low", () => {
    const bar = REFUSAL_THRESHOLDS.minCoverageWithForeignTopic;
    expect(bar).toBeLessThan(REFUSAL_THRESHOLDS.minCoverageWithForeignName);
    expect(isEvidenceTooWeak({ ...strong, sentenceCoverage: bar - 0.01, foreignTopics: ["statins"] })).toBe(true);
    expect(isEvidenceTooWeak({ ...strong, sentenceCoverage: bar + 0.01, foreignTopics: ["statins"] })).toBe(false);
    expect(isEvidenceTooWeak({ ...strong, sentenceCoverage: bar - 0.01 })).toBe(false);
  });
  it("refuses a question naming a drug the reviews never print, whatever its coverage", () => {
    expect(isEvidenceTooWeak({ ...strong, sentenceCoverage: 0.9, foreignNames: ["metformin"] })).toBe(true);
    expect(isEvidenceTooWeak({ ...strong, sentenceCoverage: 0.9, foreignNames: ["arthralgia"] })).toBe(true);
    expect(isEvidenceTooWeak({ ...strong, sentenceCoverage: 0.6, foreignNames: ["PROTAC"] })).toBe(false);
  });
  it("refuses a question about an organ the reviews never name, whatever its coverage", () => {
    expect(isEvidenceTooWeak({ ...strong, sentenceCoverage: 0.9, foreignBodyParts: ["heart"] })).toBe(true);
    expect(isEvidenceTooWeak({ ...strong, sentenceCoverage: 0.9, foreignBodyParts: [] })).toBe(false);
  });
  it("refuses a question with a foreign modifier unless one sentence holds most of it", () => {
    const bar = REFUSAL_THRESHOLDS.minCoverageWithForeignModifier;
    expect(isEvidenceTooWeak({ ...strong, sentenceCoverage: bar - 0.01, foreignModifiers: ["oncolytic"] })).toBe(true);
    expect(isEvidenceTooWeak({ ...strong, sentenceCoverage: bar + 0.01, foreignModifiers: ["oncolytic"] })).toBe(false);
  });
  it("refuses a yes/no question about a subject the reviews never print only when coverage is low", () => {
    const bar = REFUSAL_THRESHOLDS.minCoverageWithForeignSubject;
    expect(isEvidenceTooWeak({ ...strong, sentenceCoverage: bar - 0.01, foreignSubject: ["wristwatch"] })).toBe(true);
    expect(isEvidenceTooWeak({ ...strong, sentenceCoverage: bar + 0.01, foreignSubject: ["wristwatch"] })).toBe(false);
  });
  it("needs more coverage when the question names something foreign", () => {
    expect(isEvidenceTooWeak({ ...strong, sentenceCoverage: 0.28, foreignNames: ["PROTAC"] })).toBe(true);
    expect(isEvidenceTooWeak({ ...strong, sentenceCoverage: 0.28 })).toBe(false);
  });
});
