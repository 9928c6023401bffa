// The answering pipeline in process, against the real index and USE-lite (HTTP behaviour is in test/http).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import { type LoadedIndex, loadIndex } from "../store/load-index.ts";
import type { ChatTurn } from "./answer-payload.ts";
import { Answerer } from "./answer-question.ts";
import { createAnswerResources } from "./answer-resources.ts";
import { CountingUseLite } from "../../test/support/counting-use-lite.ts";
import { startOpenAiStub } from "../../test/support/openai-stub.ts";

const embeddings = new CountingUseLite();
let loaded: LoadedIndex;
beforeAll(async () => {
  loaded = await loadIndex(loadConfig({}).indexDir, embeddings);
});
afterAll(() => embeddings.close());

const answererWith = (lexicalShortcutMargin?: number) =>
  new Answerer(createAnswerResources(loaded.corpus, loaded.engine), { lexicalShortcutMargin });

/** Answered, not declined, and the answer speaks of `subject`. */
async function expectAnswerAbout(question: string, subject: RegExp) {
  const payload = await answererWith().answer({ question });
  expect(payload.refused).toBe(false);
  expect(payload.answer).toMatch(subject);
  return payload;
}

describe("Answerer: the lexical shortcut", () => {
  const question = "What did PBA-Niclo-SLN do to the cell cycle of TNBC cells?";

  it("answers a question BM25 settles without embedding it, citing the same passage as hybrid search", async () => {
    const before = embeddings.queries;
    const quick = await answererWith().answer({ question });
    expect(embeddings.queries).toBe(before);
    expect(quick.refused).toBe(false);
    expect(quick.references.map((ref) => `${ref.docId}#${ref.n}`)).toContain("guan2024#46");
    expect(quick.sources[0]!.score).toBe(1);

    const hybrid = await answererWith(Infinity).answer({ question });
    expect(embeddings.queries).toBe(before + 1);
    expect(hybrid.sources[0]!.id).toBe(quick.sources[0]!.id);
    expect(hybrid.references.map((ref) => ref.n)).toContain(46);
  });

  it("embeds a question whose lexical match is not decisive", async () => {
    const before = embeddings.queries;
    const payload = await answererWith().answer({ question: "How do nanoparticles help against drug resistance in breast cancer?" });
    expect(payload.refused).toBe(false);
    expect(embeddings.queries).toBeGreaterThan(before);
  });
});

describe("Answerer: a question naming a review", () => {
  it("answers where a topic is discussed with the sections naming it", async () => {
    const payload = await answererWith().answer({ question: "Which section of the Guan review discusses quantum dots?" });
    expect(payload.refused).toBe(false);
    expect(payload.answer).toMatch(/^Guan et al\. \(2024\) discusses quantum dots in "3\.5 Quantum dots" \(\d+ sentences\) \[1\]/);
    expect(payload.sources.every((source) => source.docId === "guan2024")).toBe(true);
  });

  it("says the named review does not discuss a topic only the other prints, and gives the other's words as its own", async () => {
    // Only Verma et al. print antagomirs; retrieval's preference for Guan's passages cannot make them Guan's.
    const payload = await answererWith().answer({ question: "Does the Guan review mention antagomirs?" });
    expect(payload.refused).toBe(true);
    expect(payload.reason).toEqual({ code: "not_covered", message: "Guan et al. (2024) does not discuss this." });
    expect(payload.answer).toMatch(/^Guan et al\. \(2024\) does not discuss this\. Verma et al\. \(2024\) does: .*antago/i);
    expect(payload.references.every((ref) => ref.docId === "verma2024")).toBe(true);
  });

  it("weighs its topic without the words naming the review, so a first author the text never prints does not decline it", async () => {
    const payload = await expectAnswerAbout("Does the Guan paper mention hypoxia?", /hypoxi/i);
    expect(payload.references.every((ref) => ref.docId === "guan2024")).toBe(true);
  });

  it("searches without the title words that name it: 'the nanomaterials review' names the paper, the topic is liposomes", async () => {
    const payload = await expectAnswerAbout("In the view of the nanomaterials review, are liposomes useful?", /liposom/i);
    // Searched for nanomaterials, the liposome section came last and the answer quoted the EPR passage.
    expect(payload.sources[0]!.section).toBe("3.2 Liposomes");
  });

  it("quotes the named paper's opening when the question asks nothing else", async () => {
    const payload = await answererWith().answer({ question: "What is the Guan paper about?" });
    expect(payload.refused).toBe(false);
    expect(payload.sources.map((source) => `${source.docId} ${source.section}`)).toEqual(["guan2024 Abstract"]);
  });

  it("still declines a topic the named review does not cover", async () => {
    const payload = await answererWith().answer({ question: "Does the Guan paper mention scalp cooling?" });
    expect(payload.refused).toBe(true);
  });
});

describe("Answerer: a follow-up that names a new subject", () => {
  it("answers about the new subject, not the one the earlier turns carried", async () => {
    const history = [
      { role: "user" as const, content: "What drugs have solid lipid nanoparticles been loaded with?" },
      { role: "assistant" as const, content: "Granja et al. developed SLNs that encapsulate the antitumor drug mitoxantrone and functionalized them with DSPE-PEG-FA ligands [1]." },
    ];
    const payload = await answererWith().answer({ question: "And what about liposomes?", history });
    expect(payload.refused).toBe(false);
    // It leads with liposomes; before the carried terms were balanced it led with the Granja sentence.
    expect(payload.answer.split(/(?<=\]\.?)\s/)[0]).toMatch(/liposom/i);
  });

  it("keeps what a follow-up points back at ('they') at full weight", async () => {
    const history: ChatTurn[] = [];
    for (const question of ["What is MRX34?", "Why did its trial stop?", "Which reference is that?", "What other miRNA drugs are in trials?"]) {
      const { answer } = await answererWith().answer({ question, history });
      history.push({ role: "user", content: question }, { role: "assistant", content: answer });
    }
    const payload = await answererWith().answer({ question: "What do they target?", history });
    expect(payload.answer.split(/(?<=\]\.?)\s/)[0]).toMatch(/INT-1B3|miR-/);
  });
});

describe("Answerer: 'tell me more'", () => {
  it("answers from sentences the earlier answers did not quote, until nothing near the subject is left", async () => {
    const answerer = answererWith();
    const history: ChatTurn[] = [];
    const quoted = new Set<string>();
    const ask = async (question: string) => {
      const payload = await answerer.answer({ question, history });
      history.push({ role: "user", content: question }, { role: "assistant", content: payload.answer });
      return payload;
    };
    const first = await ask("What are liposomes used for?");
    for (const sentence of first.answer.split(/(?<=\]\.)\s/)) quoted.add(sentence);
    const more = await ask("Tell me more");
    expect(more.refused).toBe(false);
    expect(more.answer).toMatch(/liposom/i);
    // No sentence of the first answer again.
    for (const sentence of more.answer.split(/(?<=\]\.)\s/)) expect(quoted.has(sentence), sentence).toBe(false);
    let last = more;
    for (let turn = 0; turn < 12 && !last.refused; turn++) last = await ask("Tell me more");
    expect(last.refused).toBe(true);
    expect(last.answer).toBe("The reviews say nothing more on this than the earlier answers quoted.");
  });
});

describe("Answerer: a question in everyday words", () => {
  it("reads them as the terms the reviews print ('fat bubbles' as liposomes) and answers from those passages", async () => {
    await expectAnswerAbout("How do fat bubbles get drugs into cells?", /liposom/i);
  });

  it("still declines a question whose everyday words name nothing the reviews discuss", async () => {
    const payload = await answererWith().answer({ question: "Do fat bubbles in fizzy drinks cause breast cancer?" });
    expect(payload.refused).toBe(true);
  });
});

describe("Answerer: side effects asked of a drug", () => {
  it("declines them as not reported when no sentence about the drug names a harm, and quotes those that do", async () => {
    // The reviews discuss doxorubicin at length but never its side effects; a general sentence on side effects is no answer.
    const payload = await answererWith().answer({ question: "What are the side effects of doxorubicin?" });
    expect(payload).toMatchObject({ refused: true, reason: { code: "value_not_reported", entity: "doxorubicin", valueKind: "side-effects" } });
    const mrx34 = await answererWith().answer({ question: "What are the side effects of MRX34?" });
    expect(mrx34.refused).toBe(false);
    expect(mrx34.answer).toMatch(/immune-related adverse events|immunological adverse effect/);
  });
});

describe("Answerer: a value asked of both reviews", () => {
  it("declines it as not reported when no passage about the entity prints one, naming the closest passages", async () => {
    const payload = await answererWith().answer({ question: "What dose of letrozole do both reviews give?" });
    expect(payload.refused).toBe(true);
    expect(payload.reason).toMatchObject({ code: "value_not_reported", entity: "letrozole", valueKind: "dose" });
    expect(payload.sources.length).toBeGreaterThan(0);
    expect(payload.sources.every((source) => /letrozole/i.test(source.text))).toBe(true);
  });

  it("answers it review by review when a passage about the entity prints one", async () => {
    const payload = await answererWith().answer({ question: "How big are quantum dots according to both reviews?" });
    expect(payload.reason?.code).not.toBe("value_not_reported");
    expect(payload.answer).toMatch(/10 nm/);
  });
});

/** An answerer whose model is the OpenAI-protocol stub, replying to each prompt with `reply(prompt)`. */
async function withStubModel(reply: (prompt: string) => string, use: (answerer: Answerer) => Promise<void>): Promise<void> {
  const stub = await startOpenAiStub((request) => reply(request.messages.find((m) => m.role === "user")?.content ?? ""));
  try {
    await use(new Answerer(createAnswerResources(loaded.corpus, loaded.engine), { llm: { enabled: true, model: "stub", baseUrl: stub.baseUrl, timeoutMs: 10_000 } }));
  } finally {
    await stub.close();
  }
}

describe("Answerer: a question naming a review, answered by a model", () => {
  it("warns when the model cites only another review's passages", async () => {
    // The model cites the first source of the review it is told to.
    let review = "Verma";
    const reply = (prompt: string) => {
      const blocks = [...prompt.matchAll(/^\[(\d+)\]([^\n]*)/gm)];
      return `Liposomes carry drugs [${(blocks.find((m) => m[2]!.includes(review)) ?? blocks[0]!)[1]}].`;
    };
    await withStubModel(reply, async (answerer) => {
      const question = "What does the Guan review say about liposomes?";
      const other = await answerer.answer({ question });
      expect(other.mode).toBe("llm");
      expect(other.warnings).toContain("Guan et al. (2024) is not cited: the answer comes from Verma et al. (2024)");
      review = "Guan";
      expect((await answerer.answer({ question })).warnings ?? []).toEqual([]);
    });
  });
});

describe("Answerer: a question naming a section, answered by a model", () => {
  it("warns when the model cites only passages outside the section asked, as an extractive answer does", async () => {
    // The model cites the first source or the last one the prompt numbers.
    let cite: "first" | "last" = "last";
    const reply = (prompt: string) => {
      const numbers = [...prompt.matchAll(/^\[(\d+)\]/gm)].map((m) => Number(m[1]));
      return `Lipid carriers deliver microRNAs [${cite === "first" ? Math.min(...numbers) : Math.max(...numbers)}].`;
    };
    await withStubModel(reply, async (answerer) => {
      const question = "What does the abstract of the Verma review say about liposomes?";
      const outside = await answerer.answer({ question });
      expect(outside.mode).toBe("llm");
      expect(outside.sources[0]!.section).toBe("Abstract");
      expect(outside.warnings?.some((warning) => warning.includes('"Abstract" of Verma et al.'))).toBe(true);
      cite = "first";
      const inside = await answerer.answer({ question });
      expect(inside.warnings ?? []).toEqual([]);
    });
  });
});
