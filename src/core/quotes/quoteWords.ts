import type { SourceQuote } from '../types';

/** Lower-cased words with quotation marks, apostrophe styles and punctuation folded away. */
export function quoteWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’ʼ`]/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// Hover and completion look through every quote in the corpus: each quote's words are folded once.
const foldedQuotes = new WeakMap<SourceQuote, string>();

/** `quoteWords` of a source quote, computed once per quote. */
export function quoteWordsOf(quote: SourceQuote): string {
  let words = foldedQuotes.get(quote);
  if (words === undefined) {
    words = quoteWords(quote.text);
    foldedQuotes.set(quote, words);
  }
  return words;
}
