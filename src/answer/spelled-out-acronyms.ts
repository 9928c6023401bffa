// Acronyms a reader uses that the reviews never print but spell out: "ACS" for "American Cancer
// Society", "EPR effect" for "enhanced permeability retention effect". The reviews define most of
// their abbreviations ("(TNBC)", found by src/index/abbreviations.ts); these they do not, so the
// question is rewritten with the spelled-out words before it is searched and scored.
import { STOPWORDS } from "../index/tokenize.ts";

const WORD = /[A-Za-z]+/g;
const ACRONYM = /\b[A-Z]{3,6}s?\b/g;
const MIN_WORDS = 3;
const MAX_WORDS = 6;

interface Phrase {
  count: number;
  /** Every word capitalised ("American Cancer Society"): a name, which is what acronyms mostly stand for. */
  name: boolean;
}

export class SpelledOutAcronyms {
  /** Initials → the phrases with those initials. */
  private readonly phrases = new Map<string, Map<string, Phrase>>();

  /** `texts`: the corpus' sentences; `printed`: does the corpus print this (lower-case) word itself? */
  constructor(
    texts: Iterable<string>,
    private readonly printed: (word: string) => boolean,
  ) {
    for (const text of texts) {
      const words = text.match(WORD) ?? [];
      for (let start = 0; start < words.length; start++) {
        if (STOPWORDS.has(words[start]!.toLowerCase())) continue;
        let initials = "";
        let name = true;
        let inner = false;
        for (let end = start; end < words.length && end - start < MAX_WORDS + 2; end++) {
          const word = words[end]!;
          // "Food and Drug Administration" = FDA: function words inside a name have no initial.
          if (STOPWORDS.has(word.toLowerCase())) {
            inner = true;
            continue;
          }
          initials += word[0]!.toLowerCase();
          name &&= /^[A-Z][a-z]/.test(word);
          if (initials.length > MAX_WORDS || (inner && !name)) break;
          if (initials.length >= MIN_WORDS) this.add(initials, words.slice(start, end + 1).join(" ").toLowerCase(), name);
        }
      }
    }
  }

  private add(initials: string, phrase: string, name: boolean): void {
    let byPhrase = this.phrases.get(initials);
    if (!byPhrase) this.phrases.set(initials, (byPhrase = new Map()));
    const seen = byPhrase.get(phrase);
    if (seen) seen.count++;
    else byPhrase.set(phrase, { count: 1, name });
  }

  /**
   * The phrase an acronym stands for: a name with those initials, or a phrase the corpus repeats,
   * when one such phrase is far likelier than any other (a name counts three occurrences).
   */
  expand(acronym: string): string | undefined {
    const byPhrase = this.phrases.get(acronym.replace(/s$/, "").toLowerCase());
    if (!byPhrase) return undefined;
    const weight = ({ count, name }: Phrase) => (name ? 3 * count : count >= 2 ? count : 0);
    const [best, runnerUp] = [...byPhrase].map(([phrase, info]) => ({ phrase, weight: weight(info) })).sort((a, b) => b.weight - a.weight);
    if (!best || best.weight === 0 || (runnerUp && runnerUp.weight * 2 > best.weight)) return undefined;
    return best.phrase;
  }

  /**
   * The question with each acronym the corpus never prints replaced by the phrase it spells out.
   *
   * @example
   * acronyms.rewrite("Which abnormalities underlie the EPR effect?") // "Which abnormalities underlie the enhanced permeability retention effect?"
   */
  rewrite(question: string): string {
    return question.replace(ACRONYM, (acronym) => {
      if (this.printed(acronym.toLowerCase()) || this.printed(acronym.replace(/s$/, "").toLowerCase())) return acronym;
      return this.expand(acronym) ?? acronym;
    });
  }
}
