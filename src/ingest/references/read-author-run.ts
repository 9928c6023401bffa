// The author run that opens a printed reference entry. Three name shapes cover the common styles:
//   inverted   "Smith, J. A."  APA, Harvard, Chicago, Nature, Cell, ACS, Frontiers author–year
//   vancouver  "Smith JA"      NLM/Vancouver (ICMJE), AMA, CSE
//   forward    "J. A. Smith"   RSC, IEEE, Elsevier numbered, AIP
// Names are joined by "," ";" "and" "&" (or an ellipsis before the last author) and a run may
// close with "et al.". The run is read greedily in one shape; whichever shape reads more names wins.

export type NameShape = "inverted" | "vancouver" | "forward";

export interface AuthorRun {
  /** Names as printed, e.g. "Smith, J. A.", "Smith JA", "J. A. Smith". */
  authors: string[];
  shape: NameShape;
  /** Offset just after the run (after "et al." when printed). */
  end: number;
  /** The run closed with "et al." (or an ellipsis): more authors than printed. */
  etAl: boolean;
}

// Surname particles of Dutch, German, French, Spanish, Italian and Portuguese names.
const PARTICLE = "(?:[vV]an|[vV]on|der|den|[dD]e|del|della|[dD]i|da|dos|du|[lL]e|la|ten|ter|zu|y)";
const WORD = "\\p{Lu}[\\p{L}\\p{M}'’´`]*(?:-\\p{L}[\\p{L}\\p{M}'’´`]*)*";
const SURNAME = `(?:${PARTICLE}\\s+){0,3}${WORD}(?:\\s+(?:${PARTICLE}\\s+){0,2}${WORD})?`;
/** Dotted initials: "J.", "J. A.", "J.A.J.", "F.-S.", "Ch."; a dotless last initial only before a comma. */
const DOTTED = "\\p{Lu}\\p{Ll}?\\.(?:[\\s-]{0,2}\\p{L}\\p{Ll}?\\.)*";
const INVERTED_INITIALS = `(?:(?:\\p{Lu}\\p{Ll}?\\.[\\s-]{0,2})*\\p{Lu}(?=\\s*[,;])|${DOTTED})`;

/** Before a comma a surname may run longer: "Millán José del, R.", "Gomez Moreno Diaz, H.". */
const INVERTED_SURNAME = `(?:${PARTICLE}\\s+){0,3}${WORD}(?:\\s+(?:${PARTICLE}\\s+){0,2}${WORD}){0,2}(?:\\s+${PARTICLE})?`;

const NAME: Record<NameShape, RegExp> = {
  inverted: new RegExp(`(${INVERTED_SURNAME}),\\s*${INVERTED_INITIALS}`, "uy"),
  vancouver: new RegExp(`${SURNAME}\\s+\\p{Lu}{1,4}(?![\\p{L}\\p{M}'’])`, "uy"),
  // The surname must be followed by what separates or closes names, not by a full stop ("J. Am. Chem.").
  forward: new RegExp(`${DOTTED}\\s*${SURNAME}(?=\\s*(?:[,;:]|and\\b|&|et al\\b|$))`, "uy"),
};
const SEPARATOR = /(?:\s*[,;]\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+)/y;
const ELLIPSIS = /\s*[,;]?\s*(?:…|\.\s?\.\s?\.)\s*[,;]?\s*/y;
const ET_AL = /\s*[,;]?\s*(?:et\.? al\.?|and others\b)/y;

function sticky(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

function readShape(text: string, shape: NameShape): AuthorRun {
  const authors: string[] = [];
  let at = 0;
  let end = 0;
  let etAl = false;
  let last = false;
  for (;;) {
    const name = sticky(NAME[shape], text, at);
    if (!name) break;
    authors.push(name[0].trim().replace(/\s+/g, " "));
    at = end = name.index + name[0].length;
    const more = sticky(ET_AL, text, at);
    if (more) {
      etAl = true;
      end = more.index + more[0].length;
      break;
    }
    if (last) break;
    const ellipsis = sticky(ELLIPSIS, text, at);
    if (ellipsis) {
      etAl = true;
      last = true;
      at = ellipsis.index + ellipsis[0].length;
      continue;
    }
    const separator = sticky(SEPARATOR, text, at);
    if (!separator) break;
    // After "and"/"&" comes the last author.
    last = /\b(?:and)\b|&/.test(separator[0]);
    at = separator.index + separator[0].length;
  }
  return { authors, shape, end, etAl };
}

/** Read the author run at the start of `text`, or null when it does not open with a name. */
export function readAuthorRun(text: string): AuthorRun | null {
  let best: AuthorRun | null = null;
  for (const shape of ["inverted", "vancouver", "forward"] as const) {
    const run = readShape(text, shape);
    if (!run.authors.length) continue;
    if (!best || run.authors.length > best.authors.length || (run.authors.length === best.authors.length && run.end > best.end)) best = run;
  }
  return best;
}
