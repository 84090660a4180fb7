import type { SourceDocument } from '../types';
import { truncate } from './truncate';

const LEDE_CHARS = 70;

/** The first line of text a reader would see, for sources whose metadata has no title. */
export function firstLine(text: string): string | undefined {
  // Labels are built per passage and per completion item: read up to the first words, not every line.
  return /\S[^\n]*/.exec(text)?.[0].trimEnd();
}

/** The source's title, or its opening words when its metadata has none: never its file name. */
export function sourceTitle(doc: SourceDocument): string | undefined {
  const title = doc.metadata.title?.trim();
  if (title) return title;
  const lede = firstLine(doc.text);
  return lede && truncate(lede, LEDE_CHARS);
}

