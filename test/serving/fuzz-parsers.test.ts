// Property tests (fast-check) on the citation-marker and reference-list parsers: on any input
// they never throw, and never produce a reference number that is not in the list.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ReviewChatError } from "../../src/errors.ts";
import { parseDocumentText } from "../../src/ingest/parse-document.ts";
import { parseReferenceList } from "../../src/ingest/references/parse-reference-list.ts";
import {
  type NumberedCitationStyle,
  findCitationMarkers,
  parseNumberList,
  parseReferenceCell,
} from "../../src/ingest/citations/resolve-citation-markers.ts";

/** Runs per property: FUZZ_RUNS=20000 for a longer session (see bench/README). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
/** The reference-list parser takes ~10 ms per generated list on this machine; leave room for busy CI. */
const TIMEOUT_MS = Math.max(60_000, RUNS * 30);

// Pieces real reviews (and their extraction accidents) are made of, so generated text often
// looks like citations, ranges, formulae and units, not just random noise.
const PIECES = [
  "(", ")", "[", "]", "1", "2", "3", "7", "19", "20", "45", "99", "120", "999", "1000", "0", "–", "-", "—", "−", ",", ";",
  " ", "  ", "¹", "²", "³", "⁷", "⁰", "⁹", "⁻", "⁺", "₃", "^{", "}", "Fe", "O", "cm", "mg", "et al.", "(2024)", "2024",
  "\n", "\t", "Figure", "n = 5", "ref.", "refs ", ".", "doxorubicin", "The", "was", "*", "**",
];
const citationish = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join(""));
const anyText = fc.oneof(citationish, fc.string({ maxLength: 200 }), fc.string({ unit: "grapheme", maxLength: 120 }));
const style = fc.constantFrom<NumberedCitationStyle>("parenthetical", "bracket", "superscript");
const maxNumber = fc.oneof(fc.integer({ min: -3, max: 300 }), fc.constantFrom(0, 1, 999, 1000, 5000));

const ascendingUnique = (numbers: number[]) => numbers.every((n, i) => Number.isInteger(n) && (i === 0 || n > numbers[i - 1]!));

describe("findCitationMarkers", () => {
  it("never throws; markers lie in the text, in order, and cite only numbers 1..maxNumber", () => {
    fc.assert(
      fc.property(anyText, style, maxNumber, (text, citationStyle, max) => {
        const markers = findCitationMarkers(text, { style: citationStyle, maxNumber: max });
        let previousEnd = 0;
        for (const marker of markers) {
          expect(marker.start).toBeGreaterThanOrEqual(previousEnd);
          expect(marker.end).toBeGreaterThan(marker.start);
          expect(marker.end).toBeLessThanOrEqual(text.length);
          expect(marker.numbers.length).toBeGreaterThan(0);
          expect(ascendingUnique(marker.numbers)).toBe(true);
          for (const n of marker.numbers) expect(n >= 1 && n <= max).toBe(true);
          previousEnd = marker.end;
        }
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT_MS);
});

describe("parseReferenceCell and parseNumberList", () => {
  it("never throw and stay within the list", () => {
    fc.assert(
      fc.property(anyText, maxNumber, (cell, max) => {
        const numbers = parseReferenceCell(cell, max);
        expect(ascendingUnique(numbers)).toBe(true);
        for (const n of numbers) expect(n >= 1 && n <= max).toBe(true);
        const list = parseNumberList(cell);
        if (list !== null) expect(ascendingUnique(list)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT_MS);
});

describe("parseReferenceList", () => {
  const entry = fc.record({
    n: fc.oneof(fc.integer({ min: 1, max: 400 }), fc.integer({ min: -5, max: 5 })),
    raw: fc.oneof(
      anyText,
      fc
        .tuple(fc.string({ maxLength: 30 }), fc.integer({ min: 1900, max: 2030 }), fc.string({ maxLength: 20 }))
        .map(([authors, year, doi]) => `${authors}. A title. *Journal*. (${year}) 12:345. doi: 10.1234/${doi}`),
      fc.tuple(fc.string({ maxLength: 30 }), fc.integer({ min: 1900, max: 2030 })).map(([authors, year]) => `${authors}, *Cancers*, ${year}, **14**, 1435.`),
    ),
  });

  it("never throws; entries keep their printed numbers, once each, ascending; gaps are reported, not invented", () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), (entries) => {
        const { references, missingReferenceNumbers } = parseReferenceList(entries);
        const printed = new Set(entries.map((e) => e.n));
        expect(ascendingUnique(references.map((r) => r.n))).toBe(true);
        for (const ref of references) {
          expect(printed.has(ref.n)).toBe(true);
          expect(typeof ref.paperKey).toBe("string");
          expect(Array.isArray(ref.authors)).toBe(true);
          if (ref.doi) expect(ref.url).toBe(`https://doi.org/${ref.doi}`);
        }
        const present = new Set(references.map((r) => r.n));
        const highest = references.at(-1)?.n ?? 0;
        for (const n of missingReferenceNumbers) {
          expect(n >= 1 && n <= highest && !present.has(n)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT_MS);
});

describe("parseDocumentText (markers resolved against the document's own list)", () => {
  const line = fc.oneof(
    citationish,
    fc.string({ maxLength: 80 }),
    fc.integer({ min: 1, max: 9 }).map((n) => `${n} Introduction`),
    fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 })).map(([a, b]) => `${a}.${b} Nanocarriers`),
    fc.constant("References"),
    fc.constant("REFERENCES"),
    fc.tuple(fc.integer({ min: 0, max: 60 }), citationish).map(([n, text]) => `${n}. Smith J, Doe A. ${text}. *J Test*. (2020) 1:2.`),
    fc.tuple(fc.integer({ min: 0, max: 60 }), citationish).map(([n, text]) => `${n} D. N. Kumar, ${text}, *Cancers*, 2022, **14**, 1435.`),
    citationish.map((text) => `Doxorubicin resistance is reversed by nanoparticles (${text}) in most studies (3, 4).`),
    citationish.map((text) => `miRNA-21 drives resistance¹⁷⁻¹⁹ and ${text}^{6,7}.`),
    fc.constant("A\tB\tReferences"),
  );
  const documentText = fc.array(line, { minLength: 1, maxLength: 40 }).chain((lines) =>
    fc.array(fc.constantFrom("\n", "\n\n"), { minLength: lines.length, maxLength: lines.length }).map((breaks) =>
      lines.map((l, i) => `${l}${breaks[i]}`).join(""),
    ),
  );

  it("never throws anything but a named error, and cites only numbers its reference list holds", () => {
    fc.assert(
      fc.property(documentText, fc.constantFrom("review.txt", "review.md"), (raw, file) => {
        let doc;
        try {
          doc = parseDocumentText(raw, file);
        } catch (error) {
          expect(ReviewChatError.isInstance(error)).toBe(true);
          return;
        }
        const list = new Set(doc.references.map((r) => r.n));
        expect(ascendingUnique(doc.references.map((r) => r.n))).toBe(true);
        for (const chunk of doc.chunks) {
          expect(ascendingUnique(chunk.refs)).toBe(true);
          for (const n of chunk.refs) expect(list.has(n)).toBe(true);
          for (const sentence of chunk.sentences) for (const n of sentence.refs) expect(list.has(n)).toBe(true);
          expect(chunk.start).toBeGreaterThanOrEqual(0);
          expect(chunk.end).toBeLessThanOrEqual(doc.text.length);
        }
        expect(doc.citationStats.resolved).toBeLessThanOrEqual(doc.citationStats.markers);
      }),
      { numRuns: Math.max(100, Math.round(RUNS / 4)) },
    );
  }, TIMEOUT_MS);
});
