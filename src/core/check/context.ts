import type { SourceDocument } from '../types';
import type { PassageIndex } from '../search/passageIndex';
import type { AttributedQuote } from '../quotes/extractQuotes';
import type { PersonMention } from '../quotes/people';

/** What checking a statement reads from the indexed corpus. */
export interface CheckContext {
  index: PassageIndex;
  documents: ReadonlyMap<string, SourceDocument>;
  quotesOf(docId: string): readonly AttributedQuote[];
  mentionsOf(docId: string): readonly PersonMention[];
}
