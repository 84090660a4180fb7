import { LineIndex } from '../lineIndex';
import type { SourceDocument } from '../types';

// Live checks and completion ask for source lines many times per keystroke: each source's lines are found once.
const linesByDoc = new WeakMap<SourceDocument, { text: string; lines: LineIndex }>();

/** The line index of a source's text, built once per source text. */
export function sourceLines(doc: SourceDocument): LineIndex {
  const cached = linesByDoc.get(doc);
  if (cached && cached.text === doc.text) return cached.lines;
  const lines = new LineIndex(doc.text);
  linesByDoc.set(doc, { text: doc.text, lines });
  return lines;
}
