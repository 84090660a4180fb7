// Page numbers of offsets in paged sources (PDF), for citations such as "p. 2".
import type { SourceDocument } from '../types';

/** The 1-based page that `offset` of the document's text is on, or undefined when it has no pages. */
export function pageOfOffset(doc: Pick<SourceDocument, 'pages'>, offset: number): number | undefined {
  const pages = doc.pages;
  if (!pages || pages.length === 0) return undefined;
  let low = 0;
  let high = pages.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (pages[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

/** "p. 2" for an offset of a paged source, as citations and cards print it; undefined otherwise. */
export function pageLabel(doc: Pick<SourceDocument, 'pages'>, offset: number): string | undefined {
  const page = pageOfOffset(doc, offset);
  return page === undefined ? undefined : `p. ${page}`;
}
