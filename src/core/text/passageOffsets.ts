// Passages as four offsets each, for the cache file and the hand-over between threads: ids and
// texts are re-derived from the document, so the corpus text is stored (or sent) only once.
import type { Passage, SourceDocument } from '../types';

/** Int32 fields per passage: start, end, contextStart, contextEnd. */
export const PASSAGE_FIELDS = 4;

/** Whether every passage has the id, document and text buildPassages gives it, so offsets say it all. */
export function passagesAreDerivable(doc: SourceDocument, passages: readonly Passage[]): boolean {
  return passages.every((p, i) => p.id === `${doc.id}#${i}` && p.docId === doc.id && p.text === doc.text.slice(p.start, p.end));
}

/** Writes the passages' offsets into `into`, from passage slot `at` on. */
export function writePassageOffsets(passages: readonly Passage[], into: Int32Array, at = 0): void {
  passages.forEach((p, i) => {
    into.set([p.start, p.end, p.contextStart, p.contextEnd], (at + i) * PASSAGE_FIELDS);
  });
}

/** The `n`th passage of `doc` from passage slot `slot` of `offsets`; id and text default to the derived ones. */
export function passageFromOffsets(doc: SourceDocument, n: number, offsets: Int32Array, slot: number, id = `${doc.id}#${n}`, text?: string): Passage {
  const o = slot * PASSAGE_FIELDS;
  const start = offsets[o];
  const end = offsets[o + 1];
  return { id, docId: doc.id, start, end, text: text ?? doc.text.slice(start, end), contextStart: offsets[o + 2], contextEnd: offsets[o + 3] };
}
