// In a transcript every sentence a speaker says is their quote, quotation marks or not.
import type { Passage, SourceDocument, SourceQuote } from '../types';

/** One quote per sentence (clipped to the turn, so without its "NAME:" label) inside a speaker turn. */
export function turnQuotes(doc: SourceDocument, passages: readonly Passage[]): Array<SourceQuote & { speakerKind: 'name' }> {
  const turns = doc.turns ?? [];
  if (turns.length === 0) return [];
  return passages.flatMap((passage) => {
    const turn = turns.find((t) => t.start < passage.end && passage.start < t.end);
    if (!turn) return [];
    const clipped = doc.text.slice(Math.max(passage.start, turn.start), Math.min(passage.end, turn.end));
    // Quotation marks around the whole sentence are the source's, not part of the words.
    const inner = /^[\s"“”'‘’]*([\s\S]*?)[\s"“”'‘’]*$/.exec(clipped)![1];
    if (!inner) return [];
    const start = Math.max(passage.start, turn.start) + clipped.indexOf(inner);
    return [{ docId: doc.id, passageId: passage.id, text: inner, start, end: start + inner.length, speaker: turn.speaker, speakerKind: 'name' as const }];
  });
}
