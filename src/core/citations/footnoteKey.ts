import { sourceTitle } from '../text/documentTitle';
import type { SourceDocument } from '../types';

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const TITLE_STOP_WORDS = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'and', 'to', 'for', 'is', 'at', 'by', 'with']);

function baseKey(doc: SourceDocument): string {
  const { author, outlet, date } = doc.metadata;
  const year = date?.match(/\b(1[89]\d\d|20\d\d)\b/)?.[1];
  const surname = author ? author.replace(/^(by|dr\.?|mr\.?|ms\.?|mrs\.?)\s+/i, '').trim().split(/\s+/).pop() : undefined;
  const who = surname ?? outlet;
  if (who && slug(who)) return [slug(who), year].filter(Boolean).join('-');
  // An untitled source is keyed by its opening words: a file name can say more than the writer means to publish.
  const titleWords = (sourceTitle(doc) ?? '').split(/\s+/).filter((w) => slug(w) && !TITLE_STOP_WORDS.has(w.toLowerCase())).slice(0, 3);
  return titleWords.length > 0 ? slug(titleWords.join(' ')) : 'source';
}

/** A short, readable citation key for a source ("blick-2023"), unique among `taken`. */
export function footnoteKeyFor(doc: SourceDocument, taken: ReadonlySet<string>): string {
  const base = baseKey(doc);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
