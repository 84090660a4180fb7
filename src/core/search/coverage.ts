import type { TermWeights } from './retrieval';

/** How much of a query's weight (IDF) a passage covers: focal sentence in full, neighbours in part. */
export interface Coverage {
  score: number;
  /** Query terms found in the focal sentence. */
  inSentence: string[];
  /** Query terms found only in the neighbouring sentences. */
  inContext: string[];
  missing: string[];
}

const CONTEXT_CREDIT = 0.7;

export function coverage(queryTerms: readonly string[], sentenceTerms: ReadonlySet<string>, contextTerms: ReadonlySet<string>, stats: TermWeights, weightOf?: (term: string) => number): Coverage {
  return queryCoverage(queryTerms, stats, weightOf)(sentenceTerms, contextTerms);
}

/**
 * coverage() of one query over many passages: each query term's IDF and weight are found once,
 * not once per candidate (a draft check ranks dozens of candidates for every statement).
 */
export function queryCoverage(queryTerms: readonly string[], stats: TermWeights, weightOf?: (term: string) => number): (sentenceTerms: ReadonlySet<string>, contextTerms: ReadonlySet<string>) => Coverage {
  const terms = weighedTerms(queryTerms, stats, weightOf);
  return (sentenceTerms, contextTerms) => {
    const result: Coverage = { score: 0, inSentence: [], inContext: [], missing: [] };
    let total = 0;
    let covered = 0;
    for (const { term, idf, factor } of terms) {
      // A weight of 0 marks a term (a figure) that counts as evidence when found, and is judged elsewhere when not.
      const found = sentenceTerms.has(term) || contextTerms.has(term);
      const weight = idf * (factor === 0 && found ? 1 : factor);
      total += weight;
      if (sentenceTerms.has(term)) {
        covered += weight;
        result.inSentence.push(term);
      } else if (contextTerms.has(term)) {
        covered += weight * CONTEXT_CREDIT;
        result.inContext.push(term);
      } else if (weight > 0) result.missing.push(term);
    }
    result.score = total > 0 ? covered / total : 0;
    return result;
  };
}

function weighedTerms(queryTerms: readonly string[], stats: TermWeights, weightOf?: (term: string) => number): Array<{ term: string; idf: number; factor: number }> {
  // Filled by push, not map (see PassageIndex.rank).
  const terms: Array<{ term: string; idf: number; factor: number }> = [];
  for (const term of new Set(queryTerms)) terms.push({ term, idf: stats.idf(term), factor: weightOf ? weightOf(term) : 1 });
  return terms;
}

/**
 * queryCoverage()'s score alone, and its terms found in a sentence asked apart: a search scores
 * dozens of candidates and keeps a few, so only those few need the terms listed.
 */
export function queryScorer(queryTerms: readonly string[], stats: TermWeights, weightOf?: (term: string) => number): { score(placeOf: ReadonlyMap<string, TermPlace>): number; inSentence(sentenceTerms: ReadonlySet<string>): string[] } {
  const terms = weighedTerms(queryTerms, stats, weightOf);
  return {
    // The same sums in the same order as queryCoverage(), so the same score to the last bit.
    score(placeOf) {
      let total = 0;
      let covered = 0;
      for (const { term, idf, factor } of terms) {
        const place = placeOf.get(term);
        const inSentence = place === IN_SENTENCE;
        const inContext = place === IN_CONTEXT;
        const weight = idf * (factor === 0 && (inSentence || inContext) ? 1 : factor);
        total += weight;
        if (inSentence) covered += weight;
        else if (inContext) covered += weight * CONTEXT_CREDIT;
      }
      return total > 0 ? covered / total : 0;
    },
    inSentence: (sentenceTerms) => terms.filter(({ term }) => sentenceTerms.has(term)).map(({ term }) => term),
  };
}

/** Where a passage has a term: in its sentence, or only in the neighbours its context spans. */
export type TermPlace = typeof IN_SENTENCE | typeof IN_CONTEXT;
const IN_SENTENCE = 1;
const IN_CONTEXT = 2;

/** Each term of a passage once, with where it has it: one lookup per query term, where the two sets take two for most. */
export function termPlaces(sentenceTerms: ReadonlySet<string>, contextTerms: ReadonlySet<string>): ReadonlyMap<string, TermPlace> {
  const places = new Map<string, TermPlace>();
  for (const term of contextTerms) places.set(term, IN_CONTEXT);
  for (const term of sentenceTerms) places.set(term, IN_SENTENCE);
  return places;
}
