import { describe, expect, it } from "vitest";
import { chunkSentences, defaultWindowWords, sentenceWindows } from "./sentence-windows.ts";

const sentence = (words: number, tag: string) => `${Array.from({ length: words - 1 }, () => tag).join(" ")} end.`;
const chunkOf = (...texts: string[]) => ({
  text: texts.join(" "),
  sentences: texts.map((text) => ({ text, refs: [], start: 0, end: 0 })),
});

describe("sentenceWindows", () => {
  it("groups consecutive sentences up to the word budget", () => {
    const chunk = chunkOf(sentence(30, "a"), sentence(25, "b"), sentence(20, "c"), sentence(10, "d"));
    const windows = sentenceWindows(chunk, 60);
    expect(windows).toHaveLength(2);
    expect(windows[0]).toBe(`${sentence(30, "a")} ${sentence(25, "b")}`);
    expect(windows[1]).toBe(`${sentence(20, "c")} ${sentence(10, "d")}`);
  });

  it("lets a sentence longer than the budget stand alone", () => {
    expect(sentenceWindows(chunkOf(sentence(80, "x"), sentence(5, "y")), 60)).toEqual([sentence(80, "x"), sentence(5, "y")]);
  });

  it("keeps the whole chunk as one window when the budget is 0", () => {
    const chunk = chunkOf(sentence(30, "a"), sentence(30, "b"));
    expect(sentenceWindows(chunk, 0)).toEqual([chunk.text]);
  });

  it("splits text itself when the chunk has no sentences", () => {
    expect(chunkSentences({ text: "First one. Second one!\nRow\tcell" })).toEqual(["First one.", "Second one!", "Row\tcell"]);
    expect(sentenceWindows({ text: "" }, 60)).toEqual([""]);
  });

  it("windows USE-lite only", () => {
    expect(defaultWindowWords("use-lite-512")).toBe(60);
    expect(defaultWindowWords("openai:text-embedding-3-small")).toBe(0);
  });
});
