import { sourceTitle } from '../render/sourceLabel';
import type { DraftFix, DraftStatement, PassageHit, StatementResult, Verdict } from '../types';
import { tokenTerm, wordTokens } from '../search/tokenize';
import type { ScoredPassage } from '../search/passageIndex';
import { namesMatch, descriptorHead, type Speaker } from '../quotes/names';
import type { CheckContext } from './context';
import { isNotAClaim } from './notAClaim';
import { checkQuotes, quoteReports, restSaidWithQuote, type QuoteFinding } from '../quotes/quoteCheck';
import { assessSupport } from './support';
import { compareNumbers, type NumberConflict } from './numberCheck';
import { antecedentStart } from './references';
import { clip, draftFix, draftRange, result, withFixApplied } from './results';

const MAX_SOURCES = 3;
// Quotations shorter than this are phrases ("inevitable"); the sentence around them is the claim.
const MIN_QUOTE_WORDS_AS_CLAIM = 4;
const MIN_QUOTE_WORDS_FOR_SPEAKER = 3;

function hits(candidates: readonly ScoredPassage[]): PassageHit[] {
  return candidates.slice(0, MAX_SOURCES).map(({ passage, score, matchedTerms }) => ({ passage, score: round(score), matchedTerms }));
}

function round(score: number): number {
  return Math.round(Math.max(0, Math.min(1, score)) * 100) / 100;
}

/** The source as a reader knows it: its title or opening words, not its file. */
function titleOf(context: CheckContext, docId: string): string {
  const doc = context.documents.get(docId);
  return (doc && sourceTitle(doc)) ?? docId;
}

/** A full stop, unless a title already ends the sentence ("...table?", "...a…"). */
function endSentence(text: string): string {
  return /[.?!…]$/.test(text) ? text : `${text}.`;
}

/** One verdict for one statement of a draft, with what was found of its quotations. */
export function checkStatement(statement: DraftStatement, context: CheckContext): StatementResult {
  const findings = findingsOf(statement, context);
  const verdict = judgeStatement(statement, findings, context);
  if (verdict.fix && !fixHolds(statement, verdict.fix, context)) delete verdict.fix;
  return findings.length > 0 ? { ...verdict, quotes: quoteReports(statement, findings) } : verdict;
}

function findingsOf(statement: DraftStatement, context: CheckContext): QuoteFinding[] {
  return statement.checked || isNotAClaim(statement.text) ? [] : checkQuotes(statement.text, context);
}

const CERTAIN_PROBLEMS = new Set<Verdict>(['misquote', 'misattribution', 'number-mismatch', 'unverified-quote']);

/** A quick fix must never write a new error: the statement as fixed is checked again, and the words it wrote must not be wrong. */
function fixHolds(statement: DraftStatement, fix: DraftFix, context: CheckContext): boolean {
  const fixed = withFixApplied(statement, fix);
  if (!fixed) return false;
  const again = judgeStatement(fixed, findingsOf(fixed, context), context);
  if (!CERTAIN_PROBLEMS.has(again.verdict)) return true;
  const focus = again.focus ?? { start: fixed.start, end: fixed.end };
  return focus.end <= fix.start || focus.start >= fix.start + fix.replacement.length;
}

function judgeStatement(statement: DraftStatement, findings: QuoteFinding[], context: CheckContext): StatementResult {
  const text = statement.text;
  if (statement.checked) {
    return result(statement, 'supported', 'Marked as checked by the writer.', hits(assessSupport(text, context).candidates));
  }
  if (isNotAClaim(text)) return result(statement, 'not-a-claim', 'Not a claim: nothing to check.', []);

  const quoteResult = judgeQuotes(statement, findings, context);
  if (quoteResult) return quoteResult;

  const support = assessSupport(text, context);
  const sources = hits(support.candidates);
  const best = support.best;
  if (!best || !support.supported) {
    const why = !best ? '' : support.missingEntities.length > 0 ? ` (the closest passage does not mention ${namesAsWritten(text, support.missingEntities)})` : support.unstatedStance ? ` (the closest passage does not say "${support.unstatedStance}" or anything like it)` : '';
    return result(statement, 'unsupported-claim', `Unsupported claim: no source passage says this${why}; add a source or mark it as checked.`, sources);
  }
  const doc = context.documents.get(best.passage.docId)!;
  const numbers = compareNumbers(text, best.passage, doc, antecedentStart(best.passage, context));
  if (numbers.conflicts.length > 0) return numberMismatch(statement, numbers.conflicts[0], sources);
  if (numbers.unmatched.length > 0) {
    const figure = numbers.unmatched[0];
    return result(statement, 'unsupported-claim', `Unsupported claim: no source gives the figure "${figure.raw}"; add a source or mark it as checked.`, sources, draftRange(statement, figure.start, figure.end));
  }
  return result(statement, 'supported', endSentence(`Supported by ${titleOf(context, best.passage.docId)}`), sources);
}

/** The statement's own spelling of index terms: "Blinken" and "Wang Yi" rather than their stems. */
function namesAsWritten(text: string, terms: readonly string[]): string {
  const wanted = new Set(terms);
  const spans: Array<{ start: number; end: number }> = [];
  for (const token of wordTokens(text)) {
    if (!wanted.has(tokenTerm(token) ?? '')) continue;
    const last = spans[spans.length - 1];
    // "Olga Petrova" is one name: words of a name stand next to each other.
    if (last && /^\s$/u.test(text.slice(last.end, token.start))) last.end = token.end;
    else spans.push({ start: token.start, end: token.end });
  }
  const names = [...new Set(spans.map((span) => text.slice(span.start, span.end).replace(/['’]s$/u, '')))];
  if (names.length === 0) return terms.length === 1 ? 'one of its names' : 'several of its names';
  const quoted = names.map((name) => `"${name}"`);
  return quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

function quoteHit(finding: QuoteFinding): PassageHit[] {
  return finding.passage ? [{ passage: finding.passage, score: round(finding.score), matchedTerms: [] }] : [];
}

function withQuoteSource(finding: QuoteFinding, others: PassageHit[]): PassageHit[] {
  const first = quoteHit(finding);
  return [...first, ...others.filter((o) => !first.some((f) => f.passage.id === o.passage.id))].slice(0, MAX_SOURCES);
}

/** Misquote, misattribution or unverified quote; supported when the quotes carry the statement; else undefined. */
function judgeQuotes(statement: DraftStatement, findings: QuoteFinding[], context: CheckContext): StatementResult | undefined {
  if (findings.length === 0) return undefined;
  const misquote = findings.find((f) => f.outcome === 'misquote');
  if (misquote) {
    const sourceWords = clip(misquote.sourceText ?? '', 400);
    return result(
      statement,
      'misquote',
      `Misquote: the source says "${clip(sourceWords)}".`,
      withQuoteSource(misquote, []),
      draftRange(statement, misquote.span.start, misquote.span.end),
      draftFix(statement, 'Replace with the source wording', misquote.wordsStart, misquote.wordsEnd, sourceWords),
    );
  }
  const misattributed = findings.find((f) => f.outcome === 'verbatim' && f.wordCount >= MIN_QUOTE_WORDS_FOR_SPEAKER && speakersDiffer(f.statementSpeaker, f.sourceSpeaker));
  if (misattributed) {
    const ours = misattributed.statementSpeaker!;
    const theirs = misattributed.sourceSpeaker!;
    const replacement = replacementName(ours, theirs);
    return result(
      statement,
      'misattribution',
      `Misattribution: the source attributes these words to ${theirs.text}, not ${ours.text}.`,
      withQuoteSource(misattributed, []),
      draftRange(statement, ours.start, ours.end),
      draftFix(statement, `Attribute to ${replacement}`, ours.start, ours.end, replacement),
    );
  }
  const unverified = findings.find((f) => f.outcome === 'unverified');
  if (unverified) {
    return result(
      statement,
      'unverified-quote',
      `Unverified quote: no source contains these words, even approximately; check the quote or its source.`,
      [],
      draftRange(statement, unverified.span.start, unverified.span.end),
    );
  }
  const quotedWords = findings.reduce((sum, f) => sum + f.wordCount, 0);
  if (quotedWords < MIN_QUOTE_WORDS_AS_CLAIM) return undefined;
  const main = findings.reduce((a, b) => (b.wordCount > a.wordCount ? b : a));
  if (!main.passage) return result(statement, 'supported', 'Supported: the quote is verbatim in the sources.', []);
  const doc = context.documents.get(main.passage.docId)!;
  // The rest of the sentence is a claim of its own unless the quote's source speaks of it too.
  if (!restSaidWithQuote(statement.text, findings, doc)) return undefined;
  // A verbatim quote does not vouch for the figures around it ("On March 8, Kuleba said ...").
  const numbers = compareNumbers(statement.text, main.passage, doc);
  if (numbers.conflicts.length > 0) return numberMismatch(statement, numbers.conflicts[0], withQuoteSource(main, []));
  return result(statement, 'supported', endSentence(`Supported: the quote is verbatim in ${titleOf(context, main.passage.docId)}`), withQuoteSource(main, []));
}

function numberMismatch(statement: DraftStatement, conflict: NumberConflict, sources: PassageHit[]): StatementResult {
  const { statement: ours, source } = conflict;
  return result(
    statement,
    'number-mismatch',
    `Number mismatch: the source says "${source.raw}", not "${ours.raw}".`,
    sources,
    draftRange(statement, ours.start, ours.end),
    draftFix(statement, `Use the source's figure "${source.raw}"`, ours.start, ours.end, source.raw),
  );
}

/** A named speaker against the source's: different names, or a name where the source gives only a description. */
function speakersDiffer(ours: Speaker | undefined, theirs: Speaker | undefined): boolean {
  if (!ours || !theirs || ours.kind !== 'name') return false;
  if (theirs.kind === 'name') return !namesMatch(ours.text, theirs.text);
  // The source names nobody: giving the words to a named person is an attribution the source does not make.
  return theirs.kind === 'descriptor' && descriptorHead(theirs.text).length > 0;
}

/** "Peskov" -> "Kuleba" (surname for surname), "Yun Sun" -> "Jean-Pierre Cabestan". */
function replacementName(ours: Speaker, theirs: Speaker): string {
  if (theirs.kind !== 'name') return theirs.text;
  const parts = theirs.text.split(' ');
  return ours.text.split(' ').length === 1 ? parts[parts.length - 1] : theirs.text;
}
