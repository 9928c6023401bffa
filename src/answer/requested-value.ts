// What kind of value a question asks for (a dose, a hazard ratio, a particle size…) and what it is
// about (the drug, trial or formulation named), so an answer can tell "the reviews discuss X but do
// not report its dose" from an answer. Each kind pairs the question phrasings that ask for it with
// the printed shapes of such a value.
//
// Where the words come from: the units are UCUM's (mass, amount, concentration, length, electric
// potential, time: mg, µmol, nM, nm, mV, h…) in the spellings papers print; the dose, schedule,
// duration, hazard-ratio, p-value and enrolment terms are the reporting items of CONSORT 2010 and
// ICH E3 (interventions "with sufficient details", numbers randomised, estimated effect size with
// its precision, exact P values); size and zeta potential are the nanomedicine characterisation
// items of MIRIBEL (Faria et al., 2018).
import { STOPWORDS } from "../index/tokenize.ts";
import { contentTerms, isStopword } from "./question-terms.ts";

export type ValueKind =
  | "dose"
  | "schedule"
  | "duration"
  | "hazard-ratio"
  | "ic50"
  | "size"
  | "zeta-potential"
  | "percentage"
  | "count"
  | "year"
  | "p-value";

interface ValueKindRule {
  kind: ValueKind;
  /** How the answer names it: "does not report its <label>". */
  label: string;
  /** Phrasings asking for a value of this kind. */
  asks: RegExp;
  /** Printed shapes of such a value. */
  value: RegExp;
  /** Question words that name the value, not what it is about. */
  words: string;
}

const NUMBER = String.raw`\d+(?:[.,]\d+)?`;
// "74 ± 2", "120–200", "(74 ± 2)" as printed before a unit.
const RANGE = String.raw`\(?${NUMBER}(?:\s*(?:[-–—]|to|±|\+\/-)\s*${NUMBER})?\)?`;
// UCUM mass, amount and volume units as papers print them (µ, μ and u for micro).
const AMOUNT_UNIT = String.raw`(?:[mµμun]?g|[mµμun]?mol|[mµμ]?[lL]|IU|U|units?|Gy|cGy|mCi|MBq)`;
// Concentrations: UCUM molar units and mass per volume.
const CONCENTRATION_UNIT = String.raw`(?:[mµμunpf]M|${AMOUNT_UNIT}\s*\/\s*[mµμ]?[lL])`;
const TIME_UNIT = String.raw`(?:s|sec|seconds?|min|minutes?|h|hrs?|hours?|d|days?|wks?|weeks?|mo|months?|y|yrs?|years?)`;
const SPELLED_COUNT = String.raw`(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|dozens?)`;

const RULES: ValueKindRule[] = [
  {
    kind: "zeta-potential",
    label: "zeta potential",
    asks: /\bzeta\b|ζ|\bsurface charges?\b/i,
    value: new RegExp(String.raw`[-−–+±]?\s*${NUMBER}\s*mV\b`),
    words: "zeta potential potentials surface charge charges",
  },
  {
    kind: "ic50",
    label: "IC50",
    asks: /\b(?:IC|EC|GI)\s?50s?\b|\bhalf[- ]maximal (?:inhibitory|effective)\b/i,
    value: new RegExp(String.raw`${RANGE}\s*${CONCENTRATION_UNIT}(?![\p{L}])|\b(?:IC|EC|GI)\s?50\b[^.;]{0,80}?\b${NUMBER}[- ]?fold\b`, "u"),
    words: "ic50 ic50s ec50 gi50 half-maximal half maximal inhibitory effective concentration concentrations value values",
  },
  {
    kind: "hazard-ratio",
    label: "hazard ratio",
    asks: /\bhazard ratios?\b|\b(?:what|which)\s+(?:was|is|were)?\s*(?:the\s+)?HRs?\b(?![+-])/i,
    value: /\b(?:HRs?|hazard ratios?)\b[^.;]{0,40}?(?:\d?\.\d+|\b[01]\b)|\b95\s*%\s*CI\b/i,
    words: "hazard ratio ratios hr hrs",
  },
  {
    kind: "p-value",
    label: "p-value",
    asks: /\bp[- ]?values?\b|\blevel of (?:statistical )?significance\b|\bsignificance level\b/i,
    value: /\bp\s*(?:[<>=≤≥]|&lt;|&gt;)\s*0?\.\d+|\bp\s*[<>=≤≥]\s*\d|\bp[- ]?values?\s+(?:of|was|were|=)\s*\d?\.\d/i,
    words: "p-value p-values value values significance significant statistical statistically level",
  },
  {
    kind: "count",
    label: "number",
    // "sample size" is a count; the size rule leaves it alone.
    asks: /\bhow many\b(?!\s+times\b)|\bsample sizes?\b|\bnumber of (?:patients|participants|subjects|women|men|people|cases|individuals|centres|centers|sites)\b|\benrol(?:l)?(?:ment|led|ed)\b/i,
    // A number, but not one inside a name ("MCF-7", "miR-21"), a year, or a measure ("2 years", "5 mg", "40%").
    value: new RegExp(
      String.raw`(?<![\p{L}\p{N}/.,–-])(?!(?:19|20)\d{2}\b)\d[\d,.]*(?![\d,.]|\s*(?:%|[-–]?\s*${TIME_UNIT}\b|(?:${AMOUNT_UNIT}|${CONCENTRATION_UNIT}|nm|µm|μm|mV)(?![\p{L}])))|\b${SPELLED_COUNT}\b|\bn\s*=\s*\d`,
      "iu",
    ),
    words: "many number numbers count sample size enrolled enroled enrolment enrollment randomised randomized recruited included",
  },
  {
    kind: "size",
    label: "size",
    asks: /(?<!\bsample\s*)\b(?:sizes?|diameters?)\b|\bhow (?:big|large|small)\b/i,
    value: new RegExp(String.raw`${RANGE}\s*(?:nm|µm|μm|um|mm|cm|Å|nanomet(?:er|re)s?|micromet(?:er|re)s?)(?![\p{L}])|\bsub-?\d+\s*nm\b`, "iu"),
    words: "size sizes diameter diameters particle hydrodynamic big large small mean average median",
  },
  {
    kind: "dose",
    label: "dose",
    asks: /\b(?:dose|doses|dosage|dosages|dosed)\b(?![- ](?:dependent|dependently|limiting|dense|escalation|response))|\bhow much\b[^?]*\b(?:given|administered|injected|used|received)\b/i,
    value: new RegExp(
      String.raw`${RANGE}\s*(?:${AMOUNT_UNIT}|${CONCENTRATION_UNIT})(?:\s*\/\s*(?:kg|m2|m²|day|d|dose|mouse|rat))?(?![\p{L}])|\b${NUMBER}\s*(?:mg|g)\s*(?:per|\/)\s*(?:kg|m2|m²)`,
      "u",
    ),
    words: "dose doses dosage dosages dosed dosing how much given administered injected received",
  },
  {
    kind: "schedule",
    label: "schedule",
    asks: /\b(?:schedules?|how often|(?:dosing |administration |treatment )?frequency|dosing (?:interval|regimen)s?|(?:dose|dosing|treatment|administration) regimens?)\b/i,
    value: new RegExp(
      String.raw`\b(?:once|twice|thrice|daily|weekly|biweekly|fortnightly|monthly|nightly|bid|tid|qid|qd|q\d+[hdw]|every\s+(?:\d+|other|two|three|four|six)\b|\d+\s*(?:times|x)\s*(?:a|per)\b|per\s+(?:day|week|month)|on days?\s+\d|\d+[- ]?(?:day|week)\s+cycles?|cycles?\s+of\s+\d|${NUMBER}\s*(?:cycles|doses|injections|administrations))\b|\/\s*(?:day|week|d|wk)\b`,
      "i",
    ),
    words: "schedule schedules often frequency dosing administration interval intervals regimen regimens given administered",
  },
  {
    kind: "duration",
    label: "duration",
    asks: /\bhow long\b|\bdurations?\b|\bfor how many (?:hours|days|weeks|months|years)\b|\bfollow[- ]?up (?:time|period|duration)\b|\bmedian follow[- ]?up\b|\blength of (?:treatment|therapy|follow[- ]?up|time)\b/i,
    // "How long" also asks for a length ("18–22 nucleotides"), so lengths count as its values.
    value: new RegExp(
      String.raw`${RANGE}\s*[-–]?\s*${TIME_UNIT}\b|\b${SPELLED_COUNT}\s+(?:hours|days|weeks|months|years)\b|${RANGE}\s*(?:nucleotides?|nt|bp|kb|amino acids?|residues|nm|µm|μm)\b`,
      "i",
    ),
    words: "long duration durations follow-up follow period length time",
  },
  {
    kind: "year",
    label: "year",
    asks: /\b(?:what|which) year\b|\bin what year\b|^\s*when (?:was|were|did|is)\b[^?]*\b(?:approv\w*|discover\w*|introduc\w*|first|publish\w*|identifi\w*|develop\w*|launch\w*|licens\w*|found|report\w*|describ\w*|start\w*|complet\w*|conduct\w*)\b/i,
    value: /\b(?:19|20)\d{2}s?\b/,
    words: "year years when first",
  },
  {
    kind: "percentage",
    label: "percentage",
    asks: /\b(?:what|which) (?:percentage|percent|proportion|share|fraction)\b|\bhow many percent\b|\bpercentage of\b|\bproportion of\b|\b(?:what|which) (?:is|was|were|are) the (?:[\w-]+ ){0,3}(?:rates?|efficiency|efficiencies)\b/i,
    value: new RegExp(
      String.raw`${NUMBER}\s*%|\bper ?cent\b|\b(?:one|two|three)[- ](?:half|halves|third|thirds|quarters?|fourths?|fifths?|tenths?)\b|\bhalf of\b|\b\d+\s+(?:in|of|out of)\s+(?:every\s+)?\d+\b|\b0?\.\d+\b`,
      "i",
    ),
    words: "percentage percent proportion share fraction rate rates efficiency efficiencies",
  },
];

/** Every kind, most specific first (the order questions are read in). */
export const VALUE_KINDS: readonly ValueKind[] = RULES.map((rule) => rule.kind);

// Words that say what is measured or reported rather than what about: CONSORT/ICH E3 reporting
// vocabulary (participants, arms, outcomes) and the verbs questions ask it with.
const REPORTING_WORDS = new Set(
  (
    "patient patients participant participants subject subjects people individuals women men cases case " +
    "trial trials study studies cohort arm arms group groups phase clinical randomized randomised " +
    "treated treatment treatments therapy used use using given administered received receiving reported report " +
    "measured observed achieved found obtained shown showed determined recorded quoted stated published " +
    "value values level levels mean median average overall approximately exact exactly precise specific typical " +
    "recommended standard actual reached result results outcome outcome"
  ).split(" "),
);

/** What a question asks for and about. */
export interface RequestedValue {
  /** The first kind asked for names the value in the answer; a sentence with a value of any of them counts. */
  kinds: ValueKind[];
  /** How the answer names the value ("zeta potential"). */
  label: string;
  /** The question's names for what the value is about, as printed ("PMA nanocomplex", "MONALEESA-2"). */
  entity: string;
  /** Analyzer terms of the entity, for finding sentences about it. */
  entityTerms: string[];
}

const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}/+.'’-]*[\p{L}\p{N}+])?/gu;
const ruleFor = new Map(RULES.map((rule) => [rule.kind, rule]));

/**
 * The kinds of value a question asks for and the entity it asks about; undefined when it asks for no
 * particular kind of value, or names nothing to ask it about.
 *
 * @example
 * requestedValue("What was the zeta potential of the PMA nanocomplex?")
 * // { kinds: ["zeta-potential"], label: "zeta potential", entity: "PMA nanocomplex", entityTerms: ["pma", "nanocomplex"] }
 */
export function requestedValue(question: string): RequestedValue | undefined {
  const rules = RULES.filter((rule) => rule.asks.test(question));
  if (rules.length === 0) return undefined;
  const valueWords = new Set(rules.flatMap((rule) => rule.words.split(" ")));
  const phrases: string[][] = [];
  let current: string[] = [];
  for (const match of question.matchAll(WORD)) {
    const word = match[0];
    const lower = word.toLowerCase();
    const isValueWord = valueWords.has(lower);
    const isEntityWord =
      !isValueWord && !isStopword(word) && !STOPWORDS.has(lower) && !REPORTING_WORDS.has(lower) && contentTerms(word).length > 0;
    // "the MONALEESA-2 trial": a reporting noun right after a name stays with it in the printed entity.
    const attaches = !isValueWord && current.length > 0 && /^(?:trial|study|cohort|nanoparticles?|formulation|cells?)$/i.test(word);
    if (isEntityWord || attaches) {
      current.push(word);
    } else if (current.length) {
      phrases.push(current);
      current = [];
    }
  }
  if (current.length) phrases.push(current);
  const entityTerms = [
    ...new Set(phrases.flat().filter((word) => !REPORTING_WORDS.has(word.toLowerCase())).flatMap((word) => contentTerms(word))),
  ];
  if (entityTerms.length === 0) return undefined;
  const names = phrases.map((words) => words.join(" "));
  const entity = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : names[0]!;
  return { kinds: rules.map((rule) => rule.kind), label: rules[0]!.label, entity, entityTerms };
}

/** Does the text print a value of one of these kinds? Citation markers should be removed first. */
export function printsValue(kinds: readonly ValueKind[], text: string): boolean {
  return kinds.some((kind) => ruleFor.get(kind)!.value.test(text));
}
