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

/**
 * Quotes containing every word the writer typed, in any order (the last word may be
 * unfinished), best first: attributed quotes, more of the quote covered, earlier matches.
 */
export function filterQuotes(quotes: readonly SourceQuote[], typed: string, limit = 50): SourceQuote[] {
  const wanted = quoteWords(typed).split(' ').filter(Boolean);
  if (wanted.length === 0) return quotes.slice(0, limit);
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
  // Quotes with a known speaker come first: they can be attributed.
  const attributed = (q: SourceQuote) => (q.speaker ? 1 : 0);
  return scored.sort((a, b) => attributed(b.quote) - attributed(a.quote) || b.score - a.score).slice(0, limit).map((s) => s.quote);
}
