import { beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import { loadCorpus } from "../store/load-index.ts";
import { DocumentMentions } from "./document-mentions.ts";

let mentions: DocumentMentions;
beforeAll(async () => {
  mentions = new DocumentMentions((await loadCorpus(loadConfig({}).indexDir)).documents);
});

describe("DocumentMentions", () => {
  it.each([
    ["what is reference 45 in guan2024", ["guan2024"]],
    ["what is reference 45 in the Guan review", ["guan2024"]],
    ["what does Verma et al. say", ["verma2024"]],
    ["the first reference of the Frontiers paper", ["guan2024"]],
    ["in the Frontiers in Immunology article", ["guan2024"]],
    ["in the Nanoscale Advances review", ["verma2024"]],
    ["refs 21–23 of the miRNA paper", ["verma2024"]],
    ["the nanomaterials review", ["guan2024"]],
    ["compare the Guan and Verma reviews", ["guan2024", "verma2024"]],
  ])("%s → %j", (text, ids) => {
    expect(mentions.find(text)).toEqual(ids);
  });

  it.each(["the breast cancer review", "front-line therapy in the review", "how do nanomaterials overcome resistance?", "what is miRNA-21?", "How do anti-HER2 immunoliposomes achieve selectivity?"])(
    "names no document: %s",
    (text) => expect(mentions.find(text)).toEqual([]),
  );
});
