import { describe, expect, it } from "vitest";
import { DEFAULT_STARTERS, DEFAULT_TITLE, parseDocs, parseStarters, readWidgetOptions } from "./widget-options.ts";

describe("widget options", () => {
  it("reads starters as a |-list or a JSON array, dropping blanks", () => {
    expect(parseStarters("What is P-gp? | |How do liposomes work?")).toEqual(["What is P-gp?", "How do liposomes work?"]);
    expect(parseStarters('["a|b", "c", 3]')).toEqual(["a|b", "c"]);
    expect(parseStarters(undefined)).toBeUndefined();
  });

  it("reads docs as a comma list", () => {
    expect(parseDocs(" guan2024, verma2024 ,")).toEqual(["guan2024", "verma2024"]);
    expect(parseDocs("")).toBeUndefined();
  });

  it("falls back to defaults and ignores invalid values", () => {
    const options = readWidgetOptions({ position: "top-middle", accent: "red;}</style>" }, "http://127.0.0.1:3000/");
    expect(options).toMatchObject({
      server: "http://127.0.0.1:3000/",
      title: DEFAULT_TITLE,
      position: "bottom-right",
      starters: DEFAULT_STARTERS,
      mode: "inline",
    });
    // No CSS in node: colours cannot be validated, so none is applied.
    expect(options.accent).toBeUndefined();
  });
});
