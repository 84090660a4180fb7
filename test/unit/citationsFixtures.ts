import type { Passage, SourceDocument, SourceMetadata } from '../../src/core/types';

/** A small in-memory source for citation tests. */
export function makeSource(id: string, text: string, metadata: SourceMetadata = {}): SourceDocument {
  return { id, path: `/ws/${id}`, format: 'text', metadata, text, junk: [], contentHash: 'x' };
}

export function passageOf(doc: SourceDocument, sentence: string): Passage {
  const start = doc.text.indexOf(sentence);
  if (start < 0) throw new Error(`fixture sentence not in source: ${sentence}`);
  const end = start + sentence.length;
  return { id: `${doc.id}#0`, docId: doc.id, start, end, text: sentence, contextStart: start, contextEnd: end };
}
