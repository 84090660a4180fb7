import type { SourceDocument } from '../types';
import { firstLine, sourceTitle } from '../text/documentTitle';

/** A date as the source gives it, saying so when the source gives no year ("6 May, 09:59": which year is unknown). */
export function dateLabel(date: string): string {
  return /\b(?:1[89]|20)\d\d\b/u.test(date) ? date : `${date} (year not given)`;
}

/** "Title" and "Outlet · Author · date" for a source; untitled sources show their opening words, never their file name. */
export function sourceLabelParts(doc: SourceDocument | undefined, fallbackId: string): { title: string; byline: string } {
  const meta = doc?.metadata ?? {};
  const parts = [meta.outlet, meta.author, meta.date && dateLabel(meta.date)].filter((p): p is string => !!p && p.trim().length > 0);
  const title = (doc && sourceTitle(doc)) ?? fallbackId.split('/').pop() ?? fallbackId;
  return { title, byline: parts.join(' · ') };
}

/** Everything a truncated label leaves out, for its tooltip: the whole title or first line, the byline and the file. */
export function sourceTooltip(doc: SourceDocument | undefined, fallbackId: string): string {
  const full = doc?.metadata.title?.trim() || (doc && firstLine(doc.text)) || fallbackId;
  return [full, sourceLabelParts(doc, fallbackId).byline, fallbackId].filter(Boolean).join('\n');
}
