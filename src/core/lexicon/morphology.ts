// Base forms of English words, the way WordNet's morphy finds them: first the irregular forms
// WordNet lists (went -> go, children -> child), then its detachment rules (-ies -> -y,
// -ing -> '', ...), keeping only candidates that are WordNet lemmas of that part of speech.
import { POS_BIT, type LexiconData } from './format';

type Rule = readonly [suffix: string, replacement: string];

// WordNet's detachment rules (morph.c), per part of speech.
const RULES: Record<'noun' | 'verb' | 'adjective', readonly Rule[]> = {
  noun: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  verb: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
  adjective: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e']],
};

/** A word's base forms and its one lemma. */
export interface WordForms {
  forms: string[];
  lemma: string;
}

export class Morphology {
  constructor(
    private readonly data: LexiconData,
    private readonly posOf: (lemma: string) => number,
  ) {}

  // Each candidate costs a binary search of WordNet's lemmas, and the rules of two parts of
  // speech often make the same one (fights -> fight, as verb and noun): `known` keeps the answers for one word.
  private byRules(word: string, pos: 'noun' | 'verb' | 'adjective', known: Map<string, number>): string[] {
    const isLemma = (base: string): boolean => {
      let bits = known.get(base);
      if (bits === undefined) {
        bits = this.posOf(base);
        known.set(base, bits);
      }
      return (bits & POS_BIT[pos]) !== 0;
    };
    const found: string[] = [];
    for (const [suffix, replacement] of RULES[pos]) {
      if (!word.endsWith(suffix) || word.length <= suffix.length + 1) continue;
      const base = word.slice(0, -suffix.length) + replacement;
      if (isLemma(base) && !found.includes(base)) found.push(base);
    }
    // Doubled consonants before -ed/-ing/-er/-est (stopped -> stop, bigger -> big).
    const doubled = /([b-df-hj-np-tv-z])\1(?:ed|ing|er|est)$/.exec(word);
    if (doubled) {
      const base = word.slice(0, doubled.index + 1);
      if (isLemma(base) && !found.includes(base)) found.push(base);
    }
    return found;
  }

  /**
   * Every base form WordNet allows for the word, in any part of speech (the word itself when it
   * is a lemma), and one lower-case lemma. Irregular verb forms win the lemma (saw -> see, left ->
   * leave: in running text they are far more often the verb); a word that is itself a lemma stays
   * (data, news, species), except -ing/-ed forms, which go to their verb (fighting -> fight);
   * otherwise the rules, verb before noun before adjective; an unknown word is its own lemma, lower-cased.
   */
  analyse(word: string): WordForms {
    const w = word.toLowerCase();
    const own = this.posOf(w);
    const known = new Map([[w, own]]);
    const verbs = this.data.exceptions.verb.get(w);
    const nouns = this.data.exceptions.noun.get(w);
    const adjectives = this.data.exceptions.adjective.get(w);
    const verbRules = this.byRules(w, 'verb', known);
    const nounRules = this.byRules(w, 'noun', known);
    const adjectiveRules = this.byRules(w, 'adjective', known);
    const forms: string[] = own ? [w] : [];
    for (const list of [verbs, nouns, adjectives, verbRules, nounRules, adjectiveRules]) {
      for (const f of list ?? []) if (!forms.includes(f)) forms.push(f);
    }
    const lemma = verbs ? verbs[0]
      : own && !/(?:ing|ed)$/.test(w) ? w
      : verbRules[0] ?? (own ? w : nouns?.[0] ?? nounRules[0] ?? adjectives?.[0] ?? adjectiveRules[0] ?? w);
    return { forms, lemma };
  }
}
