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

// A draft asks about the same pairs of words again and again: each statement word keeps what it
// was found to mean against each source word, per set of cut-offs (the fit tries several).
const memos = new WeakMap<MeaningCutoffs, Map<string, Map<string, Meaning | null>>>();
const MEMO_WORDS = 20_000;

/** The relation of a statement word to a source word (folded words), or undefined when they are unrelated. */
export function wordMeaning(statementWord: string, sourceWord: string, cutoffs: MeaningCutoffs): Meaning | undefined {
  let memo = memos.get(cutoffs);
  if (!memo) {
    memo = new Map();
    memos.set(cutoffs, memo);
  }
  let row = memo.get(statementWord);
  if (!row) {
    if (memo.size >= MEMO_WORDS) memo.clear();
    row = new Map();
    memo.set(statementWord, row);
  }
  let meaning = row.get(sourceWord);
  if (meaning === undefined) {
    meaning = lookUp(statementWord, sourceWord, cutoffs) ?? null;
    row.set(sourceWord, meaning);
  }
  return meaning ?? undefined;
}

const relations = new Map<string, Map<string, Relation | null>>();

/** The lexicon's relation of two folded words, remembered (names are compared with every word of a source). */
export function wordRelation(a: string, b: string): Relation | undefined {
  let row = relations.get(a);
  if (!row) {
    if (relations.size >= MEMO_WORDS) relations.clear();
    row = new Map();
    relations.set(a, row);
  }
  let relation = row.get(b);
  if (relation === undefined) {
    relation = getLexicon().relation(a, b) ?? null;
    row.set(b, relation);
  }
  return relation ?? undefined;
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
  if (similarity === undefined || similarity < cutoffs.similarity) return undefined;
  return { strength: (similarity - cutoffs.similarity) / (1 - cutoffs.similarity), kind: 'similar' };
}
