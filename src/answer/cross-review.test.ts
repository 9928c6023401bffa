// Cross-review answers on a corpus of three short reviews written here and ingested for real (parser,
// index, USE-lite): two that both cover tumour hypoxia, one of them alone covering photothermal
// heating, and a third from another field that also mentions hypoxia. LLM mode against the
// OpenAI-protocol stub.
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenAiStub, startOpenAiStub } from "../../test/support/openai-stub.ts";
import { type TempIndex, createTempIndex } from "../../test/support/temp-index.ts";
import { UseLiteEmbeddings } from "../index/use-lite-embeddings.ts";
import { buildIndex } from "../store/build-index.ts";
import { type LoadedIndex, loadIndex } from "../store/load-index.ts";
import { type AnswerPayload, sourceFromChunk } from "./answer-payload.ts";
import { Answerer } from "./answer-question.ts";
import { createAnswerResources } from "./answer-resources.ts";
import { type CrossReviewContext, type FoundPart, asksForDocumentsGist, onTopicParts, preferCited, specificTerms, topicTerms } from "./cross-review.ts";
import { isEvidenceWeak } from "./evidence-check.ts";
import { type ScoredSentence, scoreSentences, selectSentences } from "./extractive-answer.ts";
import { contentTerms, questionTerms } from "./question-terms.ts";

const review = (front: string, body: string, references: string[]) =>
  `---\n${front}\n---\n\n${body}\n\n# References\n\n${references.map((ref, i) => `${i + 1}. ${ref}`).join("\n")}\n`;

const CORPUS: Record<string, string> = {
  "smith2023.md": review(
    'title: "Gold nanoparticles for photothermal therapy of solid tumours"\nauthors: [Anna Smith, Ben Carter]\njournal: "J. Nanomed."\nyear: 2023',
    [
      "# 1 Introduction",
      "Gold nanorods absorb near-infrared light and convert it into heat, which ablates tumour cells [1]. Photothermal heating above 42 °C also makes tumour vessels leaky, so more of a co-administered drug reaches the tumour [2].",
      "# 2 Hypoxia",
      "Tumour hypoxia limits photodynamic therapy because irradiation consumes the little oxygen the tumour has [3]. Gold nanoshells carrying catalase relieve tumour hypoxia by producing oxygen inside the tumour [4]. Hypoxic tumour cells rely on glycolysis for their energy [3]. The acidic pH of the tumour releases doxorubicin from pH-sensitive gold nanoshells [4].",
      "# 3 Safety",
      "Renal clearance of gold particles smaller than 6 nm reduces their long-term toxicity in the liver and spleen [5].",
      "# 4 Conclusions",
      "Gold nanostructures are versatile agents whose clinical use now awaits trials of their long-term fate [5].",
    ].join("\n\n"),
    [
      "Alpha A, Beta B. Nanorods convert light to heat. J Photothermal Res. 2015;1:1-10.",
      "Gamma C. Heating opens tumour vessels. Vasc Biol. 2016;2:11-20.",
      "Delta D. Oxygen use during photodynamic therapy. Photodiagnosis. 2017;3:21-30.",
      "Epsilon E. Catalase nanoshells. Nano Lett. 2018;4:31-40.",
      "Zeta Z. Clearance of small gold particles. Toxicol Sci. 2019;5:41-50.",
    ],
  ),
  "jones2022.md": review(
    'title: "Exosomes as carriers of small interfering RNA"\nauthors: [Clara Jones, Dev Patel]\njournal: "Extracell. Vesicle Rev."\nyear: 2022',
    [
      "# 1 Introduction",
      "Exosomes derived from mesenchymal stem cells carry small interfering RNA across the blood-brain barrier [1]. Their lipid membrane protects the RNA from serum nucleases [2].",
      "# 2 Exosomes in the tumour microenvironment",
      "Tumour hypoxia increases the release of exosomes from cancer cells, and these exosomes spread drug resistance to neighbouring cells [3].",
      "# 3 Loading",
      "Electroporation loads siRNA into exosomes, but with low efficiency and some RNA aggregation [4]. A polyethylene glycol coating lengthens the circulation of loaded exosomes [4].",
    ].join("\n\n"),
    [
      "Eta H. Stem cell exosomes cross the barrier. Brain Res. 2014;6:51-60.",
      "Theta T. Membranes shield RNA. RNA Biol. 2015;7:61-70.",
      "Iota I. Hypoxic tumours shed exosomes. Cancer Res. 2016;8:71-80.",
      "Kappa K. Electroporation of exosomes. J Control Release. 2017;9:81-90.",
    ],
  ),
  "lee2021.md": review(
    'title: "The legume root nodule as a nitrogen factory"\nauthors: [Min Lee]\njournal: "Plant Symbiosis Rev."\nyear: 2021',
    [
      "# 1 Nodules",
      "Rhizobia fix atmospheric nitrogen inside the root nodules of legumes [1]. Hypoxia inside the nodule protects nitrogenase from oxygen, which would inactivate it [2].",
      // Enough ordinary sentences that a term found in one or two sentences is rare, as in a real corpus.
      "# 2 Nodule development",
      [
        "Flavonoids released by the root attract compatible rhizobia.",
        "The bacteria answer with lipochitooligosaccharide signals.",
        "Root hairs curl around the attached bacteria.",
        "An infection thread grows through the root hair.",
        "Cortical cells divide to form the nodule primordium.",
        "Bacteria are released into the cortical cells.",
        "Each bacterium is surrounded by a plant membrane.",
        "The bacteria differentiate into bacteroids.",
        "Leghemoglobin gives active nodules their pink colour.",
        "Determinate nodules stop growing after a few weeks.",
        "Indeterminate nodules keep a persistent meristem.",
        "Pea and clover form indeterminate nodules.",
        "Soybean and bean form determinate nodules.",
        "The plant supplies the bacteroids with dicarboxylic acids.",
        "The bacteroids return ammonium to the plant.",
        "Nodule number is limited by autoregulation.",
        "Nitrate in the soil suppresses nodulation.",
        "Senescent nodules turn green as leghemoglobin degrades.",
        "Field inoculants carry selected rhizobial strains.",
        "Inoculation raises yields in soils without native rhizobia.",
        "Drought reduces nodule activity within days.",
        "Salinity also impairs nodule formation.",
        "Some strains compete poorly with native soil populations.",
        "Breeding programmes select for efficient host genotypes.",
        "Intercropping with cereals transfers some fixed nitrogen.",
      ].join(" "),
    ].join("\n\n"),
    [
      "Lambda L. Rhizobia in nodules. Plant Cell. 2010;1:1-9.",
      "Mu M. Nodule oxygen barriers. Plant Physiol. 2011;2:10-19.",
    ],
  ),
};
const SMITH = "Smith et al. (J. Nanomed. 2023)";
const JONES = "Jones et al. (Extracell. Vesicle Rev. 2022)";
const LEE = "Lee et al. (Plant Symbiosis Rev. 2021)";
const PAIR = ["smith2023", "jones2022"];

let temp: TempIndex;
let loaded: LoadedIndex;
let stub: OpenAiStub;
const embeddings = new UseLiteEmbeddings();

beforeAll(async () => {
  temp = await createTempIndex({ copyCorpus: false });
  for (const [file, text] of Object.entries(CORPUS)) await fs.writeFile(path.join(temp.corpusDir, file), text);
  await buildIndex({ corpusDir: temp.corpusDir, indexDir: temp.indexDir, embeddings });
  loaded = await loadIndex(temp.indexDir, embeddings);
  // The model answers per review group with the first sentence of the group's first passage.
  stub = await startOpenAiStub((request) => {
    const user = request.messages.find((m) => m.role === "user")?.content ?? "";
    const groups = [...user.matchAll(/^### (.+)\n\n\[(\d+)\][^\n]*\n([^\n]+?)\s*\[\d+\]\./gm)];
    return groups.map(([, label, n, sentence]) => `${label}: ${sentence} [${n}].`).join("\n");
  });
});
afterAll(async () => {
  await stub?.close();
  await embeddings.close();
  await temp?.cleanup();
});

const ask = (question: string, docs?: string[]) => new Answerer(createAnswerResources(loaded.corpus, loaded.engine)).answer({ question, docs });

/** The labelled paragraphs of an answer, each with the documents of the sources its markers cite. */
function citedDocumentsByParagraph(payload: AnswerPayload): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const line of payload.answer.split("\n")) {
    const label = /^(.+?\(.+?\)):/.exec(line)?.[1];
    if (!label) continue;
    const markers = [...line.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    out.set(label, new Set(markers.map((n) => payload.sources[n - 1]!.docId)));
  }
  return out;
}

describe("cross-review answers", () => {
  it("answers 'both reviews' with one cited part from each, sources numbered across them", async () => {
    const payload = await ask("What do both reviews say about tumour hypoxia?", PAIR);
    expect(payload.refused).toBe(false);
    expect(payload.sources.map((s) => s.n)).toEqual(payload.sources.map((_, i) => i + 1));
    const parts = citedDocumentsByParagraph(payload);
    expect([...parts.keys()]).toEqual([SMITH, JONES]);
    expect([...parts.get(SMITH)!]).toEqual(["smith2023"]);
    expect([...parts.get(JONES)!]).toEqual(["jones2022"]);
    expect(payload.answer).toMatch(/catalase|photodynamic/);
    expect(payload.answer).toContain("release of exosomes");
    const refs = payload.references.map((ref) => `${ref.docId}#${ref.n}`);
    expect(refs).toContain("jones2022#3");
    expect(refs.some((ref) => ref === "smith2023#3" || ref === "smith2023#4")).toBe(true);
    expect(payload.answer).not.toMatch(/does not discuss/);
  });

  it("streams the sources first, then one delta per review that add up to the answer", async () => {
    const events: string[] = [];
    let streamed = "";
    const payload = await new Answerer(createAnswerResources(loaded.corpus, loaded.engine)).answer(
      { question: "Do the two papers discuss how gold nanorods turn near-infrared light into heat?", docs: PAIR },
      { onSources: () => events.push("sources"), onDelta: (text) => (events.push("delta"), (streamed += text)) },
    );
    expect(events).toEqual(["sources", "delta", "delta"]);
    expect(streamed).toBe(payload.answer);
  });

  it("says when only one of the two covers the question, and cites only that one", async () => {
    const payload = await ask("Do the two papers discuss how gold nanorods turn near-infrared light into heat?", PAIR);
    expect(payload.refused).toBe(false);
    expect(payload.answer).toContain(`Only ${SMITH} covers this; ${JONES} does not discuss it`);
    expect([...citedDocumentsByParagraph(payload).keys()]).toEqual([SMITH]);
    expect(payload.references.map((ref) => `${ref.docId}#${ref.n}`)).toEqual(["smith2023#1"]);
  });

  it("takes a review that never mentions the question's most specific term as not discussing it", async () => {
    // Jones covers tumour hypoxia, but never catalase, the term that makes the question specific.
    const payload = await ask("What do both papers say about catalase against tumour hypoxia?", PAIR);
    expect(payload.answer).toContain(`Only ${SMITH} covers this; ${JONES} does not discuss it`);
    expect(payload.references.map((ref) => ref.docId)).not.toContain("jones2022");
  });

  it("does not take a word sharing the term's first letters for a mention of it", async () => {
    // Jones prints "glycol" (polyethylene glycol), never "glycolysis".
    const payload = await ask("Do both reviews discuss glycolysis in hypoxic tumours?", PAIR);
    expect(payload.answer).toContain(`Only ${SMITH} covers this; ${JONES} does not discuss it`);
    expect(payload.references.map((ref) => ref.docId)).not.toContain("jones2022");
  });

  it("does not let a rare everyday word decide what the question is about", async () => {
    // "little" is in one sentence of Smith's only, rarer than "hypoxia", but it phrases the question.
    const payload = await ask("What do both reviews say about tumour hypoxia and how little oxygen is left?", PAIR);
    expect([...citedDocumentsByParagraph(payload).keys()]).toEqual([SMITH, JONES]);
  });

  it("takes a word printed as a name ('pH') as the topic even when it is also an everyday word", async () => {
    // Jones covers tumours, but never their pH.
    const payload = await ask("What do both reviews say about the pH of tumours?", PAIR);
    expect(payload.answer).toContain(`Only ${SMITH} covers this; ${JONES} does not discuss it`);
    expect(payload.answer).toContain("acidic pH");
  });

  it("declines a value both reviews are asked for when the one discussing the entity does not report it", async () => {
    const payload = await ask("What zeta potential do both reviews give for the catalase nanoshells?", PAIR);
    expect(payload.refused).toBe(true);
    expect(payload.reason?.code).toBe("value_not_reported");
    expect(payload.reason?.entity).toMatch(/catalase/i);
    expect(payload.sources.length).toBeGreaterThan(0);
    expect(payload.sources.every((s) => s.docId === "smith2023")).toBe(true);
    expect(payload.references).toEqual([]);
  });

  it("quotes the review that reports the value asked for", async () => {
    const payload = await ask("What particle size do both papers give for renal clearance of gold?", PAIR);
    expect(payload.refused).toBe(false);
    expect(payload.answer).toContain("6 nm");
    expect([...citedDocumentsByParagraph(payload).keys()]).toEqual([SMITH]);
  });

  it("takes 'both' standing for the reviews as a cross-review question", async () => {
    const payload = await ask("Is tumour hypoxia discussed in both?", PAIR);
    expect([...citedDocumentsByParagraph(payload).keys()]).toEqual([SMITH, JONES]);
  });

  it("quotes a review from its sentence naming the topic when its best-scoring sentence does not", async () => {
    // Jones's electroporation sentence holds "low efficiency" and "loading" but not hypoxia, the topic's one
    // word that is not everyday English; its hypoxia sentence is what it says about the topic.
    const payload = await ask("What do both reviews say about hypoxia and low efficiency in loading?", PAIR);
    expect([...citedDocumentsByParagraph(payload).keys()]).toContain(JONES);
    const jones = payload.answer.split("\n").find((line) => line.startsWith(JONES))!;
    expect(jones).toContain("hypoxia");
    expect(jones).not.toContain("Electroporation");
  });

  it("takes a capitalised topic after 'mention' as the topic when no reference list has such an author", async () => {
    // "mention Glycolysis" reads like an author lookup ("does the review mention Granja?"); no entry is by Glycolysis.
    const payload = await ask("Do both reviews mention Glycolysis?", PAIR);
    expect(payload.refused).toBe(false);
    expect(payload.answer).toContain(`Only ${SMITH} covers this`);
    expect(payload.answer).toContain("glycolysis");
  });

  it("takes two first authors' bare surnames as naming their reviews", async () => {
    const payload = await ask("How do Smith and Jones each describe tumour hypoxia?");
    expect([...citedDocumentsByParagraph(payload).keys()]).toEqual([SMITH, JONES]);
  });

  it("answers a comparison of two named reviews per review", async () => {
    const payload = await ask("How do the Smith and Jones reviews differ on tumour hypoxia?");
    expect([...citedDocumentsByParagraph(payload).keys()]).toEqual([SMITH, JONES]);
  });

  it("answers a comparison of two named reviews that names no topic with each one's opening", async () => {
    for (const question of ["Compare the Smith and Jones reviews.", "How do the Smith and Jones reviews differ?", "What are the main points of the Smith and Jones reviews?"]) {
      const payload = await ask(question);
      expect(payload.refused, question).toBe(false);
      expect([...citedDocumentsByParagraph(payload).keys()], question).toEqual([SMITH, JONES]);
      expect(payload.answer).toContain("Gold nanorods absorb near-infrared light");
      expect(payload.answer).toContain("Exosomes derived from mesenchymal stem cells");
      expect(payload.sources.map((source) => source.section)).toEqual(["1 Introduction", "1 Introduction"]);
    }
  });

  it("answers a question naming a section of each review with that section's opening, and says which review prints none", async () => {
    for (const question of ["What do the Smith and Jones reviews conclude?", "Compare the conclusions of the Smith and Jones reviews."]) {
      const payload = await ask(question);
      const [smith, jones] = payload.answer.split("\n");
      expect(smith, question).toMatch(/^Smith et al\. \(J\. Nanomed\. 2023\), "4 Conclusions": Gold nanostructures are versatile agents/);
      expect(jones, question).toMatch(/^Jones et al\. \(Extracell\. Vesicle Rev\. 2022\) prints no section headed as its conclusions? \(its sections: 1 Introduction; .*3 Loading\)/);
      expect(payload.sources.map((source) => source.section)).toEqual(["4 Conclusions"]);
      expect(payload.references.map((ref) => ref.n)).toEqual([5]);
    }
    const introductions = await ask("Compare the introductions of the Smith and Jones reviews.");
    expect(introductions.sources.map((source) => `${source.docId} ${source.section}`)).toEqual(["smith2023 1 Introduction", "jones2022 1 Introduction"]);
  });

  it("refuses when neither review covers the question", async () => {
    const payload = await ask("What do both reviews say about nitrogen fixation by rhizobia?", PAIR);
    expect(payload.refused).toBe(true);
    expect(payload.references).toEqual([]);
  });

  it("takes 'both reviews' in a larger corpus as the two that match best", async () => {
    const payload = await ask("What do both reviews say about tumour hypoxia?");
    expect([...citedDocumentsByParagraph(payload).keys()]).toEqual([SMITH, JONES]);
    expect(payload.sources.every((s) => s.docId !== "lee2021")).toBe(true);
  });

  it("answers 'each review' from every document that matches", async () => {
    const payload = await ask("What does each review say about hypoxia?");
    expect(new Set(citedDocumentsByParagraph(payload).keys())).toEqual(new Set([SMITH, JONES, LEE]));
  });

  it("answers 'the reviews' per review in a small corpus", async () => {
    const payload = await ask("What do the reviews say about hypoxia in tumours?", PAIR);
    expect([...citedDocumentsByParagraph(payload).keys()]).toEqual([SMITH, JONES]);
  });

  it("leaves a question naming one review to the ordinary answer", async () => {
    const payload = await ask("What does the Smith review say about tumour hypoxia?");
    expect(citedDocumentsByParagraph(payload).size).toBe(0);
    expect(payload.answer).not.toMatch(/covers this/);
    expect(payload.answer).not.toContain(JONES);
  });

  it("gives the model the passages grouped per review in LLM mode", async () => {
    const answerer = new Answerer(createAnswerResources(loaded.corpus, loaded.engine), {
      llm: { enabled: true, model: "stub", baseUrl: stub.baseUrl, timeoutMs: 10_000 },
    });
    const before = stub.requests.length;
    const payload = await answerer.answer({ question: "What do both reviews say about tumour hypoxia?", docs: PAIR });
    expect(payload.mode).toBe("llm");
    const prompt = stub.requests[before]!.messages.find((m) => m.role === "user")!.content;
    expect(prompt.indexOf(`### ${SMITH}`)).toBeGreaterThanOrEqual(0);
    expect(prompt.indexOf(`### ${JONES}`)).toBeGreaterThan(prompt.indexOf(`### ${SMITH}`));
    expect([...citedDocumentsByParagraph(payload).keys()]).toEqual([SMITH, JONES]);
    expect(new Set(payload.references.map((ref) => ref.docId))).toEqual(new Set(PAIR));
  });
});

describe("the topic of a cross-review question", () => {
  it("weighs the everyday words down when the topic also has words that are not everyday English", () => {
    const [part, catalase] = contentTerms("part catalase");
    expect(topicTerms("Where do they part on catalase?", questionTerms("Where do they part on catalase?"))).toEqual(
      new Map([
        [part!, 0.5],
        [catalase!, 1],
      ]),
    );
    // Nothing but everyday words: they are the topic.
    expect(topicTerms("Where do they part?", questionTerms("Where do they part?")).get(part!)).toBe(1);
  });

  it("takes an uncommon word before the most specific one as naming the topic too, not the word that modifies it or one after it", () => {
    const res = createAnswerResources(loaded.corpus, loaded.engine);
    const specific = (topic: string) => specificTerms(topic, questionTerms(topic), res.sentences);
    const [nanoshells, catalase, glycolysis] = contentTerms("nanoshells catalase glycolysis");
    // "catalase" is in one sentence, "nanoshells" in two: nearly as rare, and what the question is about.
    expect(specific("What about nanoshells carrying catalase?")).toEqual([catalase, nanoshells]);
    // Right before it, "nanoshell" modifies "catalase"; after it, "hypoxic" qualifies "glycolysis".
    expect(specific("What about nanoshell catalase?")).toEqual([catalase]);
    expect(specific("What about glycolysis in hypoxic tumours?")).toEqual([glycolysis]);
  });

  it("reads a review judged not to cover the question again when it names the topic another review's part names", async () => {
    const res = createAnswerResources(loaded.corpus, loaded.engine);
    const ctx = {
      res,
      k: 6,
      events: {},
      retrieve: async () => [],
      evidenceIsWeak: (question, terms, scored, docs) => isEvidenceWeak(res, { question, searchText: question, terms, scored, docs }),
      warn: () => {},
      references: () => [],
    } satisfies CrossReviewContext;
    const smithPart = (topic: string): FoundPart => {
      const sources = res.corpus.chunksOf("smith2023").map((chunk, i) => sourceFromChunk(chunk, i + 1, 0, "smith2023"));
      const chosen = selectSentences(scoreSentences(topic, questionTerms(topic), sources, res.sentences), { maxSpans: 1 });
      return { docId: "smith2023", sources, chosen, covered: true };
    };
    // Jones's retrieval found nothing (as when the question's other words outweigh the topic there).
    const jonesPart: FoundPart = { docId: "jones2022", sources: [], chosen: [], covered: false };
    const hypoxia = "What about tumour hypoxia?";
    const [, jones] = await onTopicParts([smithPart(hypoxia), jonesPart], hypoxia, questionTerms(hypoxia), ctx);
    expect(jones!.covered).toBe(true);
    expect(jones!.chosen.map((item) => item.sentence.sentence.text).join(" ")).toMatch(/hypoxia/i);
    // Jones never names catalase: it stays a review that does not discuss it.
    const catalase = "What about catalase against tumour hypoxia?";
    const [, still] = await onTopicParts([smithPart(catalase), jonesPart], catalase, questionTerms(catalase), ctx);
    expect(still!.covered).toBe(false);
  });
});

describe("asksForDocumentsGist", () => {
  it("is true for a topic made only of gist and comparison words", () => {
    for (const topic of ["Compare.", "How do differ?", "What do cover?", "What are the main points of each?", "Where do overlap?", "What do have in common?"]) {
      expect(asksForDocumentsGist(topic), topic).toBe(true);
    }
  });

  it("is false once a topic remains", () => {
    for (const topic of ["How do differ on liposomes?", "Compare their views on tumour hypoxia.", "What do say about exosomes?"]) {
      expect(asksForDocumentsGist(topic), topic).toBe(false);
    }
  });
});

describe("preferCited", () => {
  const scored = (text: string, refs: number[], score: number) =>
    ({ sentence: { chunkId: "c", index: 0, sentence: { text, refs, start: 0, end: text.length }, terms: new Set<string>() }, score }) as unknown as ScoredSentence;
  const texts = (items: ScoredSentence[]) => items.map((item) => item.sentence.sentence.text);

  it("puts a citing sentence nearly as good as an uncited best first", () => {
    const summary = scored("Abstract: carriers overcome resistance.", [], 1);
    const body = scored("Carriers overcome resistance in mice.", [12], 0.95);
    expect(texts(preferCited([summary, body]))).toEqual([body.sentence.sentence.text, summary.sentence.sentence.text]);
  });

  it("keeps the best sentence when it cites, or when the citing one scores well below it", () => {
    const cited = scored("Carriers overcome resistance.", [3], 1);
    const other = scored("Other carriers.", [4], 0.99);
    expect(texts(preferCited([cited, other]))).toEqual(texts([cited, other]));
    const summary = scored("Abstract: carriers overcome resistance.", [], 1);
    const weak = scored("Carriers were made.", [5], 0.5);
    expect(texts(preferCited([summary, weak]))).toEqual(texts([summary, weak]));
  });
});
