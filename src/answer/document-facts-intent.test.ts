import { describe, expect, it } from "vitest";
import { parseDocumentFacts } from "./document-facts-intent.ts";

describe("parseDocumentFacts", () => {
  it("reads the field a question asks of a named paper", () => {
    const ask = (question: string) => parseDocumentFacts(question, ["Okafor", "okafor2021"], true)?.field;
    expect(ask("Who wrote the Okafor review?")).toBe("authors");
    expect(ask("Who are the authors of okafor2021?")).toBe("authors");
    expect(ask("What is the DOI of the Okafor paper?")).toBe("doi");
    expect(ask("Which journal published the Okafor article?")).toBe("journal");
    expect(ask("Where was the Okafor review published?")).toBe("journal");
    expect(ask("When was the Okafor review published?")).toBe("published");
    expect(ask("In which year did the Okafor review appear?")).toBe("year");
    expect(ask("When was the Okafor review received?")).toBe("received");
    expect(ask("Who is the corresponding author of Okafor et al.?")).toBe("correspondingAuthor");
    expect(ask("What is the corresponding author's email for the Okafor paper?")).toBe("correspondingAuthor");
    expect(ask("Which e-mail address can I write to about the Okafor review?")).toBe("correspondingAuthor");
    expect(ask("Which institutions are the Okafor review's authors affiliated with?")).toBe("affiliations");
    expect(ask("Where are the authors of the Okafor paper from?")).toBe("affiliations");
    expect(ask("How many authors does the Okafor review have?")).toBe("authorCount");
    expect(ask("Who is the first author of the Okafor review?")).toBe("firstAuthor");
    expect(ask("Who is the senior author of the Okafor review?")).toBe("lastAuthor");
    expect(ask("What is the title of the Okafor review?")).toBe("title");
    expect(ask("Which volume is the Okafor paper in?")).toBe("volume");
    expect(ask("Who are the editors of the Okafor review?")).toBe("editors");
    // Its reference list: how long it is, or which entries, with no topic.
    expect(ask("How many references does the Okafor review have?")).toBe("referenceCount");
    expect(ask("How many papers does the Okafor review cite?")).toBe("referenceCount");
    expect(ask("How long is the reference list of the Okafor paper?")).toBe("referenceCount");
    expect(ask("Which references does the Okafor review cite?")).toBe("referenceList");
    expect(ask("Show me the bibliography of the Okafor paper.")).toBe("referenceList");
    expect(parseDocumentFacts("Which references from 2019 does the Okafor review cite?", ["Okafor"], true)).toEqual({ field: "referenceList", plural: false, year: 2019 });
  });

  it("accepts a document noun instead of a name, and tells several documents from one", () => {
    expect(parseDocumentFacts("When were the reviews published?", [], false)).toEqual({ field: "published", plural: true });
    expect(parseDocumentFacts("What is the DOI of each paper?", [], false)).toEqual({ field: "doi", plural: true });
    expect(parseDocumentFacts("Who wrote the review?", [], false)).toEqual({ field: "authors", plural: false });
    expect(parseDocumentFacts("Which review was published first?", [], false)?.field).toBe("published");
    expect(parseDocumentFacts("Which paper has more authors?", [], false)?.field).toBe("authorCount");
  });

  it("leaves content questions alone", () => {
    const named = (question: string) => parseDocumentFacts(question, ["Okafor"], true);
    expect(named("Which authors found that statins lower LDL in the Okafor review?")).toBeNull();
    expect(named("What year did the EMA approve semaglutide according to the Okafor review?")).toBeNull();
    expect(named("What does the Okafor review say about journal clubs?")).toBeNull();
    expect(named("How many references does the Okafor review cite about statins?")).toBeNull();
    expect(named("Who is cited most in the Okafor review?")).toBeNull();
    expect(parseDocumentFacts("Who developed the lipid micelles?", [], false)).toBeNull();
    expect(parseDocumentFacts("Who is the first author?", [], false)).toBeNull();
    expect(parseDocumentFacts("When was metformin first published as a treatment in the review?", [], false)).toBeNull();
    expect(parseDocumentFacts("Who are the authors of reference 12 in the review?", [], false)).toBeNull();
    expect(parseDocumentFacts("Which studies are reviewed in the paper?", [], false)).toBeNull();
    expect(parseDocumentFacts("Which trials were published first according to the review?", [], false)).toBeNull();
  });
});
