import { describe, expect, it } from "vitest";
import { printsValue, requestedValue } from "./requested-value.ts";

describe("requestedValue", () => {
  it("reads the kind of value asked for and the names it is asked about", () => {
    expect(requestedValue("What was the zeta potential of the ABC-lipo nanocarriers?")).toEqual({
      kinds: ["zeta-potential"],
      label: "zeta potential",
      entity: "ABC-lipo nanocarriers",
      entityWords: ["ABC-lipo", "nanocarriers"],
      entityTerms: expect.arrayContaining(["abclipo", "nanocarri"]),
      contextTerms: [],
    });
    expect(requestedValue("What dose of zorbitinib was given to patients?")).toMatchObject({ kinds: ["dose"], entity: "zorbitinib" });
    expect(requestedValue("Which hazard ratio did the SUNRISE-3 trial report for overall survival?")).toMatchObject({
      kinds: ["hazard-ratio"],
      entity: "SUNRISE-3 trial",
      contextTerms: ["surviv"],
    });
    expect(requestedValue("What is the IC50 of quercetin in MDA-MB-231 cells?")?.kinds).toEqual(["ic50"]);
    expect(requestedValue("How many patients were enrolled in the SUNRISE-3 trial?")).toMatchObject({ kinds: ["count"], entity: "SUNRISE-3 trial" });
    expect(requestedValue("What was the hydrodynamic diameter of the gold nanorods?")).toMatchObject({ kinds: ["size"], entity: "gold nanorods" });
    expect(requestedValue("How wide are the gaps between endothelial cells?")?.kinds).toEqual(["size"]);
    expect(requestedValue("What half-life did zorbitinib reach in plasma?")).toMatchObject({ kinds: ["duration"], entity: "zorbitinib" });
    expect(requestedValue("How often was zorbitinib administered?")?.kinds).toEqual(["schedule"]);
    expect(requestedValue("What was the median follow-up of the SUNRISE-3 trial?")?.kinds).toEqual(["duration"]);
    expect(requestedValue("In what year was zorbitinib approved?")?.kinds).toEqual(["year"]);
    expect(requestedValue("What p-value did the zorbitinib arm reach versus placebo?")).toMatchObject({ kinds: ["p-value"], entity: "zorbitinib" });
    expect(requestedValue("What percentage of tumours respond to zorbitinib?")?.kinds).toEqual(["percentage"]);
    expect(requestedValue("What was the trial number for the zorbitinib study?")).toMatchObject({ kinds: ["trial-id"], entity: "zorbitinib" });
    expect(requestedValue("What is the NCT number of the SUNRISE-3 trial?")?.kinds).toEqual(["trial-id"]);
  });

  it("takes the rarest name as the entity, the others as context, and not the setting", () => {
    const rarity: Record<string, number> = { zorbitinib: 9, letrozol: 4 };
    const idf = (term: string) => rarity[term] ?? 1;
    expect(requestedValue("What dose of letrozole was used with zorbitinib?", idf)).toMatchObject({ entity: "zorbitinib", contextTerms: ["letrozol"] });
    // A code-like name ("HER2-negative") in the setting does not outrank the drug.
    expect(requestedValue("What dose of zorbitinib is given in HER2-negative breast cancer?", idf)?.entity).toBe("zorbitinib");
    expect(requestedValue("What dose did the 4T1 tumour-bearing mice receive of zorbitinib?", idf)?.entity).toBe("zorbitinib");
  });

  it("keeps the object when the question's verb is a function word ('do … have')", () => {
    expect(requestedValue("What zeta potential do the gold nanorods carrying miR-99 have?")?.entity).toBe("gold nanorods carrying miR-99");
  });

  it("does not take a count of reviews or trials for the entity", () => {
    const idf = (term: string) => (term === "two" ? 8 : 3);
    expect(requestedValue("What IC50 values for zorbitinib do the two reviews report?", idf)).toMatchObject({ entity: "zorbitinib", contextTerms: [] });
  });

  it("leaves the verb out of the entity", () => {
    expect(requestedValue("How long did ABC-lipo circulate in blood?")?.entity).toBe("ABC-lipo");
    expect(requestedValue("How large were the ABC-lipo particles prepared by the authors?")?.entity).toBe("ABC-lipo particles");
  });

  it("leaves questions that ask for no particular value alone", () => {
    expect(requestedValue("How do liposomes overcome efflux pumps?")).toBeUndefined();
    expect(requestedValue("Why is the effect of zorbitinib dose-dependent?")).toBeUndefined();
    expect(requestedValue("Do HR+ tumours respond to zorbitinib?")).toBeUndefined();
    expect(requestedValue("When does resistance to zorbitinib develop?")).toBeUndefined();
  });

  it("leaves questions that only mention a kind of value alone", () => {
    expect(requestedValue("How does particle size affect the uptake of ABC-lipo?")).toBeUndefined();
    expect(requestedValue("What determines the size of ABC-lipo particles?")).toBeUndefined();
    expect(requestedValue("Why is reducing the dose of zorbitinib important?")).toBeUndefined();
    expect(requestedValue("Does ABC-lipo reduce the dose of paclitaxel needed?")).toBeUndefined();
    expect(requestedValue("What role does dosing frequency play for zorbitinib?")).toBeUndefined();
    expect(requestedValue("How do the reviews describe the duration of response to zorbitinib?")).toBeUndefined();
    // …but a value asked after a comma, or with an imperative, is asked.
    expect(requestedValue("For the ABC-lipo particles, what was the zeta potential?")?.kinds).toEqual(["zeta-potential"]);
    expect(requestedValue("Give the IC50 of zorbitinib in resistant cells.")?.kinds).toEqual(["ic50"]);
  });

  it("reads a rate in the question's slot as a percentage", () => {
    const idf = (term: string) => (term === "zorbitinib" ? 9 : 2);
    expect(requestedValue("What five-year event-free survival rate did zorbitinib reach?", idf)).toMatchObject({ kinds: ["percentage"], entity: "zorbitinib" });
    expect(requestedValue("What objective response rate was seen with zorbitinib?", idf)?.kinds).toEqual(["percentage"]);
    expect(requestedValue("Why does the response rate to zorbitinib fall?", idf)).toBeUndefined();
  });

  it("reads 'how much … was loaded' as an amount or a loading percentage", () => {
    expect(requestedValue("How much doxorubicin was loaded into the ABC-lipo particles?")?.kinds).toEqual(["dose", "percentage"]);
  });

  it("reads 'sample size' as a count, not a size", () => {
    expect(requestedValue("What was the sample size of the SUNRISE-3 trial?")?.kinds).toEqual(["count"]);
  });

  it("needs something to ask about", () => {
    expect(requestedValue("What was the dose?")).toBeUndefined();
  });
});

describe("printsValue, for a trial's registration number", () => {
  it("reads the registries' identifiers, not any number", () => {
    expect(printsValue(["trial-id"], "Phase III NCT04305496; capivasertib plus fulvestrant")).toBe(true);
    expect(printsValue(["trial-id"], "registered as ISRCTN12345678")).toBe(true);
    expect(printsValue(["trial-id"], "Phase II trial in 120 patients")).toBe(false);
  });
});

describe("printsValue", () => {
  it("finds each kind's printed shapes", () => {
    expect(printsValue(["dose"], "Mice received 5 mg/kg twice weekly.")).toBe(true);
    expect(printsValue(["dose"], "Patients received 125 mg orally.")).toBe(true);
    expect(printsValue(["schedule"], "Mice received 5 mg/kg twice weekly.")).toBe(true);
    expect(printsValue(["schedule"], "given on days 1 to 21 of a 28-day cycle")).toBe(true);
    expect(printsValue(["duration"], "after a median follow-up of 26.4 months")).toBe(true);
    expect(printsValue(["duration"], "miRs are 18–22 nucleotide long")).toBe(true);
    expect(printsValue(["duration"], "particles of 74 nm")).toBe(false);
    expect(printsValue(["hazard-ratio"], "improved survival (HR 0.56; 95% CI 0.43–0.72)")).toBe(true);
    expect(printsValue(["ic50"], "with an IC50 of 12.5 µM in resistant cells")).toBe(true);
    expect(printsValue(["size"], "particles with a diameter of (74 ± 2) nm")).toBe(true);
    expect(printsValue(["zeta-potential"], "a zeta potential of −23.4 mV")).toBe(true);
    expect(printsValue(["percentage"], "tumour growth fell by 94.1%")).toBe(true);
    expect(printsValue(["count"], "The trial enrolled 668 women.")).toBe(true);
    expect(printsValue(["year"], "It was approved in 2019.")).toBe(true);
    expect(printsValue(["p-value"], "the difference was significant (P < 0.001)")).toBe(true);
  });

  it("reads side effects asked of an entity as harms a sentence about it must name", () => {
    const idf = (term: string) => (term === "zorbitinib" ? 9 : 2);
    expect(requestedValue("What are the side effects of zorbitinib?", idf)).toMatchObject({ kinds: ["side-effects"], entity: "zorbitinib" });
    expect(requestedValue("What adverse events of zorbitinib were reported?", idf)?.kinds).toEqual(["side-effects"]);
    // Side effects as a topic, not asked of something.
    expect(requestedValue("Do side effects limit chemotherapy?", idf)).toBeUndefined();
    expect(requestedValue("How do nanoparticles reduce side effects?", idf)).toBeUndefined();
    expect(printsValue(["side-effects"], "Adverse events primarily included anemia and neutropenia.")).toBe(true);
    expect(printsValue(["side-effects"], "Its cardiotoxicity limited the dose.")).toBe(true);
    // A cell-killing assay is no harm to patients.
    expect(printsValue(["side-effects"], "The cytotoxicity of zorbitinib rose in resistant cells.")).toBe(false);
  });

  it("does not take names, measures or labels for counts", () => {
    expect(printsValue(["count"], "MCF-7 and MDA-MB-231 cells express miR-21.")).toBe(false);
    expect(printsValue(["count"], "Two patients relapsed; 40% responded.")).toBe(true); // "Two" is a spelled count…
    // …but a spelled number before a unit of time is a measure, as "2 years" is.
    expect(printsValue(["count"], "Two years of therapy; 40% responded.")).toBe(false);
    expect(printsValue(["count"], "It improved three-year event-free survival.")).toBe(false);
    expect(printsValue(["count"], "After 2 years, 40% responded.")).toBe(false);
    expect(printsValue(["count"], "It was approved in 2019.")).toBe(false);
  });

  it("does not take a related word for a value", () => {
    expect(printsValue(["zeta-potential"], "The surface charge was negative.")).toBe(false);
    expect(printsValue(["hazard-ratio"], "HR-positive breast cancer resists endocrine therapy.")).toBe(false);
    expect(printsValue(["dose"], "Toxicity was dose-limiting.")).toBe(false);
    expect(printsValue(["ic50"], "The IC50 fell in MCF-7 cells.")).toBe(false);
    expect(printsValue(["percentage"], "in the lysosome (pH = 4.5)")).toBe(false);
    expect(printsValue(["percentage"], "a response rate of 0.45")).toBe(true);
  });
});
