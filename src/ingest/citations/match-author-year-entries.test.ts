import { describe, expect, it } from "vitest";
import type { ReferenceEntry } from "../../types.ts";
import { findAuthorYearWorks } from "./find-author-year-citations.ts";
import { matchAuthorYearEntries } from "./match-author-year-entries.ts";

// An alphabetical APA-style list, numbered by position as the parser numbers it.
const LIST = [
  { text: "Kübler, A. (2020). The history of BCI. Neuroethics 13, 163–180.", authors: ["Kübler, A."], year: 2020 },
  { text: "Kübler, A., Holz, E. M., Riccio, A., et al. (2014). User-centred design. PLoS One 9:e112392.", authors: ["Kübler, A.", "Holz, E. M.", "Riccio, A."], year: 2014 },
  { text: "Kübler, A., Nijboer, F., and Kleih, S. (2020). Hearing the needs of clinical users. Handb. Clin. Neurol. 168.", authors: ["Kübler, A.", "Nijboer, F.", "Kleih, S."], year: 2020 },
  { text: "Lee, J., and Park, K. (2019). A two-author paper. J. Neural Eng. 16.", authors: ["Lee, J.", "Park, K."], year: 2019 },
  { text: "Lee, J., and Kim, S. (2019). Another two-author paper. J. Neural Eng. 16.", authors: ["Lee, J.", "Kim, S."], year: 2019 },
  { text: "Pfurtscheller, G., Graimann, B., and Huggins, J. E. (2003a). Beta desynchronization. Clin. Neurophysiol.", authors: ["Pfurtscheller, G.", "Graimann, B.", "Huggins, J. E."], year: 2003 },
  { text: "Pfurtscheller, G., Müller, G. R., and Rupp, R. (2003b). Thought control. Neurosci. Lett.", authors: ["Pfurtscheller, G.", "Müller, G. R.", "Rupp, R."], year: 2003 },
  { text: "Ramsey, N., and Millán José del, R. (2020). Brain-computer interfaces. Amsterdam: Elsevier.", authors: ["Ramsey, N.", "Millán José del, R."], year: 2020 },
  { text: "van der Berg, P., Smit, Q., and Jansen, R. (2011). Dutch names. Brain 1.", authors: ["van der Berg, P.", "Smit, Q.", "Jansen, R."], year: 2011 },
  { text: "Willett, F. R., Avansino, D. T., Hochberg, L. R., et al. (2021). High-performance handwriting. Nature 593.", authors: ["Willett, F. R.", "Avansino, D. T.", "Hochberg, L. R."], year: 2021 },
  { text: "Willett, F. R., Kunz, E. M., Fan, C., et al. (2023). A speech neuroprosthesis. Nature 620.", authors: ["Willett, F. R.", "Kunz, E. M.", "Fan, C."], year: 2023 },
  { text: "Zhou, Q. (in press). A forthcoming paper. Neuron.", authors: ["Zhou, Q."] },
];
const references: ReferenceEntry[] = LIST.map((entry, i) => ({ n: i + 1, paperKey: `k${i}`, ...entry }));
const matcher = matchAuthorYearEntries(references);
const resolve = (cite: string) => findAuthorYearWorks(cite).map((work) => matcher.resolve(work));

describe("matchAuthorYearEntries", () => {
  it("resolves by first-author surname and year", () => {
    expect(resolve("Willett et al., 2021, 2023")).toEqual([[10], [11]]);
    expect(resolve("Kübler et al., 2014")).toEqual([[2]]);
  });

  it("tells a single author from 'et al.' in the same year", () => {
    expect(resolve("Kübler, 2020")).toEqual([[1]]);
    expect(resolve("Kübler et al., 2020")).toEqual([[3]]);
  });

  it("uses the second author of a two-author cite", () => {
    expect(resolve("Lee and Park, 2019")).toEqual([[4]]);
    expect(resolve("Lee & Kim, 2019")).toEqual([[5]]);
    expect(resolve("Ramsey and Millán José del, 2020")).toEqual([[8]]);
  });

  it("uses year suffixes", () => {
    expect(resolve("Pfurtscheller et al., 2003a, b")).toEqual([[6], [7]]);
  });

  it("reads particles and drops lead-in words", () => {
    expect(resolve("van der Berg et al., 2011")).toEqual([[9]]);
    expect(resolve("See Willett et al., 2021")).toEqual([[10]]);
    expect(resolve("Kübler A, 2014")).toEqual([[2]]);
  });

  it("matches 'in press' to an entry without a year", () => {
    expect(resolve("Zhou, in press")).toEqual([[12]]);
    expect(resolve("Willett et al., in press")).toEqual([[]]);
  });

  it("leaves unknown authors and years unresolved", () => {
    expect(resolve("Smith et al., 2021")).toEqual([[]]);
    expect(resolve("Willett et al., 2022")).toEqual([[]]);
  });

  it("reads author and year from the entry text when the list gave no fields", () => {
    const bare = matchAuthorYearEntries(LIST.map((entry, i) => ({ n: i + 1, paperKey: "", text: entry.text, authors: [] })));
    const work = findAuthorYearWorks("Kübler, 2020; Lee and Park, 2019; Pfurtscheller et al., 2003b");
    expect(work.map((w) => bare.resolve(w))).toEqual([[1], [4], [7]]);
  });
});
