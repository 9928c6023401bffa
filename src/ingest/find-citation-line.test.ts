import { describe, expect, it } from "vitest";
import { findCitationLine } from "./find-citation-line.ts";

describe("findCitationLine", () => {
  it("reads journal, year and volume in the orders citation lines print them", () => {
    expect(findCitationLine(["1234 Journal of Plant Signals, 2021, Vol. 17, No. 4"])).toEqual({ journal: "Journal of Plant Signals", year: 2021, volume: "17" });
    expect(findCitationLine(["Marine Letters, 2019, 33, 101–117"])).toEqual({ journal: "Marine Letters", year: 2019, volume: "33" });
    expect(findCitationLine(["Smith et al., Cell Reports 41, 223–230 (2022) 3 May 2022 1 of 8"])).toEqual({ journal: "Cell Reports", year: 2022, volume: "41" });
    expect(findCitationLine(["Soil Reviews 9, 40–52, March 3, 2020"])).toEqual({ journal: "Soil Reviews", year: 2020, volume: "9" });
    expect(findCitationLine(["Ocean Chemistry | (2024)15:515 1"])).toEqual({ journal: "Ocean Chemistry", year: 2024, volume: "15" });
    expect(findCitationLine(["Doe et al. Genome Notes (2023) 22:37 Page 2 of 9"])).toEqual({ journal: "Genome Notes", year: 2023, volume: "22" });
    expect(findCitationLine(["880 PNAS | June 15, 2004 | vol. 101 | no. 24"])).toEqual({ journal: "PNAS", year: 2004, volume: "101" });
    expect(findCitationLine(["Geo. Lett. 2018.12:100-110"])).toEqual({ journal: "Geo. Lett.", year: 2018, volume: "12" });
  });

  it("prefers a line naming the journal, and keeps year and volume from a line without one", () => {
    const lines = ["Received 3 May 2021 Accepted 9 June 2021", "July 2021 Volume 12 Issue 3 10.1234/abc.5 1", "Cellular Logic, 2021, 12, 55–60"];
    expect(findCitationLine(lines)).toEqual({ journal: "Cellular Logic", year: 2021, volume: "12" });
    expect(findCitationLine(lines.slice(0, 2))).toEqual({ year: 2021, volume: "12" });
  });

  it("names a preprint server from its stamp", () => {
    const stamp = "medRxiv preprint doi: https://doi.org/10.1101/2023.01.01.000001; this version posted January 3, 2023. The copyright holder";
    expect(findCitationLine([stamp])).toEqual({ journal: "medRxiv", year: 2023 });
  });

  it("finds nothing in prose, dates and affiliations", () => {
    expect(findCitationLine(["Received: March 13, 2023. Revised: January 16, 2024.", "Department of Biology, Kyoto 606, Japan", "as shown in Figure 3, 12–15 cells (2019)"])).toBeUndefined();
  });
});
