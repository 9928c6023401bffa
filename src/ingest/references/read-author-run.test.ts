import { describe, expect, it } from "vitest";
import { readAuthorRun } from "./read-author-run.ts";

function after(text: string): string {
  const run = readAuthorRun(text);
  return run ? text.slice(run.end).trim() : text;
}

describe("readAuthorRun", () => {
  it("reads inverted names joined by commas, '&', 'and' and semicolons", () => {
    expect(readAuthorRun("Moreau, P. L., & Ostrander, K. (2019b). A title.")).toMatchObject({
      shape: "inverted", authors: ["Moreau, P. L.", "Ostrander, K."], etAl: false,
    });
    expect(readAuthorRun("Haldane, B., Iqbal, R., and Okafor, T. (2011). Title.")?.authors).toEqual(["Haldane, B.", "Iqbal, R.", "Okafor, T."]);
    expect(readAuthorRun("Quist, H.-J.; Brandt, S. Title here. J. Org. Chem. 2015, 80, 1–9.")?.authors).toEqual(["Quist, H.-J.", "Brandt, S."]);
    expect(after("Vrana, A., Lund, E. & Sato, Y. Nuclear shape in yeast. Cell 5, 1–2 (2020).")).toBe("Nuclear shape in yeast. Cell 5, 1–2 (2020).");
  });

  it("reads Vancouver names with particles and hyphens, closed by et al.", () => {
    const run = readAuthorRun("Lindqvist M, van der Berg JH, Al-Nasser K, et al. Some title. Lancet. 2001;5:1-2.");
    expect(run).toMatchObject({ shape: "vancouver", authors: ["Lindqvist M", "van der Berg JH", "Al-Nasser K"], etAl: true });
    expect(after("Lindqvist M, Ortega PR. Some title. Lancet. 2001;5:1-2.")).toBe(". Some title. Lancet. 2001;5:1-2.");
  });

  it("reads forward names up to the comma before the journal or title", () => {
    expect(readAuthorRun("T. Okafor, M.-L. Chen and R. de Vries, J. Mater. Chem., 2014, 2, 10.")).toMatchObject({
      shape: "forward", authors: ["T. Okafor", "M.-L. Chen", "R. de Vries"],
    });
    // "J. Am. Chem. Soc." is not a name: a surname is not followed by a full stop.
    expect(readAuthorRun("P. Nagy, J. Am. Chem. Soc., 2001, 123, 4.")?.authors).toEqual(["P. Nagy"]);
    expect(after('K. Sato and F. Ruiz, "A fast decoder," IEEE Trans. Inf. Theory, vol. 3, 2010.')).toBe(', "A fast decoder," IEEE Trans. Inf. Theory, vol. 3, 2010.');
  });

  it("takes a dotless initial only before a comma, an ellipsis as more authors, and no run in prose", () => {
    expect(readAuthorRun("Kessler, A, Marsh, C. (2013). Title.")?.authors).toEqual(["Kessler, A", "Marsh, C."]);
    expect(readAuthorRun("Kessler, A. A framework for things.")?.authors).toEqual(["Kessler, A."]);
    expect(readAuthorRun("Ames, B., Cole, D., … Young, Z. (2020). Title.")).toMatchObject({ authors: ["Ames, B.", "Cole, D.", "Young, Z."], etAl: true });
    expect(readAuthorRun("the results were robust.")).toBeNull();
    expect(readAuthorRun("M. J., et al. (2021). Title.")).toBeNull();
  });
});
