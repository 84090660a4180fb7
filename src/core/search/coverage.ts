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
  const result: Coverage = { score: 0, inSentence: [], inContext: [], missing: [] };
  let total = 0;
  let covered = 0;
  for (const term of new Set(queryTerms)) {
    const factor = weightOf ? weightOf(term) : 1;
    // A weight of 0 marks a term (a figure) that counts as evidence when found, and is judged elsewhere when not.
    const found = sentenceTerms.has(term) || contextTerms.has(term);
    const weight = stats.idf(term) * (factor === 0 && found ? 1 : factor);
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
}
