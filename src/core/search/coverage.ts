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
  const terms = [...new Set(queryTerms)].map((term) => ({ term, idf: stats.idf(term), factor: weightOf ? weightOf(term) : 1 }));
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
