import { quoteWords } from '../render/verbatimQuote';
import type { SourceQuote } from '../types';

// Completion filters tens of thousands of quotes on every keystroke: each quote's words are split once.
const quoteWordCache = new WeakMap<SourceQuote, string[]>();

function wordsOf(quote: SourceQuote): string[] {
  let words = quoteWordCache.get(quote);
  if (!words) {
    words = quoteWords(quote.text).split(' ');
    quoteWordCache.set(quote, words);
  }
  return words;
}

/** Which quotes hold a word, by word, with the words sorted so a typed prefix is a range. */
interface QuoteWordIndex {
  words: string[];
  quotesWith: number[][];
}

const wordIndexes = new WeakMap<readonly SourceQuote[], QuoteWordIndex>();

function wordIndexFor(quotes: readonly SourceQuote[]): QuoteWordIndex {
  let index = wordIndexes.get(quotes);
  if (!index) {
    const byWord = new Map<string, number[]>();
    quotes.forEach((quote, i) => {
      for (const word of new Set(wordsOf(quote))) {
        const list = byWord.get(word);
        if (list) list.push(i);
        else byWord.set(word, [i]);
      }
    });
    const words = [...byWord.keys()].sort();
    index = { words, quotesWith: words.map((w) => byWord.get(w)!) };
    wordIndexes.set(quotes, index);
  }
  return index;
}

/**
 * The quotes that can match: those holding a word that starts with the most selective typed
 * word, found through the word index (the engine's quote list is the same array between corpus
 * changes, so the index is built once). Every candidate is still checked word by word.
 */
function candidatesFor(quotes: readonly SourceQuote[], wanted: readonly string[]): readonly SourceQuote[] {
  if (quotes.length < 2000) return quotes;
  const index = wordIndexFor(quotes);
  let best: number[][] | undefined;
  let bestSize = Infinity;
  for (const prefix of wanted) {
    const lists: number[][] = [];
    let size = 0;
    for (let at = lowerBound(index.words, prefix); at < index.words.length && index.words[at].startsWith(prefix); at++) {
      lists.push(index.quotesWith[at]);
      size += index.quotesWith[at].length;
    }
    if (size < bestSize) [best, bestSize] = [lists, size];
  }
  if (!best || bestSize > quotes.length / 2) return quotes;
  const ids = [...new Set(best.flat())].sort((a, b) => a - b);
  return ids.map((i) => quotes[i]);
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
 * Quotes containing every word the writer typed, in any order (the last word may be
 * unfinished), best first: attributed quotes, more of the quote covered, earlier matches.
 */
export function filterQuotes(quotes: readonly SourceQuote[], typed: string, limit = 50): SourceQuote[] {
  const wanted = quoteWords(typed).split(' ').filter(Boolean);
  if (wanted.length === 0) return quotes.slice(0, limit);
  const scored: { quote: SourceQuote; score: number }[] = [];
  for (const quote of candidatesFor(quotes, wanted)) {
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
  // Quotes with a known speaker come first: they can be attributed.
  const attributed = (q: SourceQuote) => (q.speaker ? 1 : 0);
  return scored.sort((a, b) => attributed(b.quote) - attributed(a.quote) || b.score - a.score).slice(0, limit).map((s) => s.quote);
}
