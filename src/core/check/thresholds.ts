// Every number the support decision compares against, in one place. They are written by
// `npm run fit` (scripts/fit), which chooses them on the labeled dev sets and reports the fit
// and its cross-validated figure; do not edit them by hand.
import fitted from './thresholds.json';
import type { MeaningCutoffs } from './meaning';

/** The support decision's cut-offs (see rules/support). */
export interface SupportCutoffs {
  /** Least weighted share of the statement's words the evidence must give. */
  coverage: number;
  /** Largest share of the statement's weight one word with no counterpart may carry. */
  heaviestMissing: number;
  /** Most names the source mentions, but not where it says the rest, a supported statement may have. */
  detachedNames: number;
  /** Most names carried only by reference where the main sentence names someone else. */
  substitutedNames: number;
}

export interface Thresholds {
  /**
   * Cosine similarity of word vectors from which two words count as counterparts by use alone
   * (`similarity`), and the least a WordNet link (synonym, broader or narrower word) needs (`relatedSimilarity`).
   */
  meaning: MeaningCutoffs;
  support: SupportCutoffs;
}

export const THRESHOLDS: Readonly<Thresholds> = fitted;
