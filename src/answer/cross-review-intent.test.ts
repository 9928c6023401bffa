import { describe, expect, it } from "vitest";
import { parseCrossReviewIntent } from "./cross-review-intent.ts";

const smith = { id: "smith2023", surname: "smith" };
const jones = { id: "jones2022", surname: "jones" };
const lee = { id: "lee2021", surname: "lee" };

describe("parseCrossReviewIntent", () => {
  it.each([
    "What do both reviews say about tumour hypoxia?",
    "Do both of the papers discuss renal clearance?",
    "The two papers quote incidence statistics for different years; which years?",
    "Does either review mention electroporation?",
    "Is neither of the two articles concerned with toxicity?",
    "How do the reviews differ on tumour hypoxia?",
    "Compare the papers' views on gold nanoshells.",
    "What do these two nanomedicine reviews have in common regarding siRNA?",
    "Where do the photothermal and exosome reviews overlap?",
    "How do the photothermal review and the exosome paper describe hypoxia?",
    "Is tumour hypoxia discussed in both?",
    "Do both discuss renal clearance?",
    "What do both of them say about electroporation?",
    "What does one review say about hypoxia that the other doesn't?",
    "Does one of the papers cover electroporation while the other one ignores it?",
    "Is tumour hypoxia covered by either of them?",
    "Is tumour hypoxia discussed in one review only?",
    "Does tumour hypoxia come up in both texts?",
    "Does electroporation appear in both the photothermal and the exosome reviews?",
    // The authors as groups standing for their documents, and two documents listed with a comma.
    "Has either group of authors looked at electroporation?",
    "What do both author teams say about tumour hypoxia?",
    "Does the photothermal paper, the exosome paper, or neither mention hypoxia?",
  ])("'%s' asks about two documents", (question) => {
    expect(parseCrossReviewIntent(question, [])?.scope).toBe("pair");
  });

  it.each([
    "What does each review say about tumour hypoxia?",
    "What do all three papers report on exosome loading?",
    "Across the reviews, which carriers cross the blood-brain barrier?",
    "How is toxicity assessed in every paper?",
    "Does any review mention electroporation?",
    "Do any of these papers discuss exosome loading?",
    "Did each group of authors discuss toxicity?",
  ])("'%s' asks about each document", (question) => {
    expect(parseCrossReviewIntent(question, [])?.scope).toBe("each");
  });

  it("takes 'the reviews' as the whole corpus", () => {
    expect(parseCrossReviewIntent("What do the reviews say about exosomes?", [])).toEqual({ scope: "corpus", topic: "What do about exosomes?" });
    expect(parseCrossReviewIntent("What do the Smith reviews say about exosomes?", [smith])).toBeNull();
  });

  it.each(["Which review covers electroporation?", "Which of the papers mentions siRNA loading?", "Which one of these articles discusses nanoshells?"])(
    "takes '%s' as asking which documents of the corpus cover a topic",
    (question) => {
      expect(parseCrossReviewIntent(question, [])?.scope).toBe("corpus");
    },
  );

  it("takes two named documents as a pair and three as each", () => {
    expect(parseCrossReviewIntent("What do Smith et al. and Jones et al. report on hypoxia?", [smith, jones])?.scope).toBe("pair");
    expect(parseCrossReviewIntent("What do Smith, Jones and Lee report on hypoxia?", [smith, jones, lee])?.scope).toBe("each");
  });

  it.each([
    ["a question naming one review", "What does the Smith review say about tumour hypoxia?", [smith]],
    ["'both' about two drugs", "Which antibodies target both HER2 and EGFR?", []],
    ["a comparison inside one study", "How does the nanoshell differ from free catalase in oxygen release?", []],
    ["two of something else", "Were outcomes compared between the two arms of the trial?", []],
    ["a review's studies", "What did both studies find about renal clearance?", []],
    ["'both' joining two drugs", "Do both cisplatin and carboplatin cause nephrotoxicity?", []],
    ["'both' joining two models", "In both mice and cell lines, did the nanoshells relieve hypoxia?", []],
    ["a review the papers cite", "Which review of clinical trials reported the pertuzumab data?", []],
    ["papers the reviews cite", "Which papers support the idea that nanoshells relieve hypoxia?", []],
    ["a paper a review cites", "Which paper first described catalase nanoshells?", []],
    ["a review of trials the papers cite", "Did any review of clinical trials report renal clearance?", []],
    ["any paper, a study the reviews cite", "Is there any paper showing that nanoshells relieve hypoxia?", []],
    ["a finding reported in one study paper", "Was renal clearance reported in one paper only?", []],
    ["'either of them' after no verb of addressing a subject", "Cisplatin or carboplatin: is either of them nephrotoxic?", []],
    ["one review the papers cite and another arm", "In one review of trials, the other arm did better on hypoxia?", []],
    ["a paper's two authors, no group of them", "Did both authors of the study use mice?", []],
  ])("leaves %s to the ordinary pipeline", (_what, question, named) => {
    expect(parseCrossReviewIntent(question as string, named as (typeof smith)[])).toBeNull();
  });

  it("keeps the topic and drops the phrasing that points at the documents", () => {
    const intent = parseCrossReviewIntent("How do the Smith and Jones et al. (2022) reviews differ on tumour hypoxia?", [smith, jones]);
    expect(intent?.topic).toContain("tumour hypoxia");
    expect(intent?.topic).not.toMatch(/smith|jones|2022|reviews|differ/i);
    expect(parseCrossReviewIntent("What do both reviews say about tumour hypoxia?", [])?.topic).toBe("What do about tumour hypoxia?");
    // Title words that name the documents are names here, not the topic.
    expect(parseCrossReviewIntent("How do the photothermal review and the exosome paper describe hypoxia?", [smith, jones])?.topic).toBe(
      "How do and describe hypoxia?",
    );
    expect(parseCrossReviewIntent("Which review covers nanoshells, the photothermal one or the exosome one?", [])?.topic).toBe("nanoshells,?");
    expect(parseCrossReviewIntent("Is tumour hypoxia discussed in both?", [])?.topic).toBe("Is tumour hypoxia in?");
    expect(parseCrossReviewIntent("Across both papers, how is tumour hypoxia measured?", [])?.topic).toBe("how is tumour hypoxia measured?");
    expect(parseCrossReviewIntent("Has either group of authors looked at electroporation?", [])?.topic).toBe("Has looked at electroporation?");
    expect(parseCrossReviewIntent("Does tumour hypoxia appear in both the J. Nanomed. and the Extracellular Vesicle papers?", [smith])?.topic).toBe(
      "Does tumour hypoxia in?",
    );
    expect(parseCrossReviewIntent("What does one review say about hypoxia that the other doesn't?", [])?.topic).toBe("What does about hypoxia that doesn't?");
    // A journal's name before the document noun, printed as a name, when the question names documents.
    expect(
      parseCrossReviewIntent("How do the Journal of Nanomedicine review and the Extracellular Vesicle Reviews paper describe hypoxia?", [smith, jones])?.topic,
    ).toBe("How do and describe hypoxia?");
    expect(parseCrossReviewIntent("How is the catalase shell discussed in the two reviews?", [])?.topic).toBe(
      "How is the catalase shell in?",
    );
  });

  it("drops the verbs and nouns of holding a view: what the documents make of the topic is not the topic", () => {
    expect(parseCrossReviewIntent("What do both reviews conclude about overcoming resistance?", [])?.topic).toBe("What do about overcoming resistance?");
    expect(parseCrossReviewIntent("What do the two papers propose for tumour hypoxia?", [])?.topic).toBe("What do for tumour hypoxia?");
    expect(parseCrossReviewIntent("Give each paper's take on tumour hypoxia.", [])?.topic).toBe("Give on tumour hypoxia.");
    expect(parseCrossReviewIntent("Summarize the two reviews' positions on combination therapy.", [])?.topic).toBe("Summarize on combination therapy.");
    // Phrases of viewpoint that frame the documents.
    expect(parseCrossReviewIntent("Looking at both reviews, what is known about EMT?", [])?.topic).toBe("what is known about EMT?");
    expect(parseCrossReviewIntent("From the perspective of each review, why do cancers resist?", [])?.topic).toBe("why do cancers resist?");
    expect(parseCrossReviewIntent("Taken together, what do the reviews say about exosomes?", [])?.topic).toBe("what do about exosomes?");
    // "talk more about": the comparison of how much, not the topic ("cross talk" is a topic word of its own).
    expect(parseCrossReviewIntent("Does the miRNA review or the nanomaterials review talk more about clinical trials?", [])?.topic).not.toMatch(/talk/);
    // Only before "on", "of" or "about": "the take-up of drugs", "the position of the tumour" stay.
    expect(parseCrossReviewIntent("How do both reviews describe the position of the tumour?", [])?.topic).toContain("position of the tumour");
  });
});
