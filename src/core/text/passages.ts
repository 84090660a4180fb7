// Passages: the unit of retrieval, one sentence of a source with its neighbours as context.
import type { OffsetRange, Passage, Sentence, SourceDocument } from '../types';
import { splitSentences } from './sentences';

/**
 * Longest passage, in characters. A "sentence" longer than this (a minified page, a table or
 * log dumped as one line) is cut at spaces: one such line made every search and check that
 * touched it take seconds (a 2 MB line: 37 s per draft check), freezing the editor.
 */
export const MAX_PASSAGE_CHARS = 1_000;

/** One passage per sentence outside junk; context stays within the sentence's line (paragraph). */
export function buildPassages(doc: SourceDocument): Passage[] {
  const sentences = proseSegments(doc.text.length, doc.junk).flatMap((r) => splitSentences(doc.text, r.start, r.end).flatMap((s) => capLength(doc.text, s)));
  return sentences.map((sentence, n) => {
    const previous = sentences[n - 1];
    const next = sentences[n + 1];
    const contextStart = previous && sameLine(doc.text, previous, sentence) ? previous.start : sentence.start;
    const contextEnd = next && sameLine(doc.text, sentence, next) ? next.end : sentence.end;
    return { id: `${doc.id}#${n}`, docId: doc.id, start: sentence.start, end: sentence.end, text: sentence.text, contextStart, contextEnd };
  });
}

/** The parts of the text between junk ranges; junk is a hard sentence boundary. */
function proseSegments(length: number, junk: OffsetRange[]): OffsetRange[] {
  const segments: OffsetRange[] = [];
  let from = 0;
  for (const range of [...junk].sort((a, b) => a.start - b.start)) {
    if (range.start > from) segments.push({ start: from, end: range.start });
    from = Math.max(from, range.end);
  }
  if (from < length) segments.push({ start: from, end: length });
  return segments;
}

/** Cuts an overlong sentence into pieces of at most MAX_PASSAGE_CHARS, at spaces when there are any. */
function capLength(text: string, sentence: Sentence): Sentence[] {
  if (sentence.end - sentence.start <= MAX_PASSAGE_CHARS) return [sentence];
  const pieces: Sentence[] = [];
  let start = sentence.start;
  while (start < sentence.end) {
    let end = Math.min(sentence.end, start + MAX_PASSAGE_CHARS);
    if (end < sentence.end) {
      // Only the piece's second half is searched: back to the text's start, a line without spaces was quadratic.
      const from = start + MAX_PASSAGE_CHARS / 2 + 1;
      const space = text.slice(from, end + 1).lastIndexOf(' ');
      if (space >= 0) end = from + space;
      else if (/[\uD800-\uDBFF]/u.test(text[end - 1])) end--; // never split a surrogate pair
    }
    let pieceEnd = end;
    while (pieceEnd > start && /\s/u.test(text[pieceEnd - 1])) pieceEnd--;
    if (pieceEnd > start) pieces.push({ start, end: pieceEnd, text: text.slice(start, pieceEnd) });
    start = end;
    while (start < sentence.end && /\s/u.test(text[start])) start++;
  }
  return pieces;
}

/** No line break between the two (searched only between them, so a long last line stays linear). */
function sameLine(text: string, first: Sentence, second: Sentence): boolean {
  return !text.slice(first.end, second.start).includes('\n');
}
