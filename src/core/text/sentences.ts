// Sentence segmentation with exact offsets, tuned for news text: abbreviations, initials,
// decimals, ellipses, quotations that end with or contain full stops, one paragraph per line.
import type { Sentence } from '../types';
import { newlineWithin } from './newline';
import { findQuoteSpans, type QuoteSpan } from '../quotes/quoteSpans';

/** Words that take a full stop and are followed by more of the same sentence. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'capt', 'cpt', 'sgt', 'maj', 'adm', 'cmdr',
  'rev', 'hon', 'pres', 'supt', 'insp', 'st', 'jr', 'sr', 'mt', 'ft', 'messrs', 'mme', 'mlle', 'sec', 'atty', 'amb',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'inc', 'ltd', 'co', 'corp', 'bros', 'vs', 'v', 'approx', 'est', 'ave', 'blvd', 'rd', 'dept', 'univ', 'assn',
  'e.g', 'i.e', 'cf', 'al', 'ca', 'viz',
]);
/** Abbreviations that only continue the sentence before a number: "No. 5", "p. 12". */
const NUMBER_ABBREVIATIONS = new Set(['no', 'nos', 'p', 'pp', 'vol', 'art', 'fig', 'ch', 'op', 'nr']);
/** Words that, capitalized after "U.S." or "U.K.", start a new sentence rather than a name. */
const SENTENCE_STARTERS = new Set([
  'the', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'but', 'and', 'this', 'that', 'these', 'those', 'in', 'on', 'at', 'a',
  'an', 'his', 'her', 'their', 'its', 'our', 'there', 'then', 'however', 'meanwhile', 'so', 'yet', 'still', 'now', 'when',
  'while', 'after', 'before', 'if', 'as', 'for', 'some', 'many', 'most', 'officials', 'experts', 'analysts',
]);
/** "..." he said: a sentence that ends inside a quotation continues with its attribution. */
const SPEECH_VERBS = new Set([
  'said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'asked', 'asks', 'explained', 'explains', 'noted', 'notes',
  'wrote', 'writes', 'stressed', 'stresses', 'emphasized', 'emphasizes', 'emphasised', 'emphasises', 'argued', 'argues',
  'claimed', 'claims', 'insisted', 'insists', 'warned', 'warns', 'replied', 'replies', 'continued', 'declared', 'stated',
  'states', 'recalled', 'remarked', 'observed', 'suggested', 'announced', 'tweeted', 'posted', 'according', 'acknowledged',
  'admitted', 'conceded', 'commented', 'answered', 'responded', 'shouted', 'whispered', 'reiterated', 'concluded',
]);

const TERMINATOR = /[.!?…‽。！？]/u;
/** Opening double quotation marks: “ „ « and a straight " (single ones are found by the quote module). */
const OPENING_QUOTE_CODES = new Set([...'“„«"'].map((c) => c.charCodeAt(0)));
/** Longest quotation kept in one sentence; beyond it a quote is split like other text. */
const MAX_QUOTE_LENGTH = 600;
const TERMINATOR_CODES = new Set([...'.!?…‽。！？'].map((c) => c.charCodeAt(0)));
const CLOSER = /["'”’»)\]]/u;
const LOWERCASE_START = /^[\p{Ll}]/u;
const WRAPPED_LINE_END = /[\p{L}\p{N},;]/u;
const CONTINUATION_START = /^[,;:\-–—]/u;
// Read per character or per sentence, so made once (a literal in a function is a new RegExp each time it is reached).
const SPACE = /\s/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const WORD_OR_DOT = /[\p{L}\p{N}.]/u;
const NEXT_WORD = /^[\p{L}\p{N}'’]+/u;

/**
 * The sentences of text[start, end), trimmed of surrounding whitespace. A line break ends a
 * sentence (scraped articles put one paragraph per line) unless it only wraps a sentence:
 * the line stops mid-clause and the next one goes on in lowercase.
 */
export function splitSentences(text: string, start = 0, end = text.length): Sentence[] {
  const sentences: Sentence[] = [];
  let lineStart = Math.max(0, start);
  const stop = Math.min(end, text.length);
  while (lineStart < stop) {
    let lineEnd = newlineWithin(text, lineStart, stop);
    while (lineEnd !== -1 && wrapsSentence(text, lineEnd, stop)) lineEnd = newlineWithin(text, lineEnd + 1, stop);
    if (lineEnd === -1) lineEnd = stop;
    splitLine(text, lineStart, lineEnd, sentences);
    lineStart = lineEnd + 1;
  }
  return sentences;
}

/** Whether the line break at text[newline] is a hard wrap inside a sentence. */
function wrapsSentence(text: string, newline: number, stop: number): boolean {
  let before = newline - 1;
  while (before >= 0 && (text[before] === '\r' || text[before] === ' ' || text[before] === '\t')) before--;
  let after = newline + 1;
  while (after < stop && (text[after] === ' ' || text[after] === '\t')) after++;
  return before >= 0 && after < stop && WRAPPED_LINE_END.test(text[before]) && LOWERCASE_START.test(text[after]);
}

/** The single-quoted spans of a line without a single mark: none (one list for every such line). */
const NO_SPANS: readonly QuoteSpan[] = [];

function splitLine(text: string, start: number, end: number, out: Sentence[]): void {
  let sentenceStart = start;
  let quoteClose = -1;
  // Single quotation marks double as apostrophes: the quote module tells them apart.
  const singles = hasSingleMark(text, start, end) ? findQuoteSpans(text, start, end).filter((q) => q.marks === 'single' && q.closed && q.close - q.open <= MAX_QUOTE_LENGTH) : NO_SPANS;
  let nextSingle = 0;
  let searched: ClosingSearch | undefined;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (i > quoteClose && opensQuote(code)) {
      searched ??= {};
      quoteClose = closingQuote(text, i, end, searched);
    }
    while (nextSingle < singles.length && singles[nextSingle].open < i) nextSingle++;
    if (i > quoteClose && singles[nextSingle]?.open === i) quoteClose = singles[nextSingle].close - 1;
    if (!isTerminator(code)) continue;
    let closeEnd = i;
    while (closeEnd < end && TERMINATOR.test(text[closeEnd])) closeEnd++;
    const terminatorEnd = closeEnd;
    if (terminatorEnd < quoteClose) {
      i = terminatorEnd - 1; // inside a quotation: it ends with its closing mark (or attribution)
      continue;
    }
    while (closeEnd < end && CLOSER.test(text[closeEnd])) closeEnd++;
    if (closeEnd < end && !SPACE.test(text[closeEnd])) {
      i = closeEnd - 1;
      continue;
    }
    let next = closeEnd;
    while (next < end && SPACE.test(text[next])) next++;
    if (next < end && !endsSentence(text, i, terminatorEnd, closeEnd, next, end)) {
      i = closeEnd - 1;
      continue;
    }
    push(text, sentenceStart, closeEnd, out);
    sentenceStart = closeEnd;
    i = closeEnd - 1;
  }
  push(text, sentenceStart, end, out);
}

// Nearly every character of a draft is ASCII, tested by comparison before any set is asked.
function opensQuote(code: number): boolean {
  return code < 0x80 ? code === 0x22 : OPENING_QUOTE_CODES.has(code);
}

function isTerminator(code: number): boolean {
  return code < 0x80 ? code === 0x2e || code === 0x21 || code === 0x3f : TERMINATOR_CODES.has(code);
}

/** Whether text[start, end) holds a single quotation mark or apostrophe (' ‘ ’), without which it has no single-quoted span. */
function hasSingleMark(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x27 || code === 0x2018 || code === 0x2019) return true;
  }
  return false;
}

/** Per closing mark, how far a line is known to hold none of it (searched, nothing found). */
type ClosingSearch = Partial<Record<string, number>>;

/**
 * The index of the mark closing the quotation opened at text[open], on the same line and
 * within MAX_QUOTE_LENGTH, or -1. Scraped text often leaves quotations unclosed.
 * `searched`: what earlier searches on this line found absent, so a run of unclosed marks is not
 * searched again from each of them (600 characters each: 1 MB of them took seconds).
 */
function closingQuote(text: string, open: number, end: number, searched: ClosingSearch): number {
  const opener = text[open];
  if (opener === '"' && open > 0 && !/[\s([{—–-]/u.test(text[open - 1])) return -1; // a closing straight quote
  const closer = opener === '"' ? '"' : opener === '«' ? '»' : '”';
  // Looks no further than the line and the longest quotation: an unbounded search made a text of
  // unclosed marks quadratic.
  const limit = Math.min(end, open + MAX_QUOTE_LENGTH + 1);
  for (let i = Math.max(open + 1, searched[closer] ?? 0); i < limit; i++) if (text[i] === closer) return i;
  searched[closer] = limit;
  return -1;
}

/** Whether the terminator run text[at, terminatorEnd) (plus closers up to closeEnd) ends a sentence before text[next]. */
function endsSentence(text: string, at: number, terminatorEnd: number, closeEnd: number, next: number, end: number): boolean {
  const following = text.slice(next, Math.min(end, next + 80));
  if (LOWERCASE_START.test(following) || CONTINUATION_START.test(following)) return false;
  const nextWord = following.match(NEXT_WORD)?.[0] ?? '';
  const closedQuote = closeEnd > terminatorEnd && /["'”’»]/u.test(text.slice(terminatorEnd, closeEnd));
  if (closedQuote && startsAttribution(following)) return false;
  if (terminatorEnd - at !== 1 || text[at] !== '.' || closeEnd > terminatorEnd) return true;

  const word = wordBefore(text, at);
  const bare = word.toLowerCase();
  if (ABBREVIATIONS.has(bare)) return false;
  if (NUMBER_ABBREVIATIONS.has(bare) && /^\d/u.test(following)) return false;
  if (/^\p{Lu}$/u.test(word)) return false; // an initial: "J. R. Smith"
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) return SENTENCE_STARTERS.has(nextWord.toLowerCase()); // "U.S."
  return true;
}

/** The word right before text[at], e.g. "Mr" or "U.S" for "U.S.". */
function wordBefore(text: string, at: number): string {
  let from = at;
  while (from > 0 && WORD_OR_DOT.test(text[from - 1])) from--;
  return text.slice(from, at).replace(/^\.+/u, '');
}

/** "he said", "Borrell said during...", "said Alicia Bachulska": the quote's attribution follows. */
function startsAttribution(following: string): boolean {
  const clause = following.split(/[.!?;:,“"]/u)[0];
  const words = clause.split(/\s+/u).filter(Boolean).slice(0, 5);
  return words.some((w) => SPEECH_VERBS.has(w.toLowerCase()));
}

function push(text: string, start: number, end: number, out: Sentence[]): void {
  while (start < end && SPACE.test(text[start])) start++;
  while (end > start && SPACE.test(text[end - 1])) end--;
  const slice = text.slice(start, end);
  if (LETTER_OR_DIGIT.test(slice)) out.push({ start, end, text: slice });
}
