import { quoteWords, quoteWordsOf } from './quoteWords';
import type { SourceQuote } from '../types';
import { kthLargest } from '../kthLargest';

// Completion filters tens of thousands of quotes on every keystroke: each quote's words are split once.
const quoteWordCache = new WeakMap<SourceQuote, string[]>();

function wordsOf(quote: SourceQuote): string[] {
  let words = quoteWordCache.get(quote);
  if (!words) {
    words = quoteWordsOf(quote).split(' ');
    quoteWordCache.set(quote, words);
  }
  return words;
}

/** Below this many quotes a plain scan is as fast as building the index. */
const INDEXED_FROM = 2000;

function scanMatches(quotes: readonly SourceQuote[], wanted: readonly string[]): Array<{ quote: SourceQuote; score: number }> {
  const scored: { quote: SourceQuote; score: number }[] = [];
  for (const quote of quotes) {
    const words = wordsOf(quote);
    let score = 0;
    const found = wanted.every((w, i) => {
      const last = i === wanted.length - 1;
      const at = words.findIndex((word) => (last ? word.startsWith(w) : word === w || word.startsWith(w)));
      if (at < 0) return false;
      score += 1 - at / (words.length + 1);
      return true;
    });
    if (found) scored.push({ quote, score: score / Math.sqrt(words.length) });
  }
  return scored;
}

/** Which quotes hold a word, by word, with the words sorted so a typed prefix is a range. */
interface QuoteWordIndex {
  words: string[];
  /** Per word: (quote index, first position of the word in the quote) pairs, quotes ascending. */
  occurrences: number[][];
  /** Per quote: how many words it has. */
  wordCounts: Int32Array;
}

const wordIndexes = new WeakMap<readonly SourceQuote[], QuoteWordIndex>();

function wordIndexFor(quotes: readonly SourceQuote[]): QuoteWordIndex {
  let index = wordIndexes.get(quotes);
  if (!index) {
    const byWord = new Map<string, number[]>();
    quotes.forEach((quote, q) => {
      wordsOf(quote).forEach((word, position, words) => {
        if (words.indexOf(word) !== position) return;
        const list = byWord.get(word);
        if (list) list.push(q, position);
        else byWord.set(word, [q, position]);
      });
    });
    const words = [...byWord.keys()].sort();
    index = { words, occurrences: words.map((w) => byWord.get(w)!), wordCounts: Int32Array.from(quotes, (quote) => wordsOf(quote).length) };
    wordIndexes.set(quotes, index);
  }
  return index;
}

/**
 * The same matches and scores as checking every quote word by word, found through the word
 * index: for each typed word, the first position of any quote word it starts. The engine's quote
 * list stays the same array between corpus changes, so the index is built once, not per keystroke.
 */
function indexedMatches(quotes: readonly SourceQuote[], wanted: readonly string[]): Array<{ quote: SourceQuote; score: number }> {
  const { words, occurrences, wordCounts } = wordIndexFor(quotes);
  const matchedWords = new Int32Array(quotes.length);
  const coverage = new Float64Array(quotes.length);
  // Per typed word: the quotes it is found in (in the order first found) and the first position in each.
  // A one-letter prefix is found in most quotes, so these are arrays over quotes, not maps.
  const foundFor = new Int32Array(quotes.length);
  const firstAt = new Int32Array(quotes.length);
  const found: number[] = [];
  wanted.forEach((prefix, i) => {
    found.length = 0;
    for (let w = lowerBound(words, prefix); w < words.length && words[w].startsWith(prefix); w++) {
      const pairs = occurrences[w];
      for (let k = 0; k < pairs.length; k += 2) {
        const q = pairs[k];
        if (matchedWords[q] !== i) continue;
        if (foundFor[q] !== i + 1) {
          foundFor[q] = i + 1;
          firstAt[q] = pairs[k + 1];
          found.push(q);
        } else if (pairs[k + 1] < firstAt[q]) firstAt[q] = pairs[k + 1];
      }
    }
    for (const q of found) {
      matchedWords[q] = i + 1;
      coverage[q] += 1 - firstAt[q] / (wordCounts[q] + 1);
    }
  });
  const matches: Array<{ quote: SourceQuote; score: number }> = [];
  for (let q = 0; q < quotes.length; q++) {
    if (matchedWords[q] === wanted.length) matches.push({ quote: quotes[q], score: coverage[q] / Math.sqrt(wordCounts[q]) });
  }
  return matches;
}

function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Quotes holding at least `atLeast` of `words` (whole words, any order), in corpus order, at most
 * `limit`: the checker's way to place a quote whose content words were changed.
 */
export function quotesHoldingWords(quotes: readonly SourceQuote[], words: readonly string[], atLeast: number, limit: number): SourceQuote[] {
  const wanted = [...new Set(words.map(quoteWords).filter(Boolean))];
  const hits = new Int32Array(quotes.length);
  if (quotes.length >= INDEXED_FROM) {
    const index = wordIndexFor(quotes);
    for (const word of wanted) {
      const w = lowerBound(index.words, word);
      if (index.words[w] !== word) continue;
      const pairs = index.occurrences[w];
      for (let k = 0; k < pairs.length; k += 2) hits[pairs[k]]++;
    }
  } else {
    quotes.forEach((quote, q) => {
      hits[q] = wanted.filter((word) => wordsOf(quote).includes(word)).length;
    });
  }
  const found: SourceQuote[] = [];
  for (let q = 0; q < quotes.length && found.length < limit; q++) if (hits[q] >= atLeast) found.push(quotes[q]);
  return found;
}

/**
 * Quotes containing every word the writer typed, in any order (the last word may be
 * unfinished), best first: attributed quotes, more of the quote covered, earlier matches.
 */
export function filterQuotes(quotes: readonly SourceQuote[], typed: string, limit = 50): SourceQuote[] {
  const wanted = quoteWords(typed).split(' ').filter(Boolean);
  if (wanted.length === 0) return quotes.slice(0, limit);
  const scored = quotes.length >= INDEXED_FROM ? indexedMatches(quotes, wanted) : scanMatches(quotes, wanted);
  // Quotes with a known speaker come first: they can be attributed.
  const attributed = (q: SourceQuote) => (q.speaker ? 1 : 0);
  return placeable(scored, limit)
    .sort((a, b) => attributed(b.quote) - attributed(a.quote) || b.score - a.score)
    .slice(0, limit)
    .map((s) => s.quote);
}

type Scored = { quote: SourceQuote; score: number };

/**
 * The matches that can be among the `limit` best (attributed first, then by score), in their
 * order: a word or two typed match most quotes, and sorting them all took most of a keystroke.
 */
function placeable(scored: Scored[], limit: number): Scored[] {
  if (scored.length <= limit * 4) return scored;
  const withSpeaker = scored.filter((s) => s.quote.speaker);
  if (withSpeaker.length >= limit) return atLeastKthScore(withSpeaker, limit);
  return [...withSpeaker, ...atLeastKthScore(scored.filter((s) => !s.quote.speaker), limit - withSpeaker.length)];
}

function atLeastKthScore(scored: Scored[], k: number): Scored[] {
  if (scored.length <= k) return scored;
  const threshold = kthLargest(Float64Array.from(scored, (s) => s.score), k);
  return scored.filter((s) => s.score >= threshold);
}
