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

/** The words inside quotation marks in a piece of draft text. */
export function quotedSpans(text: string): string[] {
  return [...text.matchAll(/["“„«]([^"“”„«»]{3,})["”»]/g)].map((m) => m[1]);
}

/** The source quote that a drafted quote reproduces word for word (ellipsis-free), if any. */
export function findVerbatimQuote(drafted: string, quotes: readonly SourceQuote[]): SourceQuote | undefined {
  const words = quoteWords(drafted);
  if (words.length < 3) return undefined;
  return quotes.find((q) => ` ${quoteWordsOf(q)} `.includes(` ${words} `));
}
