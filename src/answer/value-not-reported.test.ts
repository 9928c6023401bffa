// The "not reported" check on a tiny corpus of its own: a drug discussed without a dose, one with a
// dose printed in a sentence or a table row, and filler so term weights behave as in a real paper.
import { describe, expect, it } from "vitest";
import type { Chunk, ChunkKind } from "../types.ts";
import { sourceFromChunk } from "./answer-payload.ts";
import { scoreSentences } from "./extractive-answer.ts";
import { questionTerms } from "./question-terms.ts";
import { requestedValue } from "./requested-value.ts";
import { SentenceIndex } from "./sentence-index.ts";
import {
  isPlural,
  measuredText,
  preferReportedValues,
  quotesValue,
  valueEvidence,
  valueNotReportedAnswer,
  valueNotReportedReason,
} from "./value-not-reported.ts";

function chunk(id: string, sentences: string[], kind: ChunkKind = "text", header = ""): Chunk {
  const text = [header, ...sentences].filter(Boolean).join(kind === "table" ? "\n" : " ");
  return {
    id,
    docId: "tiny2025",
    section: "Results",
    sectionId: "s1",
    kind,
    text,
    sentences: sentences.map((s) => ({ text: s, refs: [], start: 0, end: s.length })),
    refs: [],
    start: 0,
    end: text.length,
  };
}

const chunks = [
  chunk("tiny2025:0001", [
    "Zorbitinib is an oral kinase inhibitor that restores sensitivity to endocrine therapy.",
    "Zorbitinib also lowered phosphorylation of AKT in resistant cell lines.",
  ]),
  chunk("tiny2025:0002", [
    "Quellimab was tested in mice bearing resistant tumours.",
    "The mice received 10 mg/kg of it twice weekly for 4 weeks.",
    "Tumour volume fell in every treated animal.",
  ]),
  chunk(
    "tiny2025:0003",
    ["Pravolisib\tPI3K inhibitor\t300 mg daily\tPhase II"],
    "table",
    "Table 1 Agents in trials\nAgent\tClass\tDose\tStage",
  ),
  // Filler on the review's general topic, so a drug name is as rare as in a real paper.
  chunk(
    "tiny2025:0005",
    Array.from({ length: 60 }, (_, i) => `Resistance mechanism ${i} involves signalling pathways and efflux pumps in tumour cells.`),
  ),
  chunk("tiny2025:0004", [
    "Endocrine therapy remains the backbone of treatment for hormone receptor positive disease.",
    "Resistance develops through many pathways, including growth factor signalling.",
    "Nanoparticles can carry several drugs at once into resistant cells.",
  ]),
];
const index = new SentenceIndex(chunks);
const sources = chunks.map((c, i) => sourceFromChunk(c, i + 1, 1, "Tiny review"));

describe("valueEvidence", () => {
  it("finds a drug discussed without a dose not reported, with the passages about it as sources", () => {
    const requested = requestedValue("What dose of zorbitinib was given?")!;
    const evidence = valueEvidence(requested, sources, index);
    expect(evidence.status).toBe("not-reported");
    if (evidence.status !== "not-reported") return;
    expect(evidence.sources.map((s) => s.id)).toEqual(["tiny2025:0001"]);
    expect(evidence.sources[0]!.n).toBe(1);
    const reason = valueNotReportedReason(requested);
    expect(reason).toEqual({
      code: "value_not_reported",
      message: "The reviews discuss zorbitinib but do not report its dose.",
      entity: "zorbitinib",
      valueKind: "dose",
    });
    expect(valueNotReportedAnswer(reason)).toMatch(/^The reviews discuss zorbitinib but do not report its dose\. The closest passages/);
  });

  it("finds a dose printed in the sentence after the one naming the drug", () => {
    const evidence = valueEvidence(requestedValue("What dose of quellimab did the mice receive?")!, sources, index);
    expect(evidence.status).toBe("reported");
    if (evidence.status !== "reported") return;
    expect([...evidence.sentences].map((s) => s.sentence.text)).toEqual(["The mice received 10 mg/kg of it twice weekly for 4 weeks."]);
  });

  it("reads a table row with its header", () => {
    expect(valueEvidence(requestedValue("What dose of pravolisib was used?")!, sources, index).status).toBe("reported");
    expect(valueEvidence(requestedValue("What hazard ratio was reported for pravolisib?")!, sources, index).status).toBe("not-reported");
  });

  it("does not call a value unreported when a passage retrieval missed prints it", () => {
    const requested = requestedValue("What dose of quellimab did the mice receive?")!;
    const retrievedOnly = sources.filter((source) => source.id !== "tiny2025:0002");
    const withFirstSentence = [{ ...sourceFromChunk(chunk("tiny2025:0005", ["Quellimab binds HER3."]), 5, 1, "Tiny review") }];
    const index2 = new SentenceIndex([...chunks, chunk("tiny2025:0005", ["Quellimab binds HER3."])]);
    expect(valueEvidence(requested, [...retrievedOnly, ...withFirstSentence], index2).status).toBe("not-reported");
    expect(valueEvidence(requested, [...retrievedOnly, ...withFirstSentence], index2, chunks).status).toBe("reported-elsewhere");
  });

  it("reads the passages about an entity retrieval missed, and gives them as sources", () => {
    const requested = requestedValue("What hazard ratio did zorbitinib achieve?")!;
    const others = sources.filter((source) => source.id !== "tiny2025:0001");
    const asSource = (passage: (typeof chunks)[number], n: number) => sourceFromChunk(passage, n, 0, "Tiny review");
    expect(valueEvidence(requested, others, index).status).toBe("entity-not-found");
    const evidence = valueEvidence(requested, others, index, chunks, asSource);
    expect(evidence).toMatchObject({ status: "not-reported", entity: "zorbitinib" });
    if (evidence.status === "not-reported") expect(evidence.sources.map((s) => [s.n, s.id])).toEqual([[1, "tiny2025:0001"]]);
  });

  it("leaves a topic the paper discusses throughout to the ordinary answer", () => {
    expect(valueEvidence(requestedValue("How long do signalling pathways stay active?")!, sources, index, chunks).status).toBe("entity-not-found");
  });

  it("says nothing about an entity the sources do not discuss", () => {
    expect(valueEvidence(requestedValue("What dose of velotamab was given?")!, sources, index).status).toBe("entity-not-found");
  });
});

describe("quotesValue", () => {
  it("counts a value quoted in a sentence naming part of the entity, not one about something else", () => {
    const question = "What dose of quellimab-xr did the mice receive?";
    const scored = scoreSentences(question, questionTerms(question), sources, index);
    const requested = requestedValue(question)!;
    const dosed = scored.filter((item) => /10 mg\/kg/.test(item.sentence.sentence.text));
    expect(dosed).toHaveLength(1);
    // "The mice received 10 mg/kg of it": the sentence before names quellimab, one of the entity's terms.
    expect(quotesValue(requested, dosed, index)).toBe(true);
    const row = { source: sources.find((source) => source.id === "tiny2025:0003")!, coverage: 0, score: 0 };
    const other = [{ ...row, sentence: index.sentencesOf("tiny2025:0003")[0]! }];
    expect(other[0]!.sentence.sentence.text).toMatch(/300 mg/);
    expect(quotesValue(requested, other, index)).toBe(false);
  });
});

describe("preferReportedValues", () => {
  it("puts the sentence printing the value first", () => {
    const question = "How often was quellimab given to mice?";
    const scored = scoreSentences(question, questionTerms(question), sources, index);
    const evidence = valueEvidence(requestedValue(question)!, sources, index);
    expect(evidence.status).toBe("reported");
    if (evidence.status !== "reported") return;
    const preferred = preferReportedValues(scored, evidence.sentences);
    expect(preferred[0]!.sentence.sentence.text).toMatch(/twice weekly/);
    expect(preferred).toHaveLength(scored.length);
  });
});

describe("measuredText", () => {
  const row = (text: string, refs: number[]) => ({ sentence: { text, refs, start: 0, end: text.length } });

  it("drops a table row's References cell, which would read as a count", () => {
    const text = "Lumiramir\tmiR-7 mimic\tGlioma\tIntravenous\t212";
    expect(measuredText(row(text, [212]))).not.toMatch(/212/);
    expect(measuredText(row(text, [212]))).toMatch(/Glioma/);
    expect(requestedValue("How many patients received Lumiramir?")!.kinds).toEqual(["count"]);
  });

  it("keeps a numeric cell that is not one of the row's references", () => {
    expect(measuredText(row("Lumiramir\tmiR-7 mimic\t48\t212", [212]))).toMatch(/\b48\b/);
    expect(measuredText(row("Lumiramir\t48", []))).toMatch(/\b48\b/);
  });

  it("leaves prose alone apart from citation markers", () => {
    expect(measuredText(row("Twelve patients were enrolled (14).", [14]))).toBe("Twelve patients were enrolled.");
  });
});

describe("isPlural", () => {
  it("reads English plurals, acronym plurals included", () => {
    for (const name of ["gold nanoparticles", "TPGS-Res-SLNs", "N1-34a-NPs", "exosomes"]) expect(isPlural(name), name).toBe(true);
  });

  it("does not take singular -s endings for plurals", () => {
    for (const name of ["metastasis", "adenovirus", "biomass", "paclitaxel", "Dox-HBDL", "miR-206"]) expect(isPlural(name), name).toBe(false);
  });

  it("says 'their' in the reason for a plural entity", () => {
    const requested = requestedValue("What zeta potential did the solid lipid nanoparticles have?")!;
    expect(valueNotReportedReason(requested, "solid lipid nanoparticles").message).toBe(
      "The reviews discuss solid lipid nanoparticles but do not report their zeta potential.",
    );
  });
});
