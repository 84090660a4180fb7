import { namesMatch, descriptorHead, type Speaker } from '../../quotes/names';
import type { StatementAnalysis } from '../analysis';
import type { QuoteFinding } from '../../quotes/quoteCheck';

/** A quotation of the statement that the sources do not give as written, or give to someone else. */
export type QuoteProblem =
  | { kind: 'misquote'; finding: QuoteFinding }
  | { kind: 'misattribution'; finding: QuoteFinding; ours: Speaker; theirs: Speaker }
  | { kind: 'unverified'; finding: QuoteFinding };

// Fewer words than this are a phrase anyone might use: who said it is not checked.
const MIN_QUOTE_WORDS_FOR_SPEAKER = 3;

/** Quote wording first (a misquote), then the speaker, then quotes found nowhere. */
export function checkQuoteRules(analysis: StatementAnalysis): QuoteProblem | undefined {
  const misquote = analysis.quotes.find((f) => f.outcome === 'misquote');
  if (misquote) return { kind: 'misquote', finding: misquote };
  const misattributed = analysis.quotes.find((f) => f.outcome === 'verbatim' && f.wordCount >= MIN_QUOTE_WORDS_FOR_SPEAKER && speakersDiffer(f.statementSpeaker, f.sourceSpeaker));
  if (misattributed) return { kind: 'misattribution', finding: misattributed, ours: misattributed.statementSpeaker!, theirs: misattributed.sourceSpeaker! };
  const unverified = analysis.quotes.find((f) => f.outcome === 'unverified');
  if (unverified) return { kind: 'unverified', finding: unverified };
  return undefined;
}

/** A named speaker against the source's: different names, or a name where the source gives only a description. */
function speakersDiffer(ours: Speaker | undefined, theirs: Speaker | undefined): boolean {
  if (!ours || !theirs || ours.kind !== 'name') return false;
  if (theirs.kind === 'name') return !namesMatch(ours.text, theirs.text);
  // The source names nobody: giving the words to a named person is an attribution the source does not make.
  return theirs.kind === 'descriptor' && descriptorHead(theirs.text).length > 0;
}

/** "Peskov" -> "Kuleba" (surname for surname), "Yun Sun" -> "Jean-Pierre Cabestan". */
export function replacementName(ours: Speaker, theirs: Speaker): string {
  if (theirs.kind !== 'name') return theirs.text;
  const parts = theirs.text.split(' ');
  return ours.text.split(' ').length === 1 ? parts[parts.length - 1] : theirs.text;
}
