import { describe, expect, it } from "vitest";
import { parseCitationLookup, parseNumberList } from "./citation-lookup-intent.ts";

describe("parseCitationLookup", () => {
  it.each([
    ["What is reference 45 in the Guan review?", { kind: "numbers", numbers: [45] }],
    ["refs 21–23 of the miRNA paper", { kind: "numbers", numbers: [21, 22, 23] }],
    ["references 3, 5 and 7 to 9 of guan2024", { kind: "numbers", numbers: [3, 5, 7, 8, 9] }],
    ["What is [12] in Verma?", { kind: "numbers", numbers: [12] }],
    ["What is the first reference of the Frontiers paper?", { kind: "numbers", numbers: [1] }],
    ["Which is the last reference in the Verma review?", { kind: "last" }],
    ["Where does the review cite Granja?", { kind: "author", author: "Granja" }],
    ["Where is Granja et al. cited?", { kind: "author", author: "Granja" }],
    ["Which references support the claim that SLNs are biocompatible?", { kind: "claim", claim: "SLNs are biocompatible" }],
    ["Which paper does the Guan review cite for talazoparib solid lipid nanoparticles?", { kind: "claim", claim: "talazoparib solid lipid nanoparticles" }],
    ["Which reference is that from?", { kind: "claim", claim: "" }],
    ["What citation supports the point that one miRNA silences many genes?", { kind: "claim", claim: "one miRNA silences many genes" }],
    ["Which reference is given for the claim that SLNs are biocompatible?", { kind: "claim", claim: "SLNs are biocompatible" }],
    ["Where does the claim that liposomes carry both drug types come from?", { kind: "claim", claim: "liposomes carry both drug types" }],
    ["Where is the statement that hypoxia drives resistance from?", { kind: "claim", claim: "hypoxia drives resistance" }],
    ["Which studies showed that hypoxia makes tumours acidic?", { kind: "claim", claim: "hypoxia makes tumours acidic" }],
    ["Which clinical studies found that miR-21 targets PTEN?", { kind: "claim", claim: "miR-21 targets PTEN" }],
    ["What primary literature supports that SLNs are biocompatible?", { kind: "claim", claim: "SLNs are biocompatible" }],
    ["According to which studies does hypoxia drive resistance?", { kind: "claim", claim: "hypoxia drive resistance" }],
    ["Find the references for: hypoxia drives resistance", { kind: "claim", claim: "hypoxia drives resistance" }],
    // Who did the work, and what the evidence is, ask for the source as well.
    ["Who showed that hypoxia makes tumours acidic?", { kind: "claim", claim: "hypoxia makes tumours acidic" }],
    ["Who reported that, in mice, SLNs are biocompatible?", { kind: "claim", claim: "in mice, SLNs are biocompatible" }],
    ["Which authors found that miR-21 targets PTEN?", { kind: "claim", claim: "miR-21 targets PTEN" }],
    ["Which research demonstrated that miR-21 targets PTEN?", { kind: "claim", claim: "miR-21 targets PTEN" }],
    ["Which sources say that hypoxia drives resistance?", { kind: "claim", claim: "hypoxia drives resistance" }],
    ["What is the evidence that hypoxia drives resistance?", { kind: "claim", claim: "hypoxia drives resistance" }],
    ["What evidence is there for the claim that hypoxia drives resistance?", { kind: "claim", claim: "hypoxia drives resistance" }],
    ["What supports the claim that SLNs are biocompatible?", { kind: "claim", claim: "SLNs are biocompatible" }],
    ["What study is the statement that SLNs are biocompatible based on?", { kind: "claim", claim: "SLNs are biocompatible" }],
    ["Where does the review get the idea that hypoxia drives resistance?", { kind: "claim", claim: "hypoxia drives resistance" }],
    ["Which references does the Guan review cite when it says that SLNs are biocompatible?", { kind: "claim", claim: "SLNs are biocompatible" }],
    // The question's verb comes before the first "that"; a verb inside the claim is the claim's.
    ["Which sources say that cells give up their adhesion?", { kind: "claim", claim: "cells give up their adhesion" }],
    // Asked as yes/no, from the basis, as a command, or of the claim itself.
    ["Is there evidence that hypoxia drives resistance?", { kind: "claim", claim: "hypoxia drives resistance" }],
    ["Are there any studies supporting the idea that SLNs are biocompatible?", { kind: "claim", claim: "SLNs are biocompatible" }],
    ["Does the review cite anything for the claim that CSCs drive relapse?", { kind: "claim", claim: "CSCs drive relapse" }],
    ["On what basis does the review claim that exosomes transfer miRNAs?", { kind: "claim", claim: "exosomes transfer miRNAs" }],
    ["Name the study showing that MRX34 caused adverse events.", { kind: "claim", claim: "MRX34 caused adverse events" }],
    ["Is the claim that tumours depend on glycolysis backed by any reference?", { kind: "claim", claim: "tumours depend on glycolysis" }],
    // The question's own phrasing before the claim is not the claim.
    ["Which works are cited to support the point that DNA repair undoes damage?", { kind: "claim", claim: "DNA repair undoes damage" }],
    ["What reference supports saying that combination therapy reduces resistance?", { kind: "claim", claim: "combination therapy reduces resistance" }],
    // References on a topic, not for a claim: "on" / "about", or a section.
    ["Which references does the Guan review cite on liposomes?", { kind: "topic", topic: "liposomes" }],
    ["What literature about exosomes is cited?", { kind: "topic", topic: "exosomes" }],
    ["Which studies on exosomes does Verma cite?", { kind: "topic", topic: "exosomes" }],
    ["Which references are cited in the section on hypoxia?", { kind: "topic", topic: "hypoxia" }],
    ["Which references are cited in the liposomes section of the Guan review?", { kind: "topic", topic: "liposomes" }],
    ["Which references support the claim that liposomes carry drugs?", { kind: "claim", claim: "liposomes carry drugs" }],
  ])("%s", (question, intent) => {
    expect(parseCitationLookup(question)).toEqual(intent);
  });

  it.each([
    "What further work on nanomaterials is still needed?",
    "Which studies on exosomes are most promising?",
    "What are liposomes?",
    "Where does the review cite it?",
    "How is doxorubicin delivered in reference to HER2?",
    "Which miRNA acts on PTEN?",
    "What dose of olaparib was given in the trial?",
    "Do both reviews discuss exosomes as a route of resistance?",
    "How many references does the review list about hypoxia?",
    "Where do the cells that resist docetaxel come from?",
    "What do studies show about liposome toxicity?",
    "Which studies show the best response in TNBC?",
    "Who gave the first description of EMT?",
    "What is the evidence on liposome toxicity?",
    "What supports tumour growth in hypoxia?",
    "Where does the review get its data?",
    "Is there a trial of stool-based miRNA markers?",
    "Is there synergy between miR-34a and a taxane?",
    "Name the drugs approved in 2023.",
    // A wh-word in a name's place is no author.
    "Who is cited most in the Guan review?",
  ])(
    "is not a lookup: %s",
    (question) => expect(parseCitationLookup(question)).toBeNull(),
  );
});

describe("parseNumberList", () => {
  it("expands ranges and lists, cutting absurd ranges", () => {
    expect(parseNumberList("21–23")).toEqual([21, 22, 23]);
    expect(parseNumberList("1, 2 and 2")).toEqual([1, 2]);
    expect(parseNumberList("5 to 900")).toEqual([5]);
  });
});
