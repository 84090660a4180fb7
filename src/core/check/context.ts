import type { Passage, SourceDocument, SourceQuote } from '../types';
import type { PassageRetrieval } from '../search/retrieval';
import type { AttributedQuote } from '../quotes/extractQuotes';
import type { PersonMention } from '../quotes/people';

/** What checking a statement reads from the indexed corpus. */
export interface CheckContext {
  /** The local index, or the local index and the newsroom archive together. */
  index: PassageRetrieval;
  documents: ReadonlyMap<string, SourceDocument>;
  /** A document's sentences, in order. */
  passagesOf(docId: string): readonly Passage[];
  quotesOf(docId: string): readonly AttributedQuote[];
  /** Every quotation of the corpus. */
  allQuotes(): readonly SourceQuote[];
  mentionsOf(docId: string): readonly PersonMention[];
  /** How many times a document uses an index term (names the article is about recur). */
  termCountIn(docId: string, term: string): number;
}
