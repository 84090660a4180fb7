// Everything the engine derives from one source document, built once when it is added. A pure
// function of the document, so it can run on any thread (see worker/parallelLoad).
import type { Passage, SourceDocument } from './types';
import { buildPassages } from './text/passages';
import { extractQuotes, type AttributedQuote } from './quotes/extractQuotes';
import { personMentions, type PersonMention } from './quotes/people';

export interface DocumentEntry {
  doc: SourceDocument;
  passages: Passage[];
  quotes: AttributedQuote[];
  mentions: PersonMention[];
}

export function deriveEntry(doc: SourceDocument): DocumentEntry {
  const passages = buildPassages(doc);
  const mentions = personMentions(doc.text);
  return { doc, passages, mentions, quotes: extractQuotes(doc, passages, mentions) };
}
