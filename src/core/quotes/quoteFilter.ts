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
  /** starts[w]..starts[w + 1] is word w's run of (quote index, first position of the word in the quote) pairs in `pairs`, quotes ascending. */
  starts: Int32Array;
  pairs: Int32Array;
  /** Per quote: how many words it has. */
  wordCounts: Int32Array;
}

const wordIndexes = new WeakMap<readonly SourceQuote[], QuoteWordIndex>();
const building = new WeakMap<readonly SourceQuote[], QuoteIndexBuilder>();

/** Quotes folded per step of a build in the background: a few milliseconds each. */
const BUILD_STEP = 2000;

/**
 * Builds the word index of a quote list a step at a time, so it can be built in the background
 * after a load (buildQuoteIndex) and finished at once when a check needs it first.
 */
class QuoteIndexBuilder {
  private readonly byWord = new Map<string, number[]>();
  private readonly wordCounts: Int32Array;
  private next = 0;

  constructor(private readonly quotes: readonly SourceQuote[]) {
    this.wordCounts = new Int32Array(quotes.length);
  }

  get done(): boolean {
    return this.next >= this.quotes.length;
  }

  step(count: number): void {
    const { quotes, byWord, wordCounts } = this;
    const end = Math.min(quotes.length, this.next + count);
    for (let q = this.next; q < end; q++) {
      // The quote's words are folded here and not kept: the index holds what matching needs.
      const words = quoteWords(quotes[q].text).split(' ');
      wordCounts[q] = words.length;
      for (let position = 0; position < words.length; position++) {
        const word = words[position];
        const list = byWord.get(word);
        if (!list) byWord.set(word, [q, position]);
        // Only a word's first position in a quote counts: a list whose last pair is this quote's has it.
        else if (list[list.length - 2] !== q) list.push(q, position);
      }
    }
    this.next = end;
  }

  finish(): QuoteWordIndex {
    this.step(this.quotes.length);
    const words = [...this.byWord.keys()].sort();
    const starts = new Int32Array(words.length + 1);
    let total = 0;
    words.forEach((word, w) => {
      starts[w] = total;
      total += this.byWord.get(word)!.length;
    });
    starts[words.length] = total;
    const pairs = new Int32Array(total);
    words.forEach((word, w) => {
      pairs.set(this.byWord.get(word)!, starts[w]);
    });
    return { words, starts, pairs, wordCounts: this.wordCounts };
  }
}

function wordIndexFor(quotes: readonly SourceQuote[]): QuoteWordIndex {
  let index = wordIndexes.get(quotes);
  if (!index) {
    index = (building.get(quotes) ?? new QuoteIndexBuilder(quotes)).finish();
    building.delete(quotes);
    wordIndexes.set(quotes, index);
  }
  return index;
}

/**
 * Builds the word index of a quote list (as the first check or completion that needs it would),
 * a step at a time between other work, so neither pays for it; resolves when it is built. A
 * check that needs the index before then finishes it at once. Lists too short to index resolve at
 * once; a build stops (and resolves) as soon as `wanted` says the list is no longer the corpus's.
 */
export function buildQuoteIndex(quotes: readonly SourceQuote[], wanted: () => boolean = () => true): Promise<void> {
  if (quotes.length < INDEXED_FROM || wordIndexes.has(quotes)) return Promise.resolve();
  let builder = building.get(quotes);
  if (!builder) {
    builder = new QuoteIndexBuilder(quotes);
    building.set(quotes, builder);
  }
  const started = builder;
  return new Promise((resolve) => {
    const run = (): void => {
      if (!wordIndexes.has(quotes) && building.get(quotes) === started) {
        if (!wanted()) building.delete(quotes);
        else {
          started.step(BUILD_STEP);
          if (!started.done) {
            setImmediate(run);
            return;
          }
          wordIndexFor(quotes);
        }
      }
      resolve();
    };
    setImmediate(run);
  });
}

/**
 * The same matches and scores as checking every quote word by word, found through the word
 * index: for each typed word, the first position of any quote word it starts. The engine's quote
 * list stays the same array between corpus changes, so the index is built once, not per keystroke.
 */
function indexedMatches(quotes: readonly SourceQuote[], wanted: readonly string[]): Array<{ quote: SourceQuote; score: number }> {
  const { words, starts, pairs, wordCounts } = wordIndexFor(quotes);
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
      for (let k = starts[w]; k < starts[w + 1]; k += 2) {
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
      for (let k = index.starts[w]; k < index.starts[w + 1]; k += 2) hits[index.pairs[k]]++;
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
