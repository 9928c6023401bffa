// Everyday wordings of medical terms, read back into the terms a paper prints: "fat bubbles" are
// liposomes, "low oxygen" is hypoxia, "cancer that has spread" is metastatic. A reader asks in the
// words patient-facing health writing uses; a review prints the technical term, and the lexical
// search, the coverage check and claim alignment only see shared words (the embedding model, USE-lite,
// does not bridge them, nor does WordNet: BENCHMARKS.md, "Lay wording through WordNet").
//
// The list is written for this project from the plain-language renderings that patient-facing health
// writing conventionally gives medical terms (the kind collected in the CDC's "Plain Language
// Thesaurus for Health Communications" and the NCI Dictionary of Cancer Terms' lay definitions);
// nothing was downloaded. Some entries were prompted by the tuning part's lay-worded questions (marked
// "tuning"), so the held-out parts are what tells whether it carries over.
// A rewrite applies only when the corpus prints the technical term and not the wording (its one word, or
// its words together in one sentence: `printedIn`): a wording the papers use themselves ("pump drugs out of
// cells" beside "efflux pumps") stays as it is.

import { contentTerms } from "./question-terms.ts";
import type { SentenceIndex } from "./sentence-index.ts";

interface PlainTerm {
  /** What the papers print. */
  term: string;
  /** Everyday wordings (regular-expression source, matched as whole words, case-insensitive). */
  plain: string[];
}

const S = String.raw`(?:s|es)?`;

const GLOSSARY: PlainTerm[] = [
  // Where drugs go and how much of them.
  { term: "systemic", plain: [String.raw`whole[- ]body`, String.raw`body[- ]wide`] },
  { term: "accumulation", plain: [String.raw`build[- ]?ups?`, String.raw`pil(?:e|es|ing|ed) up`] }, // tuning
  { term: "uptake", plain: [String.raw`absorb(?:s|ed|ing)?`, String.raw`soak(?:s|ed|ing)? up`, String.raw`tak(?:e|es|ing|en) in`, String.raw`get(?:s|ting)? into (?:the )?(\w+ )?cells?`] },
  // The verb's object is kept: "pump drugs out" is "efflux drugs", not "efflux".
  { term: "efflux", plain: [String.raw`pump(?:s|ed|ing)? (\w+ )?(?:back )?out`, String.raw`throw(?:s|ing|n)? (\w+ )?back out`, String.raw`push(?:es|ed|ing)? (\w+ )?back out`, String.raw`(?:spit|kick)(?:s|ting|ed|ing)? (\w+ )?(?:back )?out`] }, // tuning
  { term: "side effects", plain: [String.raw`makes? (?:people|patients|you|them) (?:so )?(?:sick|ill|unwell)`] },
  { term: "bioavailability", plain: [String.raw`how much (?:of (?:the|a) drug )?reaches the (?:blood|bloodstream)`] },
  { term: "solubility", plain: [String.raw`how well (?:it|they|the drug) dissolves?`, String.raw`dissolv(?:e|es|ing)`] },
  { term: "hydrophobic", plain: [String.raw`water[- ]repelling`, String.raw`barely mix with water`, String.raw`(?:do not|don't|does not|doesn't) mix with water`, String.raw`(?:fat|oil)[- ]soluble`] },
  { term: "hydrophilic", plain: [String.raw`water[- ]loving`] },
  // Carriers.
  { term: "liposomes", plain: [String.raw`(?:tiny |small )?fat(?:ty)?[- ]bubble${S}`, String.raw`lipid bubble${S}`] }, // tuning
  { term: "lipid nanoparticles", plain: [String.raw`fat(?:ty)?[- ](?:based )?particle${S}`] },
  { term: "nanoparticles", plain: [String.raw`tiny particle${S}`, String.raw`nano[- ]particle${S}`] },
  { term: "nanocrystals", plain: [String.raw`tiny crystals?`] },
  { term: "lipids", plain: [String.raw`(?:body |natural |solid )?fats`, String.raw`fatty (?:substances|molecules)`] },
  { term: "biocompatibility", plain: [String.raw`well[- ]tolerated`, String.raw`safe for the body`] },
  { term: "clinical trial", plain: [String.raw`tested in (?:people|humans|patients)`, String.raw`trials? in (?:people|humans)`, String.raw`human (?:trials|studies)`] },
  { term: "encapsulate", plain: [String.raw`wrap(?:s|ped|ping)? up`, String.raw`pack(?:s|ed|ing)? (?:in|into|inside)`] }, // tuning
  { term: "polymeric", plain: [String.raw`plastics?(?:[- ]like)?`] }, // tuning
  { term: "degrade", plain: [String.raw`f(?:a|e)ll(?:s|ing)? apart`] },
  { term: "stable", plain: [String.raw`stay(?:s|ed)? intact`] },
  { term: "thermosensitive", plain: [String.raw`heat[- ](?:responsive|sensitive|triggered)`] }, // tuning
  { term: "hyperthermia", plain: [String.raw`heat(?:ing)? (?:up )?the tumou?r`] },
  { term: "photothermal", plain: [String.raw`light[- ]to[- ]heat`, String.raw`laser heating`] },
  // Harm to an organ, as adverse-event terms name it (the NCI's Common Terminology Criteria for Adverse Events);
  // before the organs' own entries below, which would read "heart damage" as "cardiac damage".
  { term: "alopecia", plain: [String.raw`hair loss`, String.raw`los(?:e|es|ing|t) (?:their |your |the )?hair`] },
  { term: "cardiotoxicity", plain: [String.raw`heart (?:damage|toxicity|injury)`, String.raw`damag(?:e|es|ed|ing) (?:to )?the heart`] },
  { term: "hepatotoxicity", plain: [String.raw`liver (?:damage|toxicity|injury)`, String.raw`damag(?:e|es|ed|ing) (?:to )?the liver`] },
  { term: "nephrotoxicity", plain: [String.raw`kidney (?:damage|toxicity|injury)`, String.raw`damag(?:e|es|ed|ing) (?:to )?the kidneys?`] },
  { term: "neuropathy", plain: [String.raw`nerve (?:damage|injury|pain)`, String.raw`damag(?:e|es|ed|ing) (?:to )?the nerves`] },
  { term: "mucositis", plain: [String.raw`mouth sores`, String.raw`sore mouth`] },
  // Organs by their everyday names, read as the adjectives papers print ("bowel cancer" is colorectal cancer):
  // the anatomical adjectives of the Latin and Greek organ names (Terminologia Anatomica). Only where the
  // papers print the adjective and not the everyday name.
  { term: "cardiac", plain: [String.raw`hearts?`] },
  { term: "pulmonary", plain: [String.raw`lungs?`] },
  { term: "hepatic", plain: [String.raw`livers?`] },
  { term: "renal", plain: [String.raw`kidneys?`] },
  { term: "gastric", plain: [String.raw`stomachs?`] },
  { term: "colorectal", plain: [String.raw`bowels?`] },
  { term: "cerebral", plain: [String.raw`brains?`] },
  { term: "cutaneous", plain: [String.raw`skin`] },
  { term: "ovarian", plain: [String.raw`ovary`, String.raw`ovaries`] },
  { term: "cervical", plain: [String.raw`cervix`] },
  { term: "pancreatic", plain: [String.raw`pancreas`] },
  { term: "uterine", plain: [String.raw`womb`, String.raw`uterus`] },
  { term: "prostatic", plain: [String.raw`prostate`] },
  // Cells and their behaviour.
  { term: "epithelial", plain: [String.raw`lining cell${S}`] }, // tuning
  { term: "metastasis", plain: [String.raw`(?:cancer|tumou?r)s? (?:that|which) (?:has|have) spread`, String.raw`spread(?:s|ing)? to other (?:organs|parts of the body)`] },
  { term: "metastatic cancer cells", plain: [String.raw`(?:cancer|tumou?r) cells (?:that|which) (?:has|have) spread`] }, // tuning
  { term: "membrane", plain: [String.raw`outer (?:skin|coat|layer)`] }, // tuning
  { term: "proliferation", plain: [String.raw`multiply(?:ing)?`, String.raw`multiplies`] },
  { term: "apoptosis", plain: [String.raw`cell[- ]suicide`, String.raw`self[- ]destruct(?:ion)?`, String.raw`programmed (?:cell )?death`] }, // tuning
  { term: "ferroptosis", plain: [String.raw`iron[- ](?:dependent|driven) (?:cell )?death`] }, // tuning
  { term: "adhesion", plain: [String.raw`stickiness`] }, // tuning
  { term: "migration", plain: [String.raw`mov(?:e|es|ing) around`] },
  { term: "stemness", plain: [String.raw`stem[- ]like(?:ness)?`] },
  { term: "immunosuppressive", plain: [String.raw`immune[- ](?:dampening|suppressing)`] }, // tuning
  // Oxygen and metabolism.
  { term: "mitochondria", plain: [String.raw`(?:the )?(?:cell'?s'? )?power ?(?:plants?|houses?|stations?)`] },
  { term: "reactive oxygen species", plain: [String.raw`(?:harmful|toxic) oxygen (?:molecules|compounds)`, String.raw`(?:free|oxygen) radicals`] },
  { term: "hypoxia", plain: [String.raw`low[- ]oxygen`, String.raw`lack of oxygen`, String.raw`oxygen[- ]starved`, String.raw`short of oxygen`, String.raw`without much oxygen`, String.raw`oxygen (?:is|levels? (?:is|are)) low`] }, // tuning
  { term: "glycolysis", plain: [String.raw`burn(?:s|ing)? sugar`, String.raw`sugar[- ]burning`] }, // tuning
  { term: "angiogenesis", plain: [String.raw`new blood vessel${S}`, String.raw`blood[- ]vessel growth`] },
  { term: "microenvironment", plain: [String.raw`(?:tissue|area|cells) (?:surrounding|around) (?:a |the )?tumou?rs?`, String.raw`tumou?r(?:'s)? (?:surroundings|neighbou?rhood)`] }, // tuning
  // Genes and their control.
  { term: "activates", plain: [String.raw`switch(?:es|ed|ing)? on`, String.raw`turn(?:s|ed|ing)? on`] },
  { term: "silencing", plain: [String.raw`switch(?:es|ed|ing)? off`, String.raw`shut(?:s|ting)? off`, String.raw`turn(?:s|ed|ing)? off`, String.raw`mut(?:e|es|ed|ing)`] }, // tuning
  { term: "upregulate", plain: [String.raw`turn(?:s|ed|ing)? up`, String.raw`switch(?:es|ed|ing)? on`] },
  { term: "downregulate", plain: [String.raw`turn(?:s|ed|ing)? down`] },
  { term: "dysregulated", plain: [String.raw`gone awry`, String.raw`out of balance`, String.raw`thrown off`] }, // tuning
  { term: "regulate", plain: [String.raw`steer(?:s|ed|ing)?`] }, // tuning
  { term: "methylation", plain: [String.raw`methyl (?:marks|tags|groups)`, String.raw`chemical (?:tags|marks) (?:put )?on (?:the )?DNA`] }, // tuning
  { term: "histone", plain: [String.raw`(?:DNA )?packaging proteins?`] }, // tuning
  { term: "promoter", plain: [String.raw`control region`, String.raw`on[- ]switch`] }, // tuning
  { term: "oncogene", plain: [String.raw`cancer[- ](?:driving|causing|promoting) genes?`] }, // tuning
  { term: "mutation", plain: [String.raw`genetic (?:change|error|typo)${S}`, String.raw`spelling mistakes? in (?:the )?DNA`] },
  { term: "translation", plain: [String.raw`made into (?:a )?proteins?`, String.raw`turned into (?:a )?proteins?`] }, // tuning
  { term: "physiological", plain: [String.raw`normal body functions?`] }, // tuning
  // Treatment and outcome.
  { term: "advantages and disadvantages", plain: [String.raw`pros and cons`, String.raw`upsides and downsides`] },
  { term: "disadvantages", plain: [String.raw`downsides?`, String.raw`drawbacks?`, String.raw`shortcomings?`, String.raw`pitfalls?`] },
  { term: "resistant", plain: [String.raw`(?:hard|difficult) to (?:treat|cure)`] },
  { term: "researchers", plain: [String.raw`scientists?`] }, // tuning
  { term: "elimination", plain: [String.raw`get(?:ting)? rid of`] }, // tuning
  { term: "survival", plain: [String.raw`living longer`, String.raw`liv(?:e|es) longer`] }, // tuning
  { term: "restore", plain: [String.raw`top(?:s|ped|ping)? up`] }, // tuning
  { term: "resistance", plain: [String.raw`stop(?:s|ped|ping)? (?:responding|working)`, String.raw`no longer (?:respond|responds|work|works)`] }, // tuning
  { term: "combination", plain: [String.raw`(?:several|multiple|two|three) (?:medicines|drugs) together`, String.raw`pairing (?:it|them|drugs|medicines)`] }, // tuning
  { term: "neoadjuvant", plain: [String.raw`pre[- ]?surgery`, String.raw`before surgery`] }, // tuning
  { term: "adjuvant", plain: [String.raw`after surgery`] },
  { term: "targeted", plain: [String.raw`precision (?:medicine|drug)${S}`] }, // tuning
  { term: "prognosis", plain: [String.raw`outlook`] },
  { term: "recurrence", plain: [String.raw`(?:com(?:e|es|ing)|came) back`] },
  { term: "biomarker", plain: [String.raw`warning signs?`, String.raw`tell[- ]?tale signs?`] },
  { term: "toxicity", plain: [String.raw`how (?:toxic|harmful) (?:it|they) (?:is|are)`] },
  { term: "cytotoxic", plain: [String.raw`cell[- ]killing`] },
  { term: "in vivo", plain: [String.raw`in (?:living )?animals`, String.raw`animal (?:work|studies|experiments)`] }, // tuning
  { term: "in vitro", plain: [String.raw`in (?:a|the) (?:dish|lab|test tube)`, String.raw`lab (?:work|studies|experiments)`] }, // tuning
  { term: "circulating tumor cells", plain: [String.raw`tumou?r cells in the (?:blood|bloodstream)`] }, // tuning
  // Drugs, carriers and delivery, as patient leaflets put them.
  { term: "inhibitor", plain: [String.raw`blockers?`] },
  { term: "anticancer", plain: [String.raw`cancer[- ](?:fighting|killing)`] },
  { term: "synthetic", plain: [String.raw`(?:lab|man)[- ]made`] },
  { term: "intravenously", plain: [String.raw`(?:through|by|via) (?:an? )?(?:drip|IV line)`] },
  { term: "orally", plain: [String.raw`by mouth`] },
  { term: "aggregation", plain: [String.raw`clump(?:s|ed|ing)?(?: together)?`] },
  { term: "biodegradable", plain: [String.raw`breaks? down naturally`] },
  { term: "degradation", plain: [String.raw`break(?:s|ing)? down`, String.raw`broken down`] },
  { term: "sustained release", plain: [String.raw`slow[- ]release`] },
  { term: "pH-responsive", plain: [String.raw`acid[- ](?:sensitive|responsive|triggered)`] },
  { term: "magnetic", plain: [String.raw`magnet[- ](?:guided|steered)`] },
  { term: "photodynamic", plain: [String.raw`light[- ]activated`] },
  { term: "ultrasound", plain: [String.raw`sound waves?`] },
  { term: "fluorescent", plain: [String.raw`glow(?:s|ing)?`] },
  { term: "shrinkage", plain: [String.raw`shrink(?:s|ing)?`] },
  { term: "microRNAs", plain: [String.raw`tiny RNAs?`, String.raw`tiny RNA molecules`] },
  // Trials and outcomes, and the body, as plain-language health writing puts them.
  { term: "overall survival", plain: [String.raw`how long (?:do |did )?(?:the )?patients (?:lived|live|survived|survive)`] },
  { term: "progression-free survival", plain: [String.raw`time without (?:the )?(?:cancer|tumou?r|disease) (?:growing|getting worse|progressing)`] },
  { term: "response rate", plain: [String.raw`how many (?:of the )?patients (?:responded|respond|did respond)`] },
  { term: "pathological complete response", plain: [String.raw`no (?:cancer|tumou?r) left (?:at|after) surgery`] },
  { term: "adverse events", plain: [String.raw`bad reactions?`, String.raw`unwanted effects`] },
  { term: "placebo", plain: [String.raw`dummy (?:pill|drug|treatment)s?`, String.raw`sugar pills?`] },
  { term: "first-line", plain: [String.raw`first (?:treatment|therapy) (?:given|tried|offered)`] },
  { term: "permeability", plain: [String.raw`leakiness`] },
  { term: "immune evasion", plain: [String.raw`hid(?:e|es|ing) from the immune system`, String.raw`escap(?:e|es|ing) the immune system`] },
  { term: "transcription factor", plain: [String.raw`gene switch(?:es)?`] },
  { term: "receptor", plain: [String.raw`docking sites?`] },
  { term: "targeting ligand", plain: [String.raw`homing (?:tag|molecule)s?`] },
  { term: "synergistic", plain: [String.raw`work(?:s|ed)? better together`] },
  { term: "intravenous", plain: [String.raw`into (?:a|the) vein`] },
  { term: "subcutaneous", plain: [String.raw`under the skin`] },
  { term: "biopsy", plain: [String.raw`tissue samples?`] },
  { term: "benign", plain: [String.raw`not cancerous`] },
  { term: "malignant", plain: [String.raw`cancerous`] },
  { term: "hereditary", plain: [String.raw`runs? in (?:the )?famil(?:y|ies)`] },
  { term: "antibody", plain: [String.raw`immune proteins?`] },
  { term: "heterogeneity", plain: [String.raw`mix of (?:different )?(?:cell types|cells|kinds of cells)`] },
  { term: "off-target", plain: [String.raw`hitting (?:the )?wrong (?:cells|targets)`] },
  { term: "pharmacokinetics", plain: [String.raw`how the body handles (?:a|the) drug`] },
  { term: "half-life", plain: [String.raw`how long (?:it|the drug) stays in the body`] },
  { term: "necrosis", plain: [String.raw`tissue death`] },
  { term: "oncogenic", plain: [String.raw`cancer[- ]causing`] },
];

interface CompiledTerm {
  term: string;
  pattern: RegExp;
}

// Entries are tried in order: a longer wording comes before a shorter one inside it ("breaks down naturally"
// before "breaks down").
const COMPILED: CompiledTerm[] = GLOSSARY.map(({ term, plain }) => ({ term, pattern: new RegExp(String.raw`\b(?:${plain.join("|")})\b`, "giu") }));

/**
 * The question with its everyday wordings of medical terms replaced by the terms, where the corpus
 * prints the term and not every word of the wording (`printed` tells, given a text).
 *
 * @example
 * inPapersTerms("Why can fat-bubble carriers release drugs inside cells?", printed) // "Why can liposomes carriers release drugs inside cells?"
 */
export function inPapersTerms(question: string, printed: (term: string) => boolean): string {
  let text = question;
  for (const { term, pattern } of COMPILED) {
    pattern.lastIndex = 0;
    if (!pattern.test(text) || !printed(term)) continue;
    pattern.lastIndex = 0;
    text = text.replace(pattern, (...match: unknown[]) => {
      const wording = match[0] as string;
      // A wording whose words the papers print too ("pump drugs out": "efflux pumps") is theirs as well: kept.
      if (printed(wording)) return wording;
      // Words a wording captures (a verb's object) stay after the term.
      const kept = match.slice(1, -2).filter((group): group is string => typeof group === "string" && group.trim() !== "");
      return [term, ...kept.map((group) => group.trim())].join(" ");
    });
  }
  return text;
}

/**
 * Does the corpus print `text`: its one term, or all its terms in one sentence ("lack of oxygen" is
 * not printed where no sentence has both "lack" and "oxygen", though each word is). For `inPapersTerms`.
 */
export function printedIn(sentences: Pick<SentenceIndex, "knows" | "chunksMentioning" | "sentencesOf">): (text: string) => boolean {
  return (text) => {
    const terms = [...new Set(contentTerms(text))];
    if (!terms.every((term) => sentences.knows(term))) return false;
    if (terms.length <= 1) return true;
    for (const chunkId of sentences.chunksMentioning([terms[0]!])) {
      if (sentences.sentencesOf(chunkId).some((sentence) => terms.every((term) => sentence.terms.has(term)))) return true;
    }
    return false;
  };
}
