// Base forms of English words, the way WordNet's morphy finds them: first the irregular forms
// WordNet lists (went -> go, children -> child), then its detachment rules (-ies -> -y,
// -ing -> '', ...), keeping only candidates that are WordNet lemmas of that part of speech.
import { POS_BIT, type LexiconData } from './format';

type Pos = keyof typeof POS_BIT;
type Rule = readonly [suffix: string, replacement: string];

// WordNet's detachment rules (morph.c), per part of speech.
const RULES: Record<'noun' | 'verb' | 'adjective', readonly Rule[]> = {
  noun: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  verb: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
  adjective: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e']],
};

export class Morphology {
  constructor(
    private readonly data: LexiconData,
    private readonly posOf: (lemma: string) => number,
  ) {}

  private isLemma(word: string, pos: Pos): boolean {
    return (this.posOf(word) & POS_BIT[pos]) !== 0;
  }

  private byRules(word: string, pos: 'noun' | 'verb' | 'adjective'): string[] {
    const found: string[] = [];
    for (const [suffix, replacement] of RULES[pos]) {
      if (!word.endsWith(suffix) || word.length <= suffix.length + 1) continue;
      const base = word.slice(0, -suffix.length) + replacement;
      if (this.isLemma(base, pos) && !found.includes(base)) found.push(base);
    }
    // Doubled consonants before -ed/-ing/-er/-est (stopped -> stop, bigger -> big).
    const doubled = /([b-df-hj-np-tv-z])\1(?:ed|ing|er|est)$/.exec(word);
    if (doubled) {
      const base = word.slice(0, doubled.index + 1);
      if (this.isLemma(base, pos) && !found.includes(base)) found.push(base);
    }
    return found;
  }

  /** Every base form WordNet allows for the word, in any part of speech (the word itself when it is a lemma). */
  baseForms(word: string): string[] {
    const w = word.toLowerCase();
    const forms: string[] = [];
    const add = (list: readonly string[] | undefined) => {
      for (const f of list ?? []) if (!forms.includes(f)) forms.push(f);
    };
    if (this.posOf(w)) forms.push(w);
    add(this.data.exceptions.verb.get(w));
    add(this.data.exceptions.noun.get(w));
    add(this.data.exceptions.adjective.get(w));
    add(this.byRules(w, 'verb'));
    add(this.byRules(w, 'noun'));
    add(this.byRules(w, 'adjective'));
    return forms;
  }

  /**
   * One lower-case base form. Irregular verb forms win (saw -> see, left -> leave: in running
   * text they are far more often the verb); a word that is itself a lemma stays (data, news,
   * species), except -ing/-ed forms, which go to their verb (fighting -> fight); otherwise the
   * rules, verb before noun before adjective; an unknown word is returned lower-cased.
   */
  lemma(word: string): string {
    const w = word.toLowerCase();
    const verb = this.data.exceptions.verb.get(w);
    if (verb) return verb[0];
    const participle = /(?:ing|ed)$/.test(w);
    if (this.posOf(w) && !participle) return w;
    const ruled = this.byRules(w, 'verb')[0];
    if (ruled) return ruled;
    if (this.posOf(w)) return w;
    return this.data.exceptions.noun.get(w)?.[0]
      ?? this.byRules(w, 'noun')[0]
      ?? this.data.exceptions.adjective.get(w)?.[0]
      ?? this.byRules(w, 'adjective')[0]
      ?? w;
  }
}
