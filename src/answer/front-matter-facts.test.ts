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
    expect(historyDates("Received: 2021.06.06; Accepted: 2021.09.04; Published: 2021.09.18")).toEqual({ received: "2021.06.06", accepted: "2021.09.04", published: "2021.09.18" });
  });

  it("finds the corresponding authors in a panel, else by the star in the author line", () => {
    expect(correspondingAuthors(panels, ["Tom Ashby", "Ines Brandt"])).toEqual({ names: ["Ines Brandt"], emails: ["ibrandt@example.edu"] });
    expect(correspondingAuthors(footnote, ["Lena Park", "Omar Said", "Jun Ito"])).toEqual({ names: ["Jun Ito"], emails: ["jun.ito@eastbay.ac.uk"] });
    expect(correspondingAuthors("Lena Park and Jun Ito", ["Lena Park", "Jun Ito"]).names).toEqual([]);
    // A panel whose addresses share lines with the next name, closed by a line of dates.
    const shared = "*CORRESPONDENCE\nLena Park\nlpark@example.org Jun Ito\njito@example.org\nRECEIVED 4 May 2020 ACCEPTED 9 June 2020";
    expect(correspondingAuthors(shared, [])).toEqual({ names: ["Lena Park", "Jun Ito"], emails: ["lpark@example.org", "jito@example.org"] });
  });

  it("reads a correspondence label with its addresses on the same line, each opening with its author's name", () => {
    const line =
      "Lena Park¹, Omar Said², Jun Ito¹\nCorresponding authors: Lena Park, School of Chemistry, Eastbay University, Bristol. E-mail: lp@eastbay.ac.uk; " +
      "Jun Ito, Department of Surgery, Harbour Hospital, Hull, UK. E-mail: ito7@harbour.nhs.uk or jun@example.org.";
    expect(correspondingAuthors(line, ["Lena Park", "Omar Said", "Jun Ito"])).toEqual({
      names: ["Lena Park", "Jun Ito"],
      emails: ["lp@eastbay.ac.uk", "ito7@harbour.nhs.uk", "jun@example.org"],
    });
    // An address opening with no author's name names no one.
    expect(correspondingAuthors("Correspondence to: Editorial Office, Eastbay University. E-mail: office@eastbay.ac.uk", ["Lena Park"]).names).toEqual([]);
  });

  it("else reads the author an address's local part names by initials or surname, when it names exactly one", () => {
    const envelope = "1 ✉ Lena Park ¹, Omar Said¹ and Jun Hee Ito\n¹School of Chemistry, Eastbay University. email: jhi7q@eastbay.ac.uk";
    expect(correspondingAuthors(envelope, ["Lena Park", "Omar Said", "Jun Hee Ito"])).toEqual({ names: ["Jun Hee Ito"], emails: ["jhi7q@eastbay.ac.uk"] });
    expect(correspondingAuthors("Lena Park and Omar Said\nE-mail: o.said@eastbay.ac.uk", ["Lena Park", "Omar Said"]).names).toEqual(["Omar Said"]);
    // An address naming no author, or two, names no one.
    expect(correspondingAuthors("Lena Park and Omar Said\nE-mail: office@eastbay.ac.uk", ["Lena Park", "Omar Said"]).names).toEqual([]);
    expect(correspondingAuthors("Lena Park and Lars Park\nE-mail: park@eastbay.ac.uk", ["Lena Park", "Lars Park"]).names).toEqual([]);
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
    // Numbered affiliations closed by a full stop: listed without it, so the answer joins them cleanly.
    expect(affiliations("1. Department of Surgery, Harbour Hospital, Hull, UK.\n2. School of Chemistry, Eastbay University, Bristol, UK.")).toEqual([
      "1. Department of Surgery, Harbour Hospital, Hull, UK",
      "2. School of Chemistry, Eastbay University, Bristol, UK",
    ]);
    expect(affiliations("Design Center, Eastbay University, Bristol, UK; orcid.org/0000-0001-2345-6789; Email: jo@eastbay.ac.uk")).toEqual([
      "Design Center, Eastbay University, Bristol, UK",
    ]);
  });
});
