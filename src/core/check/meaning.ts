import { getLexicon, type LexicalRelation as Relation } from '../lexicon';

export type MatchKind = Relation | 'similar' | 'name' | 'quote';

export interface Meaning {
  /** How fully the source word says the statement word: 1 for the same meaning, 0 for an opposite. */
  strength: number;
  kind: MatchKind;
}

// What each lexical relation lets a source word say of a statement word. Forms and synonyms say
// it all, and so does a narrower source word ("brawl" says "fight"); a broader one ("fight" for
// "brawl") or a part says it in part; an opposite says the reverse.
const RELATION_STRENGTH: Record<Relation, number> = {
  same: 1,
  inflection: 1,
  derived: 1,
  synonym: 1,
  abbreviation: 1,
  pertainym: 1,
  hyponym: 1,
  hypernym: 0.7,
  part: 0.5,
  antonym: 0,
};

// Forms of one word are certain; the links below can come from a rare sense ("give" and "leave"
// in a will), so they count only where the words are also used alike (their vectors' cosine).
const FORM_RELATIONS: ReadonlySet<Relation> = new Set(['same', 'inflection', 'derived', 'abbreviation', 'pertainym']);

/** The cut-offs of a match by meaning: vectors' cosine for a match by use alone, and for a WordNet link. */
export interface MeaningCutoffs {
  similarity: number;
  relatedSimilarity: number;
}

const MEMO_WORDS = 20_000;

/** Answers about pairs of words, remembered per first word and bounded in how many first words it keeps. */
class PairMemo<V> {
  private readonly rows = new Map<string, Map<string, V | null>>();
  // A caller asks about one first word with each word of a sentence in turn: its row is kept at hand.
  private lastWord: string | undefined;
  private lastRow: Map<string, V | null> | undefined;

  constructor(private readonly compute: (a: string, b: string) => V | undefined) {}

  private row(a: string): Map<string, V | null> {
    if (a === this.lastWord && this.lastRow) return this.lastRow;
    let row = this.rows.get(a);
    if (!row) {
      if (this.rows.size >= MEMO_WORDS) this.rows.clear();
      row = new Map();
      this.rows.set(a, row);
    }
    this.lastWord = a;
    this.lastRow = row;
    return row;
  }

  get(a: string, b: string): V | undefined {
    const row = this.row(a);
    let value = row.get(b);
    if (value === undefined) {
      value = this.compute(a, b) ?? null;
      row.set(b, value);
    }
    return value ?? undefined;
  }
}

// A draft asks about the same pairs of words again and again: each statement word keeps what it
// was found to mean against each source word, per set of cut-offs (the fit tries several).
const memos = new WeakMap<MeaningCutoffs, PairMemo<Meaning>>();
// Every call but the fit's passes the same cut-offs: their memo is kept at hand.
let lastMemo: { cutoffs: MeaningCutoffs; memo: PairMemo<Meaning> } | undefined;

/** The relation of a statement word to a source word (folded words), or undefined when they are unrelated. */
export function wordMeaning(statementWord: string, sourceWord: string, cutoffs: MeaningCutoffs): Meaning | undefined {
  if (lastMemo?.cutoffs !== cutoffs) {
    let memo = memos.get(cutoffs);
    if (!memo) {
      memo = new PairMemo((a, b) => lookUp(a, b, cutoffs));
      memos.set(cutoffs, memo);
    }
    lastMemo = { cutoffs, memo };
  }
  return lastMemo.memo.get(statementWord, sourceWord);
}

const relations = new PairMemo<Relation>((a, b) => getLexicon().relation(a, b));

/** The lexicon's relation of two folded words, remembered (names are compared with every word of a source). */
export function wordRelation(a: string, b: string): Relation | undefined {
  return relations.get(a, b);
}

function lookUp(a: string, b: string, cutoffs: MeaningCutoffs): Meaning | undefined {
  const lexicon = getLexicon();
  const similarity = lexicon.similarity(a, b);
  // Words used apart (a low cosine) count only as the same word in another spelling: a WordNet link
  // between them would need more closeness than that, so the sense links are not looked up.
  const relation = similarity !== undefined && similarity < cutoffs.relatedSimilarity ? lexicon.formRelation(a, b) : lexicon.relation(a, b);
  if (relation && (FORM_RELATIONS.has(relation) || relation === 'antonym' || similarity === undefined || similarity >= cutoffs.relatedSimilarity)) {
    return { strength: RELATION_STRENGTH[relation], kind: relation };
  }
  // Closeness in use says "about the same" in part: credit grows from nothing at the cut-off to all at identical use.
  // Words close in use but of different parts of speech ("met", "soon") are associated, not alike in meaning.
  if (similarity === undefined || similarity < cutoffs.similarity || !lexicon.sharePartOfSpeech(a, b)) return undefined;
  return { strength: (similarity - cutoffs.similarity) / (1 - cutoffs.similarity), kind: 'similar' };
}
