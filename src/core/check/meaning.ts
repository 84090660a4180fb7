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

const memo = new Map<string, Meaning | null>();
const MEMO_LIMIT = 200_000;

/** The relation of a statement word to a source word (folded words), or undefined when they are unrelated. */
export function wordMeaning(statementWord: string, sourceWord: string, cutoffs: MeaningCutoffs): Meaning | undefined {
  const key = `${statementWord} ${sourceWord} ${cutoffs.similarity} ${cutoffs.relatedSimilarity}`;
  let meaning = memo.get(key);
  if (meaning === undefined) {
    meaning = lookUp(statementWord, sourceWord, cutoffs) ?? null;
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, meaning);
  }
  return meaning ?? undefined;
}

function lookUp(a: string, b: string, cutoffs: MeaningCutoffs): Meaning | undefined {
  const lexicon = getLexicon();
  const relation = lexicon.relation(a, b);
  const similarity = lexicon.similarity(a, b);
  if (relation && (FORM_RELATIONS.has(relation) || relation === 'antonym' || similarity === undefined || similarity >= cutoffs.relatedSimilarity)) {
    return { strength: RELATION_STRENGTH[relation], kind: relation };
  }
  // Closeness in use says "about the same" in part: credit grows from nothing at the cut-off to all at identical use.
  if (similarity === undefined || similarity < cutoffs.similarity) return undefined;
  return { strength: (similarity - cutoffs.similarity) / (1 - cutoffs.similarity), kind: 'similar' };
}
