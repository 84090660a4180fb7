// Passages: the unit of retrieval, one sentence of a source with its neighbours as context.
import type { OffsetRange, Passage, Sentence, SourceDocument } from '../types';
import { splitSentences } from './sentences';

/** One passage per sentence outside junk; context stays within the sentence's line (paragraph). */
export function buildPassages(doc: SourceDocument): Passage[] {
  const sentences = proseSegments(doc.text.length, doc.junk).flatMap((r) => splitSentences(doc.text, r.start, r.end));
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

function sameLine(text: string, first: Sentence, second: Sentence): boolean {
  return text.indexOf('\n', first.end) === -1 || text.indexOf('\n', first.end) >= second.start;
}
