import type { SourceDocument } from '../types';
import { truncate } from './markdownEscape';

const LEDE_CHARS = 70;

/** The first line of text a reader would see, for sources whose metadata has no title. */
function firstLine(text: string): string | undefined {
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

/** "Title" and "Outlet · Author · date" for a source; untitled sources show their opening words. */
export function sourceLabelParts(doc: SourceDocument | undefined, fallbackId: string): { title: string; byline: string } {
  const fileName = fallbackId.split('/').pop() ?? fallbackId;
  const meta = doc?.metadata ?? {};
  const parts = [meta.outlet, meta.author, meta.date].filter((p): p is string => !!p && p.trim().length > 0);
  const title = meta.title?.trim();
  if (title) return { title, byline: parts.join(' · ') };
  const lede = doc && firstLine(doc.text);
  // The file name stays visible so the writer can tell which file an untitled source is.
  return lede ? { title: truncate(lede, LEDE_CHARS), byline: [...parts, fileName].join(' · ') } : { title: fileName, byline: parts.join(' · ') };
}
