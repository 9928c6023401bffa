import { describe, expect, it } from "vitest";
import { DocumentMentions, type NamedDocument } from "./document-mentions.ts";

// A synthetic corpus whose journal names are ordinary words ("Cancers", "Nanomaterials"), beside
// two journals printed abbreviated.
const documents: NamedDocument[] = [
  { id: "guan2024", title: "Nanomaterials: breaking the bottleneck of breast cancer drug resistance", journal: "Front. Immunol.", authors: ["Chao Guan", "Yahao Han"] },
  {
    id: "verma2024",
    title: "Targeting drug resistance in breast cancer: the potential of miRNA and nanotechnology-driven delivery systems",
    journal: "Nanoscale Adv.",
    authors: ["Aditi Verma", "Krunal Patel"],
  },
  { id: "okafor2023", title: "Hypoxia and drug resistance in breast cancer", journal: "Cancers", authors: ["Ngozi Okafor"] },
  { id: "lindqvist2022", title: "Exosome carriers for breast cancer chemotherapy", journal: "Nanomaterials", authors: ["Erik Lindqvist"] },
  { id: "long2021", title: "Endothelial leakiness in breast cancer", journal: "Blood", authors: ["Mei Long"] },
];
const mentions = new DocumentMentions(documents);

describe("DocumentMentions", () => {
  it.each([
    ["what is reference 45 in guan2024", ["guan2024"]],
    ["what is reference 45 in the Guan review", ["guan2024"]],
    ["what does Verma et al. say", ["verma2024"]],
    ["What did Guan 2024 find?", ["guan2024"]],
    ["Which trials does Verma's table list?", ["verma2024"]],
    ["Which papers are cited in the review by Okafor?", ["okafor2023"]],
    ["What did Long et al. measure?", ["long2021"]],
    ["According to Verma, which miRNAs are upregulated?", ["verma2024"]],
    ["What did Okafor and colleagues find?", ["okafor2023"]],
    // The author reporting, printed as a name and followed by a reporting verb.
    ["Does Guan discuss hypoxia?", ["guan2024"]],
    ["What does Verma say about exosomes?", ["verma2024"]],
    ["What does Okafor write about hypoxia?", ["okafor2023"]],
    ["What future perspectives does Verma give?", ["verma2024"]],
    // Before a noun of its reference list.
    ["What is the DOI of Verma ref 100?", ["verma2024"]],
    ["Which entries of the Okafor reference list are from 2019?", ["okafor2023"]],
    ["What did Okafor find in hypoxic tumours?", ["okafor2023"]],
    ["What methods did Okafor use?", ["okafor2023"]],
  ])("names a document by id or first author: %s → %j", (text, ids) => {
    expect(mentions.find(text)).toEqual(ids);
  });

  it.each([
    ["in the Frontiers in Immunology article", ["guan2024"]],
    ["What does Frontiers in Immunology report on liposomes?", ["guan2024"]],
    ["What does Front. Immunol. report on liposomes?", ["guan2024"]],
    ["in the Nanoscale Advances review", ["verma2024"]],
    ["the first reference of the Frontiers paper", ["guan2024"]],
    ["What does the Cancers paper say about hypoxia?", ["okafor2023"]],
    ["What does the review in Cancers say about hypoxia?", ["okafor2023"]],
    ["the article published in Nanomaterials", ["lindqvist2022"]],
    ["the Blood paper", ["long2021"]],
  ])("names a document by its journal as a whole name: %s → %j", (text, ids) => {
    expect(mentions.find(text)).toEqual(ids);
  });

  it.each([
    ["refs 21–23 of the miRNA paper", ["verma2024"]],
    ["the exosome carriers review", ["lindqvist2022"]],
    ["the review on hypoxia", ["okafor2023"]],
    ["compare the Guan and Verma reviews", ["guan2024", "verma2024"]],
  ])("names a document by title words next to review/paper/article: %s → %j", (text, ids) => {
    expect(mentions.find(text)).toEqual(ids);
  });

  it.each([
    "the breast cancer review",
    "Which paper reported this first?",
    // Journal words in ordinary use or inside other words.
    "Cancers that resist tamoxifen: which pathways?",
    "Which cancers resist anthracyclines?",
    "Which review discusses drug resistance in cancers?",
    "How do nanomaterials overcome resistance?",
    "Are nanoscale drug carriers safer?",
    "What are the recent nanoscale advances in drug delivery?",
    "Is frontline therapy still anthracycline-based?",
    "front-line therapy in the review",
    "Does immunologic memory protect against relapse?",
    "How do anti-HER2 immunoliposomes achieve selectivity?",
    "How do blood vessels leak in tumours?",
    // A surname that is an ordinary word names its paper only as a name.
    "Does long exposure matter?",
    "According to long-term data, does it work?",
    "Which long-term outcomes are reported in long papers?",
    "What is miRNA-21?",
    // Not printed as a name, or not reporting.
    "Does long exposure suggest harm?",
    "Long reported outcomes are rare.",
    "Does Guan treatment work?",
  ])("names no document: %s", (text) => expect(mentions.find(text)).toEqual([]));

  it("leaves title words every document shares, and a word two documents' names share, unresolved", () => {
    const twoNanoPapers = new DocumentMentions([documents[0]!, documents[3]!]);
    // "nanomaterials" is Guan's title word and the other paper's journal: ambiguous.
    expect(twoNanoPapers.find("What does the nanomaterials review say?")).toEqual([]);
    expect(twoNanoPapers.find("What does the Frontiers review say?")).toEqual(["guan2024"]);
  });
});

describe("DocumentMentions.namingWords", () => {
  it.each([
    ["Does the Guan paper mention hypoxia?", ["Guan"]],
    ["What does Verma et al. say about exosomes?", ["Verma"]],
    ["Which trials does Verma's table list?", ["Verma"]],
    ["What is reference 45 in guan2024?", ["guan2024"]],
  ])("%s → %j", (question, words) => {
    expect(mentions.namingWords(question)).toEqual(words);
  });

  it("keeps a surname that names no document of the question, and journal and title words", () => {
    // "long" is an adjective here; "Nanomaterials" names a journal but is a topic word too.
    expect(mentions.namingWords("Are long circulation times reported?")).toEqual([]);
    expect(mentions.namingWords("What does the review in Nanomaterials say about exosomes?")).toEqual([]);
  });
});

describe("DocumentMentions.recognises", () => {
  it("takes out the title and journal words that name a document before its noun, and nothing else", () => {
    expect(mentions.withoutNamingTitles("In the view of the exosome carriers review, are liposomes useful?")).toBe("In the view of the review, are liposomes useful?");
    expect(mentions.withoutNamingTitles("Does the miRNA paper discuss miRNA sponges?")).toBe("Does the paper discuss miRNA sponges?");
    expect(mentions.withoutNamingTitles("What does the Frontiers paper say about hypoxia?")).toBe("What does the paper say about hypoxia?");
    // After the noun the words are the topic ("the review on hypoxia"); surnames are left to namingWords.
    expect(mentions.withoutNamingTitles("What does the review on hypoxia say?")).toBe("What does the review on hypoxia say?");
    expect(mentions.withoutNamingTitles("What does the Guan review say?")).toBe("What does the Guan review say?");
    expect(mentions.withoutNamingTitles("How do exosome carriers work?")).toBe("How do exosome carriers work?");
  });

  it("is true only for the same documents in the same order", () => {
    const ids = documents.map((doc) => doc.id);
    expect(mentions.recognises(ids)).toBe(true);
    expect(mentions.recognises(ids.map((id) => id.toUpperCase()))).toBe(true);
    expect(mentions.recognises(ids.slice(1))).toBe(false);
    expect(mentions.recognises([...ids].reverse())).toBe(false);
    expect(mentions.recognises([...ids.slice(0, -1), "other2020"])).toBe(false);
  });
});
