import type { SourceDocument } from '../types';

/** "Title — Outlet · Author" for a source, falling back to its file name. */
export function sourceLabelParts(doc: SourceDocument | undefined, fallbackId: string): { title: string; byline: string } {
  const fileName = fallbackId.split('/').pop() ?? fallbackId;
  const meta = doc?.metadata ?? {};
  const byline = [meta.outlet, meta.author, meta.date].filter((p): p is string => !!p && p.trim().length > 0).join(' · ');
  return { title: meta.title?.trim() || fileName, byline };
}
