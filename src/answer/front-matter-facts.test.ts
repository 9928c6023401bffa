import { describe, expect, it } from "vitest";
import { affiliations, correspondingAuthors, editorsAndReviewers, historyDates } from "./front-matter-facts.ts";

const panels = [
  "EDITED BY",
  "Mara Holt, Lakeside University, Canada",
  "*CORRESPONDENCE",
  "Ines Brandt",
  "✉ ibrandt@example.edu",
  "RECEIVED 03 March 2022",
  "ACCEPTED 19 May 2022",
  "PUBLISHED 02 June 2022",
  "Sleep spindles and memory",
  "Tom Ashby¹ and Ines Brandt^{2*}",
  "¹Department of Psychology, Northfield University, Leeds, United Kingdom, ²Sleep Institute, Harbour Hospital, Hull, United Kingdom",
].join("\n");
const footnote = [
  "Received 4th January 2021",
  "Accepted: February 9, 2021",
  "Lena Park, Omar Said and Jun Ito *",
  "School of Chemistry, Eastbay University, Bristol BS8 1TS, UK. E-mail: jun.ito@eastbay.ac.uk",
].join("\n");

describe("front-matter facts", () => {
  it("reads labelled history dates in either layout", () => {
    expect(historyDates(panels)).toEqual({ received: "03 March 2022", accepted: "19 May 2022", published: "02 June 2022" });
    expect(historyDates(footnote)).toEqual({ received: "4th January 2021", accepted: "February 9, 2021" });
    expect(historyDates("Sleep spindles and memory")).toEqual({});
  });

  it("finds the corresponding authors in a panel, else by the star in the author line", () => {
    expect(correspondingAuthors(panels, ["Tom Ashby", "Ines Brandt"])).toEqual({ names: ["Ines Brandt"], emails: ["ibrandt@example.edu"] });
    expect(correspondingAuthors(footnote, ["Lena Park", "Omar Said", "Jun Ito"])).toEqual({ names: ["Jun Ito"], emails: ["jun.ito@eastbay.ac.uk"] });
    expect(correspondingAuthors("Lena Park and Jun Ito", ["Lena Park", "Jun Ito"]).names).toEqual([]);
  });

  it("reads the editors' panel", () => {
    expect(editorsAndReviewers(panels)).toEqual({ editors: ["Mara Holt, Lakeside University, Canada"], reviewers: [] });
    expect(editorsAndReviewers(footnote)).toEqual({ editors: [], reviewers: [] });
  });

  it("reads the authors' affiliations, not the editors'", () => {
    expect(affiliations(panels)).toEqual([
      "¹Department of Psychology, Northfield University, Leeds, United Kingdom, ²Sleep Institute, Harbour Hospital, Hull, United Kingdom",
    ]);
    expect(affiliations(footnote)).toEqual(["School of Chemistry, Eastbay University, Bristol BS8 1TS, UK"]);
  });
});
