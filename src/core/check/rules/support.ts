import type { EntityGroup } from '../entities';
import type { Evidence, WordMatch } from '../evidence';
import type { FigureFinding } from './figures';
import { THRESHOLDS, type SupportCutoffs } from '../thresholds';

/** What the support decision weighs: how much of the statement one source says, and what it leaves out. */
export interface SupportFeatures {
  /** Weighted share of the statement's words the evidence (one to three sentences) gives. */
  coverage: number;
  /** The same share for the evidence's main sentence alone. */
  primaryCoverage: number;
  /** The weightiest word with no counterpart, as a share of the statement's weight. */
  heaviestMissing: number;
  /** Names the source mentions but not where it says the rest (0, 1, 2 or more). */
  detachedNames: number;
  /** Of those, the names of who speaks or where it happened: "Kova said", "in Oslo" (part of the claim itself). */
  detachedRoles: number;
  /** Names carried only by reference where the main sentence names someone else (0, 1, 2 or more). */
  substitutedNames: number;
  /** Figures of the statement the source neither gives nor contradicts. */
  unmatchedFigures: number;
  /** Sentences used beyond the main one (0, 1 or 2). */
  extraSentences: number;
}

/** How firmly the evidence supports the statement, with what it leaves out. */
export interface SupportFinding {
  features: SupportFeatures;
  supported: boolean;
  /** Which test failed: too little said, one weighty word missing, or names the evidence does not carry. */
  failed?: 'coverage' | 'missingWord' | 'names' | 'substitutedNames' | 'figures';
  /** 0-1: how far the features are from the cut-offs, towards the verdict. */
  confidence: number;
  /** The statement's words (names aside) with no counterpart in the evidence, in statement order. */
  unmatched: WordMatch[];
}

/**
 * Whether a place the source gives away from the sentences used is where the statement's event
 * happened: a sentence naming it tells of the event (it says another of the statement's words), and
 * the sentences used do not say it happened somewhere else ("met in Beijing" for "met in Minsk").
 */
function placeOfTheEvent(evidence: Evidence, place: EntityGroup): boolean {
  const names = new Set(evidence.matches.filter((m) => m.word.name !== undefined).map((m) => m.word.term));
  if (evidence.sentences.some((s) => s.nameGroups.some((g) => g.locative && !g.speaker && !g.terms.some((t) => names.has(t))))) return false;
  const words = evidence.matches.filter((m) => m.word.name === undefined).map((m) => m.word.term);
  return evidence.document.sentences.some((s) => place.terms.every((t) => s.terms.has(t)) && words.some((w) => s.terms.has(w)));
}

export function supportFeatures(evidence: Evidence, figures: FigureFinding | undefined): SupportFeatures {
  // A framing word ("said", "was more blunt:") left unsaid lowers coverage but is never the one word that sinks a statement.
  const unmatched = evidence.matches.filter((m) => m.strength === 0 && m.word.name === undefined && !m.word.framing);
  const total = evidence.matches.reduce((sum, m) => sum + m.word.weight, 0);
  return {
    coverage: evidence.coverage,
    primaryCoverage: evidence.primaryCoverage,
    heaviestMissing: total > 0 ? Math.max(0, ...unmatched.map((m) => m.word.weight)) / total : 0,
    detachedNames: evidence.detachedNames.length,
    detachedRoles: evidence.detachedNames.filter((g) => g.speaker || g.subject || (g.locative && !placeOfTheEvent(evidence, g))).length,
    substitutedNames: evidence.substitutedNames.length,
    unmatchedFigures: figures?.unmatched.length ?? 0,
    extraSentences: evidence.passages.length - 1 + (figures?.added.length ?? 0),
  };
}

/**
 * The support decision: enough of the statement said (coverage), no single weighty word left
 * out, its names carried where the rest is said, no one else put in its place, and every figure
 * given. The cut-offs are fitted (thresholds.json); who said it, where it happened and its figures
 * are never left to a cut-off: the sentences that say the rest must give them.
 */
export function decideSupport(features: SupportFeatures, cutoffs: SupportCutoffs = THRESHOLDS.support): Pick<SupportFinding, 'supported' | 'failed' | 'confidence'> {
  const margin = (value: number, cut: number, up: boolean): number => Math.min(1, Math.abs(value - cut) / Math.max(1e-9, up ? 1 - cut : cut));
  if (features.substitutedNames > cutoffs.substitutedNames) return { supported: false, failed: 'substitutedNames', confidence: 0.7 };
  if (features.detachedRoles > 0 || features.detachedNames > cutoffs.detachedNames) return { supported: false, failed: 'names', confidence: 0.7 };
  if (features.coverage < cutoffs.coverage) return { supported: false, failed: 'coverage', confidence: 0.5 + 0.5 * margin(features.coverage, cutoffs.coverage, false) };
  if (features.heaviestMissing > cutoffs.heaviestMissing) return { supported: false, failed: 'missingWord', confidence: 0.5 + 0.5 * margin(features.heaviestMissing, cutoffs.heaviestMissing, true) };
  if (features.unmatchedFigures > 0) return { supported: false, failed: 'figures', confidence: 0.8 };
  const confidence = 0.5 + 0.5 * Math.min(margin(features.coverage, cutoffs.coverage, true), margin(features.heaviestMissing, cutoffs.heaviestMissing, false));
  return { supported: true, confidence };
}

export function checkSupport(evidence: Evidence, figures: FigureFinding | undefined): SupportFinding {
  const features = supportFeatures(evidence, figures);
  return { features, ...decideSupport(features), unmatched: evidence.matches.filter((m) => m.strength === 0 && m.word.name === undefined) };
}
