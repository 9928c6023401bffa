import { describe, expect, it } from "vitest";
import { DocumentMentions } from "../retrieve/document-mentions.ts";
import { Corpus } from "../store/corpus.ts";
import type { StoredDocument } from "../store/index-files.ts";
import type { DocumentMeta } from "../types.ts";
import type { AnswerResources } from "./answer-resources.ts";
import { FRONT_MATTER_SECTION, RECORD_SECTION, REFERENCE_LIST_SECTION, answerDocumentFacts } from "./document-facts.ts";

const metas: DocumentMeta[] = [
  {
    id: "okafor2021",
    file: "okafor.txt",
    title: "Statins in kidney disease: a review",
    authors: ["Ada Okafor", "Ben Lund", "Cleo Marsh"],
    journal: "Kidney Int.",
    year: 2021,
    volume: "99",
    doi: "10.1000/ki.2021.1",
    url: "https://doi.org/10.1000/ki.2021.1",
  },
  { id: "rossi2019", file: "rossi.md", title: "Sleep and memory", authors: ["Dario Rossi"], year: 2019 },
];
const frontMatter = "RECEIVED 03 March 2021\nStatins in kidney disease: a review\nAda Okafor, Ben Lund and Cleo Marsh *\nSchool of Medicine, Eastbay University, Bristol, UK. E-mail: c.marsh@eastbay.ac.uk";
// A printed list that skips number 2.
const okaforReferences = [1, 3, 4].map((n) => {
  const year = n === 3 ? 2019 : 2020;
  return { n, text: `Author${n} A. Title ${n}. J Test. ${year};${n}:1-2.`, authors: [`Author${n} A`], year };
});
const corpus = new Corpus({
  documents: metas.map(
    (meta) =>
      ({
        meta,
        references: meta.id === "okafor2021" ? okaforReferences : [],
        missingReferenceNumbers: meta.id === "okafor2021" ? [2] : [],
        ...(meta.id === "okafor2021" ? { frontMatter } : {}),
      }) as unknown as StoredDocument,
  ),
  chunks: [],
  links: [],
});
const res = { corpus, mentions: new DocumentMentions(metas) } as unknown as AnswerResources;

describe("answerDocumentFacts", () => {
  it("answers from the named paper's record and cites the record", () => {
    const payload = answerDocumentFacts("Who wrote the Okafor review?", res)!;
    expect(payload.refused).toBe(false);
    expect(payload.references).toEqual([]);
    expect(payload.answer).toContain("Ada Okafor, Ben Lund and Cleo Marsh");
    expect(payload.answer).not.toContain("Rossi");
    expect(payload.sources).toHaveLength(1);
    expect(payload.sources[0]).toMatchObject({ n: 1, docId: "okafor2021", section: RECORD_SECTION });
    expect(payload.sources[0]!.text).toContain("10.1000/ki.2021.1");
    expect(answerDocumentFacts("What is the DOI of the Okafor paper?", res)!.answer).toContain("10.1000/ki.2021.1");
    expect(answerDocumentFacts("How many authors does the Okafor review have?", res)!.answer).toContain("3 authors");
    expect(answerDocumentFacts("Who is the first author of the Okafor review?", res)!.answer).toContain("is Ada Okafor");
  });

  it("answers every document for the reviews, and says what a record lacks", () => {
    const payload = answerDocumentFacts("Which journals published the reviews?", res)!;
    expect(payload.sources.map((source) => source.docId)).toEqual(["okafor2021", "rossi2019"]);
    expect(payload.answer).toContain("Kidney Int.");
    expect(payload.answer).toMatch(/Rossi et al\. \(2019\) does not give the journal/);
    expect(answerDocumentFacts("What is the DOI of the review?", res, ["rossi2019"])!.answer).toMatch(/does not give a DOI/);
    expect(answerDocumentFacts("Who is the corresponding author of the review?", res, ["rossi2019"])!.answer).toMatch(/does not give which author/);
  });

  it("answers dates, correspondence and affiliations from the front matter, citing it", () => {
    const corresponding = answerDocumentFacts("Who is the corresponding author of the Okafor review?", res)!;
    expect(corresponding.answer).toContain("is Cleo Marsh (c.marsh@eastbay.ac.uk)");
    expect(corresponding.sources[0]).toMatchObject({ section: FRONT_MATTER_SECTION, text: frontMatter });
    expect(answerDocumentFacts("When was the Okafor paper received?", res)!.answer).toContain("received on 03 March 2021");
    expect(answerDocumentFacts("Which institutions are the Okafor review's authors affiliated with?", res)!.answer).toContain("Eastbay University");
    // No published date printed: the record's year.
    expect(answerDocumentFacts("When was the Okafor review published?", res)!.answer).toContain("published in 2021");
  });

  it("reads \"it\" as the only document in scope, unless a conversation came before", () => {
    expect(answerDocumentFacts("Who wrote it?", res, ["rossi2019"])!.answer).toContain("written by Dario Rossi");
    expect(answerDocumentFacts("Who wrote it?", res, ["rossi2019"], true)).toBeNull();
    expect(answerDocumentFacts("Who wrote it?", res)).toBeNull();
  });

  it("reads \"it\" in a conversation as the paper the latest turn naming one paper named", () => {
    const history = [
      { role: "user" as const, content: "What does the Rossi review say about sleep spindles?" },
      { role: "assistant" as const, content: "Spindles predict memory gains [1]." },
    ];
    expect(answerDocumentFacts("Who wrote it?", res, undefined, history)!.answer).toContain("written by Dario Rossi");
    expect(answerDocumentFacts("Who wrote it?", res, undefined, [{ role: "user", content: "Which statins protect the kidney?" }])).toBeNull();
  });

  it("counts a paper's reference list, with the numbers it skips, citing the list; a paper without one is said to have none readable", () => {
    const payload = answerDocumentFacts("How many references does the Okafor review have?", res)!;
    expect(payload.answer).toBe("The reference list of Okafor et al. (2021) has 3 entries, numbered 1–4; number 2 is missing from the printed list. [1]");
    expect(payload.sources[0]).toMatchObject({ section: REFERENCE_LIST_SECTION, docId: "okafor2021" });
    expect(payload.sources[0]!.text).toMatch(/^1\. Author1 A\. .* … 4\. Author4 A\./);
    expect(answerDocumentFacts("How many papers does the Rossi review cite?", res)!.answer).toContain("No reference list could be read from Rossi et al. (2019).");
  });

  it("lists a paper's reference entries, or those from the year asked, as references of the answer", () => {
    const all = answerDocumentFacts("List the references of the Okafor review.", res)!;
    expect(all.answer.split("\n")).toEqual([
      "The reference list of Okafor et al. (2021) has 3 entries, numbered 1–4; number 2 is missing from the printed list. The first 3: [1]",
      "1. Author1 A. Title 1. J Test. 2020;1:1-2.",
      "3. Author3 A. Title 3. J Test. 2019;3:1-2.",
      "4. Author4 A. Title 4. J Test. 2020;4:1-2.",
    ]);
    expect(all.references.map((ref) => ref.n)).toEqual([1, 3, 4]);
    const from2019 = answerDocumentFacts("Which references from 2019 does the Okafor review cite?", res)!;
    expect(from2019.answer).toBe("1 of the 3 entries in the reference list of Okafor et al. (2021) is from 2019: [1]\n3. Author3 A. Title 3. J Test. 2019;3:1-2.");
    expect(from2019.references.map((ref) => ref.n)).toEqual([3]);
    expect(answerDocumentFacts("Which references are from 2005 in the Okafor review?", res)!.answer).toMatch(/^None of the 3 entries .* is from 2005\. \[1\]$/);
  });

  it("leaves content questions to the pipeline", () => {
    expect(answerDocumentFacts("Which authors found that statins protect the kidney?", res)).toBeNull();
    expect(answerDocumentFacts("What year did the FDA approve rosuvastatin?", res)).toBeNull();
  });
});
