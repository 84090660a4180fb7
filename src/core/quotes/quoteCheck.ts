import type { DraftStatement, Passage, QuoteReport, SourceDocument } from '../types';
import { draftRange } from '../check/results';
import { contentTerms, tokenTerm, wordTokens, type WordToken } from '../search/tokenize';
import { STOP_WORDS } from '../search/stopWords';
import { findQuoteSpans, type QuoteSpan } from './quoteSpans';
import { attributionAfter, attributionBefore, isSpeechVerb } from './attribution';
import { speakerOfSpan } from './extractQuotes';
import { namesMatch, type Speaker } from './names';
import { alignFragment, type AlignToken } from './align';
import type { CheckContext } from '../check/context';
import { quotesHoldingWords } from './quoteFilter';
import { quoteWords, quoteWordsOf } from './quoteWords';

/** What became of one quotation of a statement. */
export interface QuoteFinding {
  span: QuoteSpan;
  outcome: 'verbatim' | 'misquote' | 'unverified';
  wordCount: number;
  /** Statement-text offsets of the quoted words (first to last word). */
  wordsStart: number;
  wordsEnd: number;
  passage?: Passage;
  score: number;
  /** The source's wording of the matched stretch (offsets in the document). */
  sourceStart?: number;
  sourceEnd?: number;
  sourceText?: string;
  sourceSpeaker?: Speaker;
  statementSpeaker?: Speaker;
}

const CANDIDATE_PASSAGES = 6;
// A misquote keeps most of the source's words; fewer shared words means an invented quote.
const MIN_SHARED_FRACTION = 0.6;
const MAX_EDIT_FRACTION = 0.5;
const ONE_EDIT_MIN_WORDS = 5;

interface Fragment {
  tokens: readonly WordToken[];
}

/** Splits a quotation at omissions ("...", "…") and editorial insertions ("[Europeans]"). */
function fragments(text: string, span: QuoteSpan): Fragment[] {
  const inner = text.slice(span.start, span.end);
  const pieces: Fragment[] = [];
  let from = 0;
  for (const gap of inner.matchAll(/\.{3}|\u2026|\[[^\]]*\]/g)) {
    pieces.push({ tokens: wordTokens(inner.slice(from, gap.index), span.start + from) });
    from = gap.index! + gap[0].length;
  }
  pieces.push({ tokens: wordTokens(inner.slice(from), span.start + from) });
  return pieces.filter((p) => p.tokens.length > 0);
}

function sourceTokens(text: string, offset: number): { tokens: readonly WordToken[]; align: AlignToken[] } {
  const brackets = [...text.matchAll(/\[[^\]]*\]/g)].map((m) => [offset + m.index!, offset + m.index! + m[0].length]);
  const tokens = wordTokens(text, offset);
  const align = tokens.map((t) => ({ norm: t.norm, optional: brackets.some(([s, e]) => t.start >= s && t.end <= e) }));
  return { tokens, align };
}

interface Match {
  cost: number;
  matches: number;
  contentMatches: number;
  passage: Passage;
  sourceStart: number;
  sourceEnd: number;
}

function bestMatch(frags: Fragment[], candidates: ReadonlyArray<{ passage: Passage }>, documents: ReadonlyMap<string, SourceDocument>): Match | undefined {
  let best: Match | undefined;
  for (const candidate of candidates) {
    const doc = documents.get(candidate.passage.docId);
    if (!doc) continue;
    const { contextStart, contextEnd } = candidate.passage;
    const source = sourceTokens(doc.text.slice(contextStart, contextEnd), contextStart);
    let cost = 0;
    let matches = 0;
    let contentMatches = 0;
    let first = Infinity;
    let last = -Infinity;
    for (const fragment of frags) {
      const alignment = alignFragment(fragment.tokens.map((t) => ({ norm: t.norm })), source.align);
      cost += alignment.cost;
      matches += alignment.matches;
      const stretch = source.tokens.slice(alignment.sourceStart, alignment.sourceEnd);
      const words = new Set(stretch.map((t) => t.norm));
      contentMatches += fragment.tokens.filter((t) => !STOP_WORDS.has(t.norm) && words.has(t.norm)).length;
      if (stretch.length > 0) {
        first = Math.min(first, stretch[0].start);
        last = Math.max(last, stretch[stretch.length - 1].end);
      }
    }
    if (first === Infinity) continue;
    if (!best || cost < best.cost || (cost === best.cost && matches > best.matches)) {
      best = { cost, matches, contentMatches, passage: candidate.passage, sourceStart: first, sourceEnd: last };
    }
  }
  return best;
}

/** The passage (of a document) where an offset falls. */
function passageAt(candidates: ReadonlyArray<{ passage: Passage }>, docId: string, offset: number, fallback: Passage): Passage {
  return candidates.find((c) => c.passage.docId === docId && c.passage.start <= offset && offset < c.passage.end)?.passage ?? fallback;
}

/** Checks every quotation in a statement against the words of the sources. */
export function checkQuotes(text: string, context: CheckContext): QuoteFinding[] {
  const findings: QuoteFinding[] = [];
  let previousSpeaker: Speaker | undefined;
  for (const span of findQuoteSpans(text)) {
    const frags = fragments(text, span);
    const words = frags.flatMap((f) => f.tokens);
    // A quotation of function words only ("No, no") holds nothing to look up or to get wrong.
    if (words.every((w) => STOP_WORDS.has(w.norm))) continue;
    const ownSpeakers = statementSpeakersOf(text, span);
    const statementSpeaker = ownSpeakers[0] ?? previousSpeaker;
    previousSpeaker = statementSpeaker;
    let candidates: ReadonlyArray<{ passage: Passage }> = context.index.rank(contentTerms(text.slice(span.start, span.end)), CANDIDATE_PASSAGES);
    let match = bestMatch(frags, candidates, context.documents);
    const base = { span, wordCount: words.length, wordsStart: words[0].start, wordsEnd: words[words.length - 1].end, statementSpeaker };
    if (!match || outcomeOf(match, words) === 'unverified') {
      const scanned = quotesSharingWords(words, context);
      const scannedMatch = bestMatch(frags, scanned, context.documents);
      if (scannedMatch && outcomeOf(scannedMatch, words) !== 'unverified') [match, candidates] = [scannedMatch, scanned];
    }
    if (!match) {
      findings.push({ ...base, outcome: 'unverified', score: 0 });
      continue;
    }
    const outcome = outcomeOf(match, words);
    const doc = context.documents.get(match.passage.docId)!;
    // The alignment may run past the source quote's closing mark ("...in half," said): source wording ends with the quote.
    const inQuote = context.quotesOf(doc.id).find((q) => q.start <= match.sourceStart && match.sourceStart < q.end);
    const sourceEnd = inQuote && match.sourceEnd > inQuote.end ? inQuote.end : match.sourceEnd;
    const passage = passageAt(candidates, doc.id, match.sourceStart, match.passage);
    const found = outcome === 'unverified' ? undefined : speakerOfSource(doc, match.sourceStart, match.sourceEnd, passage, context);
    // The same words may stand in the sources twice ("..., the agency said" and its expert's quote): one given to the statement's speaker settles it.
    const sourceSpeaker = outcome === 'verbatim' && statementSpeaker && found && !sameSpeaker(statementSpeaker, found) ? (saidAlsoBy(statementSpeaker, words, context) ?? found) : found;
    findings.push({
      ...base,
      statementSpeaker: otherThan(sourceSpeaker, ownSpeakers) ?? statementSpeaker,
      outcome,
      passage,
      score: Math.max(0, 1 - match.cost / words.length),
      sourceStart: match.sourceStart,
      sourceEnd,
      sourceText: doc.text.slice(match.sourceStart, sourceEnd).replace(/[\s,;:]+$/u, ''),
      sourceSpeaker,
    });
  }
  return findings;
}

function outcomeOf(match: Match, words: readonly WordToken[]): QuoteFinding['outcome'] {
  if (match.cost === 0) return 'verbatim';
  const contentWords = words.filter((t) => !STOP_WORDS.has(t.norm)).length;
  const shared = match.matches / words.length;
  const close = match.cost <= Math.max(1, Math.floor(MAX_EDIT_FRACTION * words.length)) && shared >= MIN_SHARED_FRACTION && match.contentMatches >= Math.max(1, Math.ceil(contentWords / 2));
  // Five or more words in the source's order but one is no coincidence, whatever the changed word was.
  const oneWordOff = match.cost === 1 && words.length >= ONE_EDIT_MIN_WORDS && match.matches >= words.length - 1;
  return (close || oneWordOff) && words.length >= 3 ? 'misquote' : 'unverified';
}

// A quote whose few content words were changed ("There might be a story in it" -> "... a bivouac
// in it") leaves the index nothing to find: look among the corpus's quotations for one that has
// most of the quote's longest words, whatever they are.
const SCAN_PROBE_WORDS = 4;
const SCAN_MAX_QUOTES = 12;

function quotesSharingWords(words: readonly WordToken[], context: CheckContext): Array<{ passage: Passage }> {
  const probes = [...new Set(words.map((w) => w.raw.toLowerCase()))].sort((a, b) => b.length - a.length).slice(0, SCAN_PROBE_WORDS);
  if (probes.length < 3) return [];
  const quotes = quotesHoldingWords(context.allQuotes(), probes, probes.length - 1, SCAN_MAX_QUOTES);
  return quotes.flatMap((quote) => {
    const passage = context.index.passage(quote.passageId);
    return passage ? [{ passage }] : [];
  });
}

/** The statement's own attributions: `"...," X said`, `X said: "..."`, `said X`; the one after the quote first. */
function statementSpeakersOf(text: string, span: QuoteSpan): Speaker[] {
  return [attributionAfter(text, span), attributionBefore(text, span)].filter((s): s is Speaker => s !== undefined && s.kind !== 'pronoun');
}

function sameSpeaker(a: Speaker, b: Speaker): boolean {
  return a.kind === 'name' && b.kind === 'name' ? namesMatch(a.text, b.text) : a.text === b.text;
}

/** The statement's speaker, when some quotation of the corpus gives them these very words. */
function saidAlsoBy(speaker: Speaker, words: readonly WordToken[], context: CheckContext): Speaker | undefined {
  if (speaker.kind !== 'name') return undefined;
  const folded = quoteWords(words.map((w) => w.raw).join(' '));
  const distinct = [...new Set(folded.split(' '))];
  const quotes = quotesHoldingWords(context.allQuotes(), distinct, distinct.length, SCAN_MAX_QUOTES);
  const quote = quotes.find((q) => q.speaker && namesMatch(q.speaker, speaker.text) && ` ${quoteWordsOf(q)} `.includes(` ${folded} `));
  return quote?.speaker ? { kind: 'name', text: quote.speaker, start: quote.start, end: quote.start } : undefined;
}

/** A sentence naming two speakers for one quote (`Umarov was blunt: “...”, Yun Sun said`) gives it to the one the source does not. */
function otherThan(source: Speaker | undefined, own: readonly Speaker[]): Speaker | undefined {
  if (source?.kind !== 'name' || own.length < 2) return undefined;
  return own.find((s) => s.kind === 'name' && !namesMatch(s.text, source.text));
}

/** Who says the matched words in the source: the quote they sit in, or the sentence's attribution. */
function speakerOfSource(doc: SourceDocument, start: number, end: number, passage: Passage, context: CheckContext): Speaker | undefined {
  const quote = context.quotesOf(doc.id).find((q) => q.start <= start && end <= q.end + 1);
  if (quote) return quote.speaker ? { kind: quote.speakerKind ?? 'name', text: quote.speaker, start: quote.start, end: quote.start } : undefined;
  // Unmarked speech: "The only settlement ... is worth pursuing, Kirby said."
  const pseudo: QuoteSpan = { start: passage.start, end, open: passage.start, close: end, closed: true };
  return speakerOfSpan(doc, pseudo, context.mentionsOf(doc.id));
}

/** The findings as a view reads them: draft offsets of the quoted words, where they were found and who says them there. */
export function quoteReports(statement: DraftStatement, findings: readonly QuoteFinding[]): QuoteReport[] {
  return findings.map((f) => {
    const range = draftRange(statement, f.wordsStart, f.wordsEnd);
    const report: QuoteReport = { start: range.start, end: range.end, outcome: f.outcome };
    if (f.passage) report.docId = f.passage.docId;
    if (f.sourceSpeaker) report.speaker = f.sourceSpeaker.text;
    return report;
  });
}

/**
 * Whether the words of a statement outside its quotations (and their speakers and verbs of saying)
 * all appear in the quote's source, so that the quote and its source carry the statement. A verbatim
 * fragment does not vouch for a sentence whose other words are about something the source never mentions.
 */
export function restSaidWithQuote(text: string, findings: readonly QuoteFinding[], doc: SourceDocument): boolean {
  const inQuoteOrSpeaker = (t: WordToken): boolean =>
    findings.some((f) => (t.start >= f.span.open && t.end <= f.span.close) || (f.statementSpeaker && t.start >= f.statementSpeaker.start && t.end <= f.statementSpeaker.end));
  const rest = wordTokens(text).filter((t) => !STOP_WORDS.has(t.norm) && !isSpeechVerb(t.raw) && !inQuoteOrSpeaker(t));
  if (rest.length === 0) return true;
  const inSource = new Set(wordTokens(doc.text).map((t) => tokenTerm(t)));
  return rest.every((t) => inSource.has(tokenTerm(t)));
}
