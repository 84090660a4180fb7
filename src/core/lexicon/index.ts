// Sourced's lexicon: what words mean, from WordNet 3.1 and GloVe-derived word vectors instead
// of hand-made word lists. The data is one file built by scripts/build/lexicon.js
// (dist/lexicon/lexicon.bin, ~16 MB) and loaded on first use, or earlier by preloadLexicon()
// so the first check does not pay for it.
import * as fs from 'fs';
import * as path from 'path';
import { parseLexicon, type LexiconData } from './format';
import { abbreviates } from './abbreviations';
import { Morphology } from './morphology';
import { buildOpposites } from './polarity';
import { WordNetRelations, type WordLinks } from './relations';
import { POS_BIT } from './format';
import { WordVectors } from './vectors';

/** How word b relates to word a (hypernym: b is a broader term for a; hyponym: a narrower one). */
export type LexicalRelation = 'same' | 'inflection' | 'derived' | 'synonym' | 'hypernym' | 'hyponym' | 'antonym' | 'pertainym' | 'part' | 'abbreviation';

export interface Lexicon {
  /** Lower-case base form: WordNet's irregular forms, then its suffix rules (went -> go, fighting -> fight). */
  lemma(word: string): string;
  /** Every base form WordNet allows for the word, in any part of speech. */
  baseForms(word: string): string[];
  /** Whether WordNet has the word (by one of its base forms) as a verb. */
  canBeVerb(word: string): boolean;
  /** Whether WordNet has the word (by one of its base forms) as a noun. */
  canBeNoun(word: string): boolean;
  /** Whether WordNet has the two words in a common part of speech (true when it knows either not at all). */
  sharePartOfSpeech(a: string, b: string): boolean;
  /** Whether WordNet has the word, by all its base forms, as a noun and nothing else ("Dutchman", not "Dutch" or "American"). */
  isOnlyNoun(word: string): boolean;
  /** Whether WordNet or the vectors know the word (or its base form). */
  knows(word: string): boolean;
  /** The strongest link between the two words over all their senses, strongest first in RELATION_STRENGTH. */
  relation(a: string, b: string): LexicalRelation | undefined;
  /** The same word in another spelling: 'same', 'inflection' or 'abbreviation' (no WordNet sense links, so cheap). */
  formRelation(a: string, b: string): 'same' | 'inflection' | 'abbreviation' | undefined;
  /**
   * Whether swapping one word for the other reverses a claim whatever roles the words play
   * (allow ~ ban, increase ~ decrease): the opposites of the polarity tables (polarity.ts), by base form.
   * Wider WordNet antonyms (military ~ civilian) come from relation() and need the words aligned.
   */
  reverses(a: string, b: string): boolean;
  /** Whether the polarity tables give the word an opposite at all (else reverses(word, anything) is false). */
  opposable(word: string): boolean;
  /**
   * Whether the noun is a kind of the category in its usual sense(s): WordNet's broader terms of
   * its first `senses` noun senses (default 1) reach the category's first noun sense
   * (isA('economist', 'person'), isA('Berlin', 'city')).
   */
  isA(word: string, category: string, senses?: number): boolean;
  /** Cosine of the two words' vectors (a base form's when the word has none); undefined when either is unknown. */
  similarity(a: string, b: string): number | undefined;
  /** The k words whose vectors are nearest the word's. */
  nearest(word: string, k: number): string[];
}

/** Relations from strongest to weakest; relation() returns the first that links the two words. */
export const RELATION_STRENGTH: readonly LexicalRelation[] = ['same', 'inflection', 'abbreviation', 'synonym', 'antonym', 'pertainym', 'derived', 'hypernym', 'hyponym', 'part'];

const HAS_LETTER = /\p{L}/u;

// Most words come folded already ("brawl"): only others pay for the rewrite.
const normalize = (word: string) => {
  const lower = word.toLowerCase();
  return /\s/.test(lower) ? lower.trim().replace(/\s+/g, ' ') : lower;
};

interface WordEntry {
  /** The word folded (lower case, single spaces), as the entry was made for it. */
  norm: string;
  lemma: string;
  forms: string[];
  /** The vector row of the word, or of its first base form that has one. */
  vectorRow: number | undefined;
  links: WordLinks | undefined;
  /** The links of the lemma alone. */
  lemmaLinks: WordLinks | undefined;
  /** The parts of speech of all its base forms (POS_BIT). */
  pos: number | undefined;
  /** isA() answers by category and sense count ("person/1"): a draft check asks them for the same words again and again. */
  kinds: Map<string, boolean> | undefined;
}

class WordNetLexicon implements Lexicon {
  private readonly wordnet: WordNetRelations;
  private readonly morphology: Morphology;
  private readonly vectors: WordVectors;

  constructor(data: LexiconData) {
    this.wordnet = new WordNetRelations(data);
    this.morphology = new Morphology(data, (w) => this.wordnet.posBits(w));
    this.vectors = new WordVectors(data);
  }

  // Looking a word up costs a few binary searches per candidate form; a check asks about the
  // same words again and again, so each word's forms are remembered (a bounded cache).
  private readonly cache = new Map<string, WordEntry>();

  private analyse(word: string): WordEntry {
    // Each spelling asked is a key too, so a word asked again skips normalize()'s regular expressions.
    const cached = this.cache.get(word);
    if (cached) return cached;
    if (this.cache.size >= 50_000) this.cache.clear();
    const w = normalize(word);
    let entry = this.cache.get(w);
    if (!entry) {
      // "U.N." is looked up as "un" when WordNet and the vectors do not have the dotted form.
      const dotless = w.replace(/\./g, '');
      const { forms: own, lemma } = this.morphology.analyse(w);
      const forms = own.length || dotless === w ? own : this.morphology.analyse(dotless).forms;
      // Every field is set here, those worked out later too: an entry given a field after it is made
      // gets another hidden class, and code compiled for the first is thrown away.
      entry = { norm: w, lemma, forms, vectorRow: this.vectorRow([w, dotless, ...forms]), links: undefined, lemmaLinks: undefined, pos: undefined, kinds: undefined };
      this.cache.set(w, entry);
    }
    this.cache.set(word, entry);
    return entry;
  }

  /** The vector row of the first spelling that has one (each costs a binary search, so the rest are not looked up). */
  private vectorRow(spellings: readonly string[]): number | undefined {
    for (const spelling of spellings) {
      const row = this.vectors.row(spelling);
      if (row !== undefined) return row;
    }
    return undefined;
  }

  private links(entry: WordEntry): WordLinks {
    entry.links ??= this.wordnet.links(entry.forms);
    return entry.links;
  }

  // Asked for each pair of words compared by use (sharePartOfSpeech), so worked out once per word.
  private pos(entry: WordEntry): number {
    entry.pos ??= entry.forms.reduce((all, form) => all | this.wordnet.posBits(form), 0);
    return entry.pos;
  }

  private lemmaLinks(entry: WordEntry): WordLinks {
    entry.lemmaLinks ??= entry.forms.length === 1 && entry.forms[0] === entry.lemma ? this.links(entry) : this.wordnet.links([entry.lemma]);
    return entry.lemmaLinks;
  }

  // Opposites WordNet lacks (allow ~ ban), from the polarity tables, keyed by base form.
  private opposites: Map<string, Set<string>> | undefined;

  /** The base forms opposed to the word's lemma, if it has any. */
  private oppositesOf(a: WordEntry): Set<string> | undefined {
    if (!this.opposites) {
      this.opposites = new Map();
      for (const [word, others] of buildOpposites()) {
        const key = this.lemma(word);
        const set = this.opposites.get(key) ?? new Set<string>();
        for (const o of others) set.add(this.lemma(o));
        this.opposites.set(key, set);
      }
    }
    return this.opposites.get(a.lemma);
  }

  private opposed(a: WordEntry, b: WordEntry): boolean {
    const opposite = this.oppositesOf(a);
    return opposite !== undefined && (opposite.has(b.lemma) || b.forms.some((f) => opposite.has(f)));
  }

  isA(word: string, category: string, senses = 1): boolean {
    const entry = this.analyse(word);
    const key = `${category}/${senses}`;
    entry.kinds ??= new Map();
    let answer = entry.kinds.get(key);
    if (answer === undefined) {
      const target = new Set(this.wordnet.nounSenses(this.lemma(category), 1));
      const own = [...new Set([entry.lemma, ...entry.forms])].flatMap((form) => this.wordnet.nounSenses(form, senses));
      answer = target.size > 0 && own.some((synset) => this.wordnet.reaches(synset, target));
      entry.kinds.set(key, answer);
    }
    return answer;
  }

  reverses(a: string, b: string): boolean {
    // Most words have no opposite: then b need not be looked up either.
    return this.opposable(a) && this.opposed(this.analyse(a), this.analyse(b));
  }

  opposable(word: string): boolean {
    // The polarity tables hold words: a figure ("2019", "4.5") is not looked up at all.
    return HAS_LETTER.test(word) && this.oppositesOf(this.analyse(word)) !== undefined;
  }

  lemma(word: string): string {
    return this.analyse(word).lemma;
  }

  canBeVerb(word: string): boolean {
    return (this.pos(this.analyse(word)) & POS_BIT.verb) !== 0;
  }

  canBeNoun(word: string): boolean {
    return (this.pos(this.analyse(word)) & POS_BIT.noun) !== 0;
  }

  isOnlyNoun(word: string): boolean {
    const forms = this.analyse(word).forms;
    return forms.length > 0 && forms.every((form) => this.wordnet.posBits(form) === POS_BIT.noun);
  }

  /** Whether WordNet has the two words in a common part of speech (true when it knows either not at all). */
  sharePartOfSpeech(a: string, b: string): boolean {
    const x = this.pos(this.analyse(a));
    const y = this.pos(this.analyse(b));
    return x === 0 || y === 0 || (x & y) !== 0;
  }

  baseForms(word: string): string[] {
    return this.analyse(word).forms;
  }

  knows(word: string): boolean {
    const entry = this.analyse(word);
    return entry.forms.length > 0 || entry.vectorRow !== undefined;
  }

  formRelation(a: string, b: string): 'same' | 'inflection' | 'abbreviation' | undefined {
    return this.formRelationOf(this.analyse(a), this.analyse(b));
  }

  private formRelationOf(ex: WordEntry, ey: WordEntry): 'same' | 'inflection' | 'abbreviation' | undefined {
    const x = ex.norm;
    const y = ey.norm;
    if (!x || !y) return undefined;
    if (x === y) return 'same';
    if (ex.lemma === ey.lemma || ex.forms.includes(y) || ey.forms.includes(x) || ex.forms.some((f) => ey.forms.includes(f))) return 'inflection';
    const isWord = (w: string) => this.analyse(w).forms.length > 0;
    // Every way English abbreviates keeps the first letter ("Utd", "U.S.", "Sept.").
    if (x[0] === y[0] && (abbreviates(x, y, isWord) || abbreviates(y, x, isWord))) return 'abbreviation';
    return undefined;
  }

  relation(a: string, b: string): LexicalRelation | undefined {
    const ex = this.analyse(a);
    const ey = this.analyse(b);
    const form = this.formRelationOf(ex, ey);
    if (form) return form;
    const found = this.wordnet.relation(this.links(ex), this.links(ey));
    if (found === 'synonym') return found;
    if (this.wordnet.antonymous(this.lemmaLinks(ex), this.lemmaLinks(ey)) || this.opposed(ex, ey)) return 'antonym';
    return found;
  }

  similarity(a: string, b: string): number | undefined {
    const i = this.analyse(a).vectorRow;
    const j = this.analyse(b).vectorRow;
    return i === undefined || j === undefined ? undefined : this.vectors.cosine(i, j);
  }

  nearest(word: string, k: number): string[] {
    const row = this.analyse(word).vectorRow;
    return row === undefined ? [] : this.vectors.nearest(row, k);
  }
}

/** lexicon/lexicon.bin beside the bundle (dist/), or in the dist/ or out/ of an enclosing folder (test and script bundles). */
export function lexiconPath(bundleDir = __dirname): string {
  const candidates: string[] = [];
  for (let dir = bundleDir, i = 0; i < 5; i++, dir = path.dirname(dir)) {
    candidates.push(path.join(dir, 'lexicon', 'lexicon.bin'), path.join(dir, 'dist', 'lexicon', 'lexicon.bin'));
  }
  const found = candidates.find((file) => fs.existsSync(file));
  if (!found) throw new Error('Sourced\'s language data (lexicon/lexicon.bin) is missing from this build: rebuild with "node esbuild.js"');
  return found;
}

let lexicon: Lexicon | undefined;
let loading: Promise<void> | undefined;

/** The lexicon, loaded synchronously on first call. */
export function getLexicon(): Lexicon {
  lexicon ??= new WordNetLexicon(parseLexicon(fs.readFileSync(lexiconPath())));
  return lexicon;
}

/** Reads the lexicon file without blocking, so a later getLexicon() returns at once. */
export function preloadLexicon(): Promise<void> {
  if (lexicon) return Promise.resolve();
  loading ??= fs.promises.readFile(lexiconPath()).then((bytes) => {
    lexicon ??= new WordNetLexicon(parseLexicon(bytes));
  });
  return loading;
}
