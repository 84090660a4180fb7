/** Words between quotation marks; offsets of the words inside the marks. */
export interface QuoteSpan {
  start: number;
  end: number;
  /** Offset of the opening mark. */
  open: number;
  /** Offset just past the closing mark (or `end` when the quote is never closed). */
  close: number;
  closed: boolean;
}

const OPENERS = new Set(['\u201C', '\u201E']);
const CLOSERS = new Set(['\u201D']);
const STRAIGHT = '"';

/**
 * Finds double-quoted spans, curly or straight, one line at a time. A quote left open runs
 * to the end of its line (scraped text often drops the closing mark); a stray closing mark
 * is ignored. Single marks inside double quotes belong to the quote.
 */
export function findQuoteSpans(text: string, from = 0, to = text.length): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let openAt = -1;
  const finish = (closeMark: number, closed: boolean): void => {
    let end = closeMark;
    while (end > openAt + 1 && /\s/.test(text[end - 1])) end--;
    if (end > openAt + 1) spans.push({ start: openAt + 1, end, open: openAt, close: closed ? closeMark + 1 : end, closed });
    openAt = -1;
  };
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (ch === '\n') {
      if (openAt >= 0) finish(i, false);
    } else if (OPENERS.has(ch)) {
      if (openAt >= 0) finish(i, false);
      openAt = i;
    } else if (CLOSERS.has(ch)) {
      if (openAt >= 0) finish(i, true);
    } else if (ch === STRAIGHT) {
      if (openAt >= 0) finish(i, true);
      else openAt = i;
    }
  }
  if (openAt >= 0) finish(to, false);
  return spans;
}
