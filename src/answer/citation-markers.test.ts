import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MarkerStreamFilter, invalidMarkerWarning, sanitizeCitationMarkers } from "./citation-markers.ts";

describe("sanitizeCitationMarkers", () => {
  it("keeps markers that point at sources and drops the others with their space", () => {
    const result = sanitizeCitationMarkers("Liposomes help [1]. Nanoshells too [9]. Both [2, 9] and [2–3]. Again [1].", 3);
    expect(result.text).toBe("Liposomes help [1]. Nanoshells too. Both [2] and [2, 3]. Again [1].");
    expect(result.cited).toEqual([1, 2, 3]);
    expect(result.invalid).toEqual([9]);
  });

  it("treats [0] and huge numbers as invalid and leaves other brackets alone", () => {
    const result = sanitizeCitationMarkers("Zero [0], big [999], text [note], year [12345], range [1-2].", 2);
    expect(result.text).toBe("Zero, big, text [note], year [12345], range [1, 2].");
    expect(result.invalid).toEqual([0, 999]);
  });

  it("words its warning", () => {
    expect(invalidMarkerWarning([9], 6)).toBe("Removed citation marker [9] that points at no source (there are 6 sources)");
    expect(invalidMarkerWarning([7, 9], 1)).toBe("Removed citation markers [7], [9] that point at no source (there is 1 source)");
  });
});

describe("MarkerStreamFilter", () => {
  it("gives the same text as sanitizing the whole, however the stream is cut", () => {
    const text = "Liposomes carry drugs [1]. Nanoshells [9] ablate [2, 9] tumours [3]. See [10] and [note] [2].";
    const whole = sanitizeCitationMarkers(text, 3).text;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: text.length }), { maxLength: 12 }), (cuts) => {
        const points = [0, ...[...new Set(cuts)].sort((a, b) => a - b), text.length];
        const filter = new MarkerStreamFilter(3);
        let out = "";
        for (let i = 1; i < points.length; i++) out += filter.push(text.slice(points[i - 1], points[i]));
        out += filter.flush();
        expect(out).toBe(whole);
      }),
    );
  });
});
