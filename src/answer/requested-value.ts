// What kind of value a question asks for (a dose, a hazard ratio, a particle size…) and what it is
// about (the drug, trial or formulation named), so an answer can tell "the reviews discuss X but do
// not report its dose" from an answer. Each kind pairs the question phrasings that ask for it with
// the printed shapes of such a value.
//
// Where the words come from: the units are UCUM's (mass, amount, concentration, length, electric
// potential, time: mg, µmol, nM, nm, mV, h…) in the spellings papers print; the dose, schedule,
// duration, hazard-ratio, p-value and enrolment terms are the reporting items of CONSORT 2010 and
// ICH E3 (interventions "with sufficient details", numbers randomised, estimated effect size with
// its precision, exact P values, the trial's registration number); size and zeta potential are the nanomedicine characterisation
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
  | "p-value"
  | "trial-id"
  | "side-effects";

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

// A question asks for a value when the value fills its wh-slot: "What (was the) (mean particle) size…",
// "At what dose…", "In which year…", "…, what was the hazard ratio?", "Give the IC50…". A question that
// only mentions it ("How does particle size affect uptake?", "What determines the dose?", "Does X lower
// the dose?") asks about something else. Up to three modifiers may stand before the value's name, but
// not an article, an auxiliary or a word that makes the value the subject of another question.
const MODIFIER = String.raw`(?!(?:the|an?|its|their|does|do|did|is|are|was|were|role|factors?|kind|type|part)\b)(?!determin|affect|influenc|limit|effect|impact|happen|caus|explain|chang|control|driv)[\w-]+`;
const WH_SLOT = String.raw`(?:^|[.;,:]\s*|\band\s+)(?:(?:in|at|for|over|to|by|with|under|from)\s+)?(?:(?:what|which)\s+(?:(?:is|was|were|are|has|had|have)\s+(?:been\s+)?)?|(?:tell me|give|report|state|quote)\s+)(?:(?:the|its|their|an?)\s+)?(?:${MODIFIER}\s+){0,3}?`;

/** The phrasings asking for a value named by `term`, and any of its own (`how`). */
function asking(term: string, how?: RegExp): RegExp {
  return new RegExp(String.raw`${WH_SLOT}(?:${term})\b${how ? `|${how.source}` : ""}`, "i");
}

const RULES: ValueKindRule[] = [
  // A trial's registration number (CONSORT 2010 item 23), printed with a registry's prefix: ClinicalTrials.gov
  // (NCT + 8 digits) and the WHO ICTRP primary registries' (ISRCTN, EudraCT, ChiCTR, ACTRN, CTRI, jRCT, DRKS).
  {
    kind: "trial-id",
    label: "trial registration number",
    asks: asking(
      String.raw`(?:clinical[- ])?trial (?:registration |identification |registry )?(?:numbers?|identifiers?|IDs?)|(?:trial )?registration (?:numbers?|IDs?)|NCT (?:numbers?|identifiers?|IDs?)|ClinicalTrials\.gov (?:numbers?|identifiers?|IDs?)`,
    ),
    value: /\bNCT\s?\d{8}\b|\b(?:ISRCTN|EudraCT|ChiCTR|ACTRN|CTRI|jRCT|DRKS)[-\s]?[\w-]*\d{4,}/i,
    words: "trial trials number numbers identifier identifiers id ids registration registry nct clinicaltrials.gov clinicaltrials gov identification",
  },
  // Harms (CONSORT 2010 item 19, "all important harms or unintended effects"), printed as the adverse-event
  // terms of the NCI's CTCAE or the general words for them: "What are the side effects of X?" is answered only
  // by a sentence about X that names a harm, not by one about side effects in general.
  {
    kind: "side-effects",
    label: "side effects",
    asks: asking(String.raw`(?:side[- ]effects?|adverse (?:events?|effects?|reactions?)|toxicit(?:y|ies)|harms?)(?= (?:of|from|with|caused by|for)\b)`),
    value:
      /\b(?:side[- ]effects?|adverse (?:events?|effects?|reactions?)|(?:dose[- ]limiting )?toxicit(?:y|ies)|(?:cardio|hepato|nephro|neuro|oto|myelo)toxic\w*|neutropenia|thrombocytopenia|leukopenia|an(?:a)?emia|nausea|vomiting|diarrh(?:o)?ea|alopecia|fatigue|mucositis|neuropathy|rash|pneumonitis|immune-related)\b/i,
    words: "side effect effects adverse events event reactions reaction toxicity toxicities harm harms",
  },
  {
    kind: "zeta-potential",
    label: "zeta potential",
    asks: asking(String.raw`zeta[- ]potentials?|ζ[- ]?potentials?|surface charges?`),
    value: new RegExp(String.raw`[-−–+±]?\s*${NUMBER}\s*mV\b`),
    words: "zeta potential potentials surface charge charges",
  },
  {
    kind: "ic50",
    label: "IC50",
    asks: asking(String.raw`(?:IC|EC|GI)\s?50s?|half[- ]maximal (?:inhibitory|effective) concentrations?`),
    value: new RegExp(String.raw`${RANGE}\s*${CONCENTRATION_UNIT}(?![\p{L}])|\b(?:IC|EC|GI)\s?50\b[^.;]{0,80}?\b${NUMBER}[- ]?fold\b`, "u"),
    words: "ic50 ic50s ec50 gi50 half-maximal half maximal inhibitory effective concentration concentrations value values",
  },
  {
    kind: "hazard-ratio",
    label: "hazard ratio",
    asks: asking(String.raw`hazard ratios?|HRs?(?![+-])`),
    value: /\b(?:HRs?|hazard ratios?)\b[^.;]{0,40}?(?:\d?\.\d+|\b[01]\b)|\b95\s*%\s*CI\b/i,
    words: "hazard ratio ratios hr hrs",
  },
  {
    kind: "p-value",
    label: "p-value",
    asks: asking(String.raw`p[- ]?values?|(?:level of )?(?:statistical )?significance(?: level)?`),
    value: /\bp\s*(?:[<>=≤≥]|&lt;|&gt;)\s*0?\.\d+|\bp\s*[<>=≤≥]\s*\d|\bp[- ]?values?\s+(?:of|was|were|=)\s*\d?\.\d/i,
    words: "p-value p-values value values significance significant statistical statistically level",
  },
  {
    kind: "count",
    label: "count",
    // "sample size" is a count; the size rule leaves it alone.
    // Only counts of who or what was studied (CONSORT item 13a: randomised, treated, analysed; new cases
    // and deaths): "how many types of nanocarrier" is answered by naming them, not by a number.
    asks: asking(
      String.raw`numbers? of (?:patients|participants|subjects|women|men|people|cases|deaths|individuals|centres|centers|sites)|sample sizes?|enrol(?:l)?ment|patient counts?`,
      /\bhow many (?:(?:new|more|eligible|evaluable|[\w-]+-(?:positive|negative|bearing)) )?(?:patients|participants|subjects|women|men|people|persons|individuals|volunteers|cases|deaths|mice|rats|animals|trials|studies|centres|centers|sites|sequencing|samples|tumou?rs)\b/i,
    ),
    // A number, but not one inside a name ("MCF-7", "miR-21"), a year, or a measure ("2 years", "5 mg", "40%").
    value: new RegExp(
      String.raw`(?<![\p{L}\p{N}/.,–-])(?!(?:19|20)\d{2}\b)\d[\d,.]*(?![\d,.]|\s*(?:%|[-–]?\s*${TIME_UNIT}\b|(?:${AMOUNT_UNIT}|${CONCENTRATION_UNIT}|nm|µm|μm|mV)(?![\p{L}])))|\b${SPELLED_COUNT}\b(?![- ](?:${TIME_UNIT}|fold|times)\b)|\bn\s*=\s*\d`,
      "iu",
    ),
    words: "many number numbers count sample size enrolled enroled enrolment enrollment randomised randomized recruited included",
  },
  {
    kind: "size",
    label: "size",
    asks: asking(String.raw`(?<!sample\s)(?:sizes?|diameters?|size range|widths?|thickness)`, /\bhow (?:big|large|small|wide|thick|narrow)\b|\bhow many (?:nano|micro)met(?:er|re)s\b/i),
    value: new RegExp(String.raw`${RANGE}\s*(?:nm|µm|μm|um|mm|cm|Å|nanomet(?:er|re)s?|micromet(?:er|re)s?)(?![\p{L}])|\bsub-?\d+\s*nm\b`, "iu"),
    words: "size sizes diameter diameters width widths thickness particle hydrodynamic big large small wide thick narrow mean average median many nanometers nanometres micrometers micrometres across",
  },
  {
    kind: "dose",
    label: "dose",
    asks: asking(String.raw`(?:doses?|dosages?|concentrations?)(?![- ](?:dependent|limiting|dense|escalation|response))`, /\bhow much\b[^?]*\b(?:given|administered|injected|used|received|loaded|encapsulated|entrapped|incorporated)\b/i),
    value: new RegExp(
      String.raw`${RANGE}\s*(?:${AMOUNT_UNIT}|${CONCENTRATION_UNIT})(?:\s*\/\s*(?:kg|m2|m²|day|d|dose|mouse|rat))?(?![\p{L}])|\b${NUMBER}\s*(?:mg|g)\s*(?:per|\/)\s*(?:kg|m2|m²)`,
      "u",
    ),
    words: "dose doses dosage dosages dosed dosing how much given administered injected received loaded encapsulated entrapped incorporated concentration concentrations",
  },
  {
    kind: "schedule",
    label: "dosing schedule",
    asks: asking(
      String.raw`(?:dosing |dose |administration |treatment )?(?:schedules?|frequency|intervals?)|(?:dosing|dose|administration) regimens?`,
      /\bhow often\b|\bhow many times (?:a|per|each) (?:day|week|month)\b/i,
    ),
    value: new RegExp(
      String.raw`\b(?:once|twice|thrice|daily|weekly|biweekly|fortnightly|monthly|nightly|bid|tid|qid|qd|q\d+[hdw]|every\s+(?:\d+|other|two|three|four|six)\b|\d+\s*(?:times|x)\s*(?:a|per)\b|per\s+(?:day|week|month)|on days?\s+\d|\d+[- ]?(?:day|week)\s+cycles?|cycles?\s+of\s+\d|${NUMBER}\s*(?:cycles|doses|injections|administrations))\b|\/\s*(?:day|week|d|wk)\b`,
      "i",
    ),
    words: "schedule schedules often frequency dosing administration interval intervals regimen regimens given administered many times day week month",
  },
  {
    kind: "duration",
    label: "duration",
    asks: asking(
      String.raw`(?:median |mean )?(?:durations?|follow[- ]?up(?: time| period)?|length of (?:treatment|therapy|follow[- ]?up|time)|treatment period|half[- ]li(?:fe|ves)|circulation time)`,
      /\bhow long\b|\bhow many (?:hours|days|weeks|months|years)\b/i,
    ),
    // "How long" also asks for a molecule's length ("18–22 nucleotides"), so those count as its values.
    value: new RegExp(
      String.raw`${RANGE}\s*[-–]?\s*${TIME_UNIT}\b|\b(?:${SPELLED_COUNT}|a few|several|many|within|over|after)\s+(?:hours|days|weeks|months|years)\b|${RANGE}\s*[-–]?\s*(?:nucleotides?|nt|bp|kb|amino acids?|residues)\b`,
      "i",
    ),
    words: "long duration durations follow-up follow period length time half-life half-lives half life lives circulation many hours days weeks months years",
  },
  {
    kind: "year",
    label: "year",
    asks: asking(
      String.raw`years?`,
      /^\s*when (?:was|were|did|is)\b[^?]*\b(?:approv\w*|discover\w*|introduc\w*|first|publish\w*|identifi\w*|develop\w*|launch\w*|licens\w*|found|report\w*|describ\w*|start\w*|complet\w*|conduct\w*)\b/i,
    ),
    value: /\b(?:19|20)\d{2}s?\b/,
    words: "year years when first",
  },
  {
    kind: "percentage",
    label: "percentage",
    // A rate in the wh-slot ("what five-year survival rate did X reach") is a percentage; a sentence that
    // names the drug differently ("T-DXd") and prints the rate is still quoted (`quotesValue`). "How much
    // … was loaded / encapsulated" asks for an amount or a loading percentage (MIRIBEL's drug loading).
    asks: asking(
      String.raw`percentages?|percent|proportions?|shares?|fractions?|(?:encapsulation|entrapment|loading) (?:efficiency|capacity|content)|drug loading|rates?`,
      /\bhow many percent\b|\b(?:what|which) (?:is|was|were|are) the (?:[\w-]+ ){0,3}(?:rates?|efficiency|efficiencies)\b|\bhow much\b[^?]*\b(?:loaded|encapsulated|entrapped|incorporated)\b/i,
    ),
    value: new RegExp(
      String.raw`${NUMBER}\s*%|\bper ?cent\b|\b(?:one|two|three)[- ](?:half|halves|third|thirds|quarters?|fourths?|fifths?|tenths?)\b|\b(?:half|majority|minority|most|nearly all|almost all) of\b|\b\d+\s+(?:in|of|out of)\s+(?:every\s+)?\d+\b|(?<![\d.])0?\.\d+\b`,
      "i",
    ),
    words: "percentage percent proportion share fraction rate rates efficiency efficiencies capacity content loading loaded encapsulated entrapped incorporated",
  },
];

/** The words that name a kind of value ("dose", "hazard", "zeta", "enrolled"), lower-cased. */
export const VALUE_WORDS: ReadonlySet<string> = new Set(RULES.flatMap((rule) => rule.words.split(" ")));

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
    "recommended standard actual reached result results outcome outcomes " +
    // route and frequency modifiers of a dosage regimen (ICH E3 12.1)
    "daily weekly monthly oral orally intravenous intravenously subcutaneous subcutaneously " +
    // comparison words
    "versus vs compared comparison " +
    // linking verbs
    "become becomes became remain remains remained get gets got " +
    // verbs questions ask a value with
    "receive receives reach reaches achieve achieves add adds added cite cites cited take takes taken gain gains " +
    "reported show shows produce produced yield yielded lead led see seen approve approved approval " +
    // roman numerals of trial phases; regulators and agencies, who approve and report rather than being asked about
    "i ii iii iv i/ii ii/iii fda ema nmpa pmda mhra nice nih nci who " +
    // English cardinals and distributives count what a question names ("the two reviews", "each trial")
    "one two three four five six seven eight nine ten each either neither"
  ).split(" "),
);

/** What a question asks for and about. */
export interface RequestedValue {
  /** The first kind asked for names the value in the answer; a sentence with a value of any of them counts. */
  kinds: ValueKind[];
  /** How the answer names the value ("zeta potential"). */
  label: string;
  /** The question's main name for what the value is about, as printed ("PMA nanocomplex", "MONALEESA-2 trial"). */
  entity: string;
  /** Its words, for finding how the sources print it. */
  entityWords: string[];
  /** Analyzer terms of the main name: a sentence about the entity holds some of them. */
  entityTerms: string[];
  /** Analyzer terms of everything else the question names ("4T1 mice", "paclitaxel"): context for finding it. */
  contextTerms: string[];
}

const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}/+.'’-]*[\p{L}\p{N}+])?/gu;
// Drug codes, trial names and constructs print inner capitals or digits ("T-DXd", "NCT01619111", "siAkt").
const CODE_LIKE = /\p{Lu}.*\p{Lu}|\p{L}.*\d|\d.*\p{L}|\p{Ll}\p{Lu}/u;
// The setting a value is asked in rather than what it is about: disease heads (MeSH C04 "Neoplasms"
// entry terms), outcomes (CONSORT item 6a: survival, response, recurrence), experimental models ("4T1 tumour-bearing mice", "MCF-7 cells") and the compound
// modifiers that qualify a population or an endpoint ("HER2-positive", "high-risk", "progression-free").
const SETTING_WORDS =
  /^(?:survival|responses?|respond(?:s|ed|ing)?|remissions?|recurrences?|relapses?|progression|mortality|incidence|prevalence|cancers?|tumou?rs?|carcinomas?|neoplasms?|malignanc(?:y|ies)|diseases?|metasta\w*|mice|mouse|rats?|cells?|lines?|xenografts?|models?|[\p{L}\d/+-]+-(?:bearing|positive|negative|risk|stage|grade|free|resistant|sensitive|mutated|mutant|treated|naive|naïve|dependent|based|related|like))$/iu;
// A reporting noun right after a name stays with it in the printed entity ("the MONALEESA-2 trial").
const ATTACHED_NOUN = /^(?:trial|nanoparticles?|formulation)$/i;
const ruleFor = new Map(RULES.map((rule) => [rule.kind, rule]));

// English questions put the verb after its subject: "did DTIG circulate", "were the SLNs prepared".
const DO_SUPPORT = /^(?:do|does|did)$/i;
const PASSIVE_AUXILIARY = /^(?:is|are|was|were|been|being)$/i;
const PARTICIPLE = /(?:ed|en|wn|ght)$/i;
// "Do <subject> have …?": a main verb that is also a function word closes the subject itself.
const FUNCTION_VERB = /^(?:have|has|had|do|does|did|be|get|make|go)$/i;

/**
 * The question's names: runs of words that are neither function, question, value nor reporting words;
 * `asked` holds the runs in the asked-about slot: the subject after an auxiliary ("did <X> reach") or
 * the complement of the value ("the zeta potential of <X>", "the hazard ratio for <X>").
 */
function namePhrases(question: string, valueWords: ReadonlySet<string>): { phrases: string[][]; asked: Set<string[]> } {
  const phrases: string[][] = [];
  const asked = new Set<string[]>();
  let current: string[] = [];
  let auxiliary = "";
  let complement = false;
  let previousWasValue = false;
  let currentAsked = false;
  const close = (next = "") => {
    // The last word of "did <subject> <verb>" is the verb, and of "was <subject> <participle>" too,
    // unless the verb is the reporting word that ended the run ("did the X trial report").
    const last = current.at(-1) ?? "";
    const verbFollows = REPORTING_WORDS.has(next.toLowerCase()) || FUNCTION_VERB.test(next);
    const endsInVerb = DO_SUPPORT.test(auxiliary) || (PASSIVE_AUXILIARY.test(auxiliary) && PARTICIPLE.test(last));
    if (current.length > 1 && endsInVerb && !verbFollows) current.pop();
    if (current.length) phrases.push(current);
    if (current.length && currentAsked) asked.add(current);
    current = [];
  };
  for (const match of question.matchAll(WORD)) {
    const word = match[0].replace(/['’]s$/, "");
    const lower = word.toLowerCase();
    const isValueWord = valueWords.has(lower);
    const isName = !isValueWord && !isStopword(word) && !STOPWORDS.has(lower) && !REPORTING_WORDS.has(lower) && contentTerms(word).length > 0;
    if (isName || (!isValueWord && current.length > 0 && ATTACHED_NOUN.test(word))) {
      if (current.length === 0) currentAsked = auxiliary !== "" || complement;
      current.push(word);
      previousWasValue = false;
      continue;
    }
    close(word);
    const article = /^(?:the|a|an|first|these|those|this|that)$/i.test(word);
    if (DO_SUPPORT.test(word) || PASSIVE_AUXILIARY.test(word)) auxiliary = word;
    else if (!article) auxiliary = "";
    if (/^(?:of|for)$/i.test(word)) complement = previousWasValue;
    else if (!article) complement = false;
    previousWasValue = isValueWord;
  }
  close();
  return { phrases, asked };
}

const termsOf = (words: readonly string[]): string[] =>
  words.filter((word) => !REPORTING_WORDS.has(word.toLowerCase())).flatMap((word) => contentTerms(word));

/**
 * The kinds of value a question asks for and the entity it asks about; undefined when it asks for no
 * particular kind of value, or names nothing to ask it about. The main name is the phrase in the
 * asked-about slot, with a code-like word ("PBA-Niclo-SLN") and the rarest term by `idf` (the corpus's
 * weights: unknown terms should weigh 0), but not the setting ("in HER2-negative breast cancer", "in 4T1 mice").
 *
 * @example
 * requestedValue("What was the zeta potential of the PMA nanocomplex?")
 * // { kinds: ["zeta-potential"], label: "zeta potential", entity: "PMA nanocomplex", entityWords: ["PMA", "nanocomplex"],
 * //   entityTerms: ["pma", "nanocomplex"], contextTerms: [] }
 */
export function requestedValue(question: string, idf: (term: string) => number = () => 1): RequestedValue | undefined {
  const rules = RULES.filter((rule) => rule.asks.test(question));
  if (rules.length === 0) return undefined;
  const { phrases, asked } = namePhrases(question, new Set(rules.flatMap((rule) => rule.words.split(" "))));
  const weigh = (words: string[]) =>
    (asked.has(words) ? 0.3 : 0) +
    (words.some((word) => CODE_LIKE.test(word)) ? 0.5 : 0) -
    (words.some((word) => SETTING_WORDS.test(word)) ? 1 : 0) +
    Math.max(0, ...termsOf(words).map(idf)) / 10;
  const main = phrases.filter((words) => termsOf(words).length > 0).sort((a, b) => weigh(b) - weigh(a))[0];
  if (!main) return undefined;
  const entityTerms = [...new Set(termsOf(main))];
  const contextTerms = [...new Set(phrases.filter((words) => words !== main).flatMap(termsOf))].filter((term) => !entityTerms.includes(term));
  return { kinds: rules.map((rule) => rule.kind), label: rules[0]!.label, entity: main.join(" "), entityWords: main, entityTerms, contextTerms };
}

/** Does the text print a value of one of these kinds? Citation markers should be removed first. */
export function printsValue(kinds: readonly ValueKind[], text: string): boolean {
  return kinds.some((kind) => ruleFor.get(kind)!.value.test(text));
}
