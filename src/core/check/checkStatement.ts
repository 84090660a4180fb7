import type { DraftFix, DraftStatement, StatementResult, Verdict } from '../types';
import type { ScoredPassage } from '../search/passageIndex';
import type { CheckContext } from './context';
import { isNotAClaim } from './notAClaim';
import { analyseStatement, FRAMING_FACTOR, isFigureTerm, type StatementAnalysis } from './analysis';
import { assembleEvidence } from './evidence';
import { checkQuoteRules } from './rules/quotes';
import { checkFigures } from './rules/figures';
import { checkPolarity } from './rules/polarity';
import { checkSupport } from './rules/support';
import { arbitrate, type RuleFindings } from './arbiter';
import { THRESHOLDS } from './thresholds';
import type { MeaningCutoffs } from './meaning';
import { quoteReports } from '../quotes/quoteCheck';
import { result, withFixApplied } from './results';

const CANDIDATES = 8;

/**
 * One verdict for one statement of a draft: the statement is analysed once, the sources that
 * may say it are found and the sentences of one source that say most of it assembled; each rule
 * reads that and returns its evidence, and the arbiter decides. The result carries what was
 * found of each quotation, so a view shows the finding the verdict used.
 */
export function checkStatement(statement: DraftStatement, context: CheckContext): StatementResult {
  const findings = assessStatement(statement, context);
  if (!findings) return result(statement, 'not-a-claim', 'Not a claim: nothing to check.', []);
  const verdict = arbitrate(statement, findings, context);
  // The verdict is this check's own new result, with every field already there: set in place, not copied.
  if (verdict.fix && !fixHolds(statement, verdict.fix, context)) verdict.fix = undefined;
  const quotes = findings.analysis.quotes;
  if (quotes.length > 0) verdict.quotes = quoteReports(statement, quotes);
  return verdict;
}

const CERTAIN_PROBLEMS = new Set<Verdict>(['misquote', 'misattribution', 'number-mismatch', 'unverified-quote']);

/** A quick fix must never write a new error: the statement as fixed is checked again, and the words it wrote must not be wrong. */
function fixHolds(statement: DraftStatement, fix: DraftFix, context: CheckContext): boolean {
  const fixed = withFixApplied(statement, fix);
  if (!fixed) return false;
  const findings = assessStatement(fixed, context);
  if (!findings) return true;
  const again = arbitrate(fixed, findings, context);
  if (!CERTAIN_PROBLEMS.has(again.verdict)) return true;
  const focus = again.focus ?? { start: fixed.start, end: fixed.end };
  return focus.end <= fix.start || focus.start >= fix.start + fix.replacement.length;
}

/** Every rule's evidence about a statement (undefined when it is not a claim); `meaning` overrides the fitted cut-offs (for the fit). */
export function assessStatement(statement: DraftStatement, context: CheckContext, meaning: MeaningCutoffs = THRESHOLDS.meaning): RuleFindings | undefined {
  if (!statement.checked && isNotAClaim(statement.text)) return undefined;
  const analysis = analyseStatement(statement.text, context);
  const candidates = retrieve(analysis, context);
  const evidence = assembleEvidence(analysis, candidates, context, meaning);
  const figures = evidence && checkFigures(analysis, evidence, context);
  return {
    analysis,
    candidates,
    evidence,
    quote: checkQuoteRules(analysis),
    figures,
    polarity: evidence && checkPolarity(analysis, evidence, context),
    support: evidence && checkSupport(evidence, figures),
  };
}

/** Candidate passages by the statement's words; its figures count, so the passage that gives them ranks first. */
function retrieve(analysis: StatementAnalysis, context: CheckContext): ScoredPassage[] {
  const framing = new Set(analysis.words.filter((w) => w.framing).map((w) => w.term));
  return context.index.rank(analysis.searchTerms, CANDIDATES, (term) => (isFigureTerm(term) ? 1 : framing.has(term) ? FRAMING_FACTOR : 1));
}
