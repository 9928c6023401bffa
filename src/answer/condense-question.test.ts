import { beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import { DocumentMentions } from "../retrieve/document-mentions.ts";
import { loadCorpus } from "../store/load-index.ts";
import type { ChatTurn } from "./answer-payload.ts";
import { alreadyQuoted, asksForMore, condenseFollowUp, isFollowUp, lastNamedPaper, resolvePaperPronoun } from "./condense-question.ts";
import { SentenceIndex } from "./sentence-index.ts";

let sentences: SentenceIndex;
beforeAll(async () => {
  sentences = new SentenceIndex((await loadCorpus(loadConfig({}).indexDir)).chunks);
});

const mentions = new DocumentMentions([
  { id: "guan2024", title: "Nanomaterials for breast cancer drug resistance", journal: "Front. Immunol.", authors: ["Guan, X."] },
  { id: "verma2024", title: "miRNA delivery in breast cancer", journal: "Nanoscale Adv.", authors: ["Verma, A."] },
]);

const yin: ChatTurn[] = [
  { role: "user", content: "Which nanocomplex did Yin and colleagues design to silence Akt in metastatic breast cancer?" },
  { role: "assistant", content: "A pH-sensitive paclitaxel-loaded micelle/siAkt nanocomplex (PMA) that knocked down Akt [1]." },
];

describe("condenseFollowUp (extractive)", () => {
  it("carries the key entities of the previous question and the names in its answer", () => {
    const { question, carried } = condenseFollowUp("How well did it work in mice?", yin, sentences);
    expect(carried.split(" ")).toEqual(expect.arrayContaining(["Yin", "Akt", "PMA"]));
    expect(question).toBe(`How well did it work in mice? (${carried})`);
  });

  it("chains through earlier follow-ups", () => {
    const history: ChatTurn[] = [...yin, { role: "user", content: "How well did it work in mice?" }, { role: "assistant", content: "Well [1]." }];
    expect(condenseFollowUp("And its toxicity?", history, sentences).carried).toMatch(/Akt/);
  });

  it("does not chain past a follow-up that named a subject of its own", () => {
    const history: ChatTurn[] = [...yin, { role: "user", content: "And what about liposomes?" }, { role: "assistant", content: "Liposomes carry drugs [1]." }];
    const { carried } = condenseFollowUp("Are they toxic?", history, sentences);
    expect(carried).toMatch(/liposomes/i);
    expect(carried).not.toMatch(/PMA|Akt/);
  });

  it("leaves a standalone question alone", () => {
    expect(condenseFollowUp("What is the EPR effect of liposomes in tumour tissue?", yin, sentences)).toEqual({
      question: "What is the EPR effect of liposomes in tumour tissue?",
      carried: "",
    });
    expect(condenseFollowUp("How well did it work?", undefined, sentences).carried).toBe("");
  });

  it("carries the topic, not the other paper, into a follow-up naming a paper of its own", () => {
    const history: ChatTurn[] = [
      { role: "user", content: "What does the Verma review say about exosomes?" },
      { role: "assistant", content: "Exosomal miR profiling (NCT04427475) was explored [1]." },
    ];
    const { carried } = condenseFollowUp("Is that in the Guan review too?", history, sentences, mentions);
    expect(carried).toMatch(/exosomes/);
    // Neither the paper the previous turn named nor the names in the answer that paper gave.
    expect(carried).not.toMatch(/Verma|NCT04427475/);
    // Without a paper of its own, the follow-up carries both.
    expect(condenseFollowUp("Is that supported by trials?", history, sentences, mentions).carried).toMatch(/Verma.*NCT04427475|NCT04427475.*Verma/);
  });

  it("carries the subject, not the answer's names, into 'tell me more', and chains through it", () => {
    const more = condenseFollowUp("Tell me more", yin, sentences);
    expect(more.carried.split(" ")).toEqual(expect.arrayContaining(["Yin", "Akt"]));
    expect(more.carried).not.toMatch(/PMA/);
    const history: ChatTurn[] = [...yin, { role: "user", content: "Tell me more" }, { role: "assistant", content: "It was tested in mice [1]." }];
    expect(condenseFollowUp("What else?", history, sentences).carried).toMatch(/Akt/);
  });

  it("knows a request for more, and a sentence an earlier answer quoted", () => {
    for (const question of ["Tell me more", "Can you tell me a bit more?", "What else?", "Anything else about it?", "Go on", "Please elaborate"]) {
      expect(asksForMore(question), question).toBe(true);
    }
    for (const question of ["What more can be done for TNBC?", "Is more drug taken up?", "Tell me about liposomes"]) expect(asksForMore(question), question).toBe(false);
    const answer = "P-gp is a transmembrane transporter that expels drugs from cells [1].";
    expect(alreadyQuoted("P-gp is a transmembrane transporter that expels drugs from cells, leading to resistance (76).", answer)).toBe(true);
    expect(alreadyQuoted("Verapamil blocks P-gp in resistant cells (77).", answer)).toBe(false);
  });

  it("knows a follow-up when it sees one", () => {
    expect(isFollowUp("Why were its trials stopped?")).toBe(true);
    expect(isFollowUp("And the side effects?")).toBe(true);
    expect(isFollowUp("Which miRNAs regulate P-gp expression in breast cancer?")).toBe(false);
  });
});

describe("resolvePaperPronoun", () => {
  const label = (docId: string) => (docId === "guan2024" ? "Guan et al. (2024)" : "Verma et al. (2024)");
  const turn = (role: ChatTurn["role"], content: string): ChatTurn => ({ role, content });
  const history = [
    turn("user", "What does the Verma review say about miR-21?"),
    turn("assistant", "miR-21 targets PTEN [1]."),
    turn("user", "And in the Guan review?"),
    turn("assistant", "Guan et al. (2024) does not discuss this."),
    turn("user", "Which nanoparticles carry doxorubicin?"),
    turn("assistant", "Hypoxia-responsive polymer nanoparticles [1]."),
  ];

  it("reads 'it' before a reporting verb as the paper the latest turn naming one paper named", () => {
    expect(lastNamedPaper(history, mentions)).toBe("guan2024");
    expect(resolvePaperPronoun("What does it say about liposomes?", history, mentions, label)).toBe("What does Guan et al. (2024) say about liposomes?");
    expect(resolvePaperPronoun("Does it mention exosomes?", history, mentions, label)).toBe("Does Guan et al. (2024) mention exosomes?");
  });

  it("leaves 'it' as a subject of other verbs, a question naming its own paper, and a conversation naming none", () => {
    expect(resolvePaperPronoun("What does it target?", history, mentions, label)).toBe("What does it target?");
    expect(resolvePaperPronoun("Does the Verma review say it works?", history, mentions, label)).toBe("Does the Verma review say it works?");
    expect(resolvePaperPronoun("What does it say about liposomes?", history.slice(4), mentions, label)).toBe("What does it say about liposomes?");
    // A later turn about both papers: "it" is no longer one of them.
    const both: ChatTurn[] = [...history, { role: "user", content: "Compare the Guan and Verma reviews." }];
    expect(resolvePaperPronoun("What does it say about liposomes?", both, mentions, label)).toBe("What does it say about liposomes?");
  });
});
