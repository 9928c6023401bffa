import { describe, expect, it } from "vitest";
import { findAuthorYearCitations, findAuthorYearWorks } from "./find-author-year-citations.ts";

const cites = (text: string) =>
  findAuthorYearCitations(text).map((c) =>
    c.works.map((w) => `${w.surname}${w.coAuthor ? ` & ${w.coAuthor}` : ""}${w.etAl ? " et al." : ""} ${w.year ?? "?"}${w.suffix}`),
  );

describe("parenthetical author–year citations", () => {
  it("reads groups of several works, suffixes and repeated years", () => {
    expect(cites("shown before (Smith et al., 2020a; Lee and Park, 2019).")).toEqual([["Smith et al. 2020a", "Lee & Park 2019"]]);
    expect(cites("as proposed (Smith, 2020, 2021).")).toEqual([["Smith 2020", "Smith 2021"]]);
    expect(cites("in cortex (Pfurtscheller et al., 2003a, b)")).toEqual([["Pfurtscheller et al. 2003a", "Pfurtscheller et al. 2003b"]]);
    expect(cites("in cortex (Smith, 2019, a review)")).toEqual([["Smith 2019"]]);
    expect(cites("users (Kübler et al., 2013, 2020; Kübler, 2020)")).toEqual([["Kübler et al. 2013", "Kübler et al. 2020", "Kübler 2020"]]);
  });

  it("reads lead-ins, Harvard commas, ampersands and 'et al' without its dot", () => {
    expect(cites("a model (e.g., Smith et al., 2020)")).toEqual([["Smith et al. 2020"]]);
    expect(cites("a model (see Lee, 2019)")).toEqual([["Lee 2019"]]);
    expect(cites("a model (Smith 2020; Jones & Brown 2018)")).toEqual([["Smith 2020", "Jones & Brown 2018"]]);
    expect(cites("a model (Smith et al 2020)")).toEqual([["Smith et al. 2020"]]);
    expect(cites("a model (Smith *et al.*, 2020) and Lee _et al._ (2019)")).toEqual([["Smith et al. 2020"], ["Lee et al. 2019"]]);
    expect(cites("a model (Smith et al., in press)")).toEqual([["Smith et al. ?"]]);
  });

  it("reads multi-word surnames, particles and accents", () => {
    expect(cites("factors (Ramsey and Millán José del, 2020)")).toEqual([["Ramsey & Millán José del 2020"]]);
    expect(cites("shown (van der Berg et al., 2011; de la Cruz, 2005)")).toEqual([["van der Berg et al. 2011", "de la Cruz 2005"]]);
    expect(cites("tactile (Brouwer and Van Erp, 2010; Müller-Putz et al., 2006)")).toEqual([["Brouwer & Van Erp 2010", "Müller-Putz et al. 2006"]]);
  });

  it("finds a cite inside another bracket", () => {
    const text = "spatial [2–5 µm (Cetin and Temurtas, 2021)] resolution";
    const [cite] = findAuthorYearCitations(text);
    expect(text.slice(cite!.start, cite!.end)).toBe("(Cetin and Temurtas, 2021)");
  });
});

describe("author–year groups torn by a break", () => {
  it("reads a group left open at the end of a paragraph and one closed at the start of the next", () => {
    expect(cites("power variations (Crone et al., 1998; Gunduz et al., 2012;")).toEqual([["Crone et al. 1998", "Gunduz et al. 2012"]]);
    expect(cites("Hermes et al., 2012, 2014) can characterize it (Lee, 2019).")).toEqual([["Hermes et al. 2012", "Hermes et al. 2014"], ["Lee 2019"]]);
    expect(cites("Results held (see below) for cells, 2019 and later")).toEqual([]);
  });
});

describe("narrative author–year citations", () => {
  it("reads the name before a bracketed year list", () => {
    expect(cites("For instance, Lotte et al. (2007, 2018) provided")).toEqual([["Lotte et al. 2007", "Lotte et al. 2018"]]);
    expect(cites("as Lee and Park (2019) showed")).toEqual([["Lee & Park 2019"]]);
    expect(cites("as Smith (2020a) showed")).toEqual([["Smith 2020a"]]);
    expect(cites("in Smith's (2020) model")).toEqual([["Smith 2020"]]);
    expect(cites("as Smith (2020, p. 5) noted")).toEqual([["Smith 2020"]]);
    expect(cites("Zhou and colleagues (2020) reported")).toEqual([["Zhou et al. 2020"]]);
  });

  it("spans the bracketed years, the name being part of the sentence", () => {
    const text = "Then Willett et al. (2021) developed it.";
    const [cite] = findAuthorYearCitations(text);
    expect(text.slice(cite!.start, cite!.end)).toBe("(2021)");
    expect(cite!.narrative).toBe(true);
  });

  it("keeps a narrative cite after a clause ('BCIs, and Bashashati et al. (2007)')", () => {
    expect(cites("EEG-based BCIs, and Bashashati et al. (2007) reviewed")).toEqual([["Bashashati et al. 2007"]]);
  });
});

describe("not author–year citations", () => {
  it("ignores years in prose and bracketed years without a name", () => {
    expect(cites("In 2020, the FDA approved it; a 1995 conference report (2019) and (1999–2001).")).toEqual([]);
    expect(cites("BCI has been developed for more than 50 years (since 1973).")).toEqual([]);
  });

  it("ignores months, figures and tables with years", () => {
    expect(cites("data (January 2020) and (Figure 3, 2020) and (Table 2, 2019) (accessed 2021)")).toEqual([]);
  });

  it("ignores numbered citations and measurements", () => {
    expect(cites("shown [12] and (3, 4) with (220–500 ms) at (12–30 Hz)")).toEqual([]);
  });
});

describe("work offsets", () => {
  it("point at each work's name and years", () => {
    const text = "shown (e.g., Smith et al., 2020; Lee, 2019) and Park (2018) and (Kim, 2017";
    const spans = findAuthorYearCitations(text).flatMap((c) => c.works.map((w) => text.slice(w.start, w.end)));
    expect(spans).toEqual(["Smith et al., 2020", "Lee, 2019", "Park (2018)", "Kim, 2017"]);
  });
});

describe("findAuthorYearWorks", () => {
  it("reads a References table cell", () => {
    expect(findAuthorYearWorks("Smith et al., 2020; Lee, 2019").map((w) => `${w.surname} ${w.year}`)).toEqual(["Smith 2020", "Lee 2019"]);
  });
});
