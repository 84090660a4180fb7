import { newlineWithin } from '../text/newline';
/** Words between quotation marks; offsets of the words inside the marks. */
export interface QuoteSpan {
  start: number;
  end: number;
  /** Offset of the opening mark. */
  open: number;
  /** Offset just past the closing mark (or `end` when the quote is never closed). */
  close: number;
  closed: boolean;
  /** Double marks (“...” "...") or single ones, the British style (‘...’ '...'). */
  marks?: 'double' | 'single';
}

// UTF-16 units, compared without making a string of each character of the text.
const DOUBLE_OPENERS = new Set([0x201c, 0x201e]);
const DOUBLE_CLOSERS = new Set([0x201d]);
const STRAIGHT_DOUBLE = 0x22;
const SINGLES = new Set([0x27, 0x2018, 0x2019]);
const ANY_MARK = new Set([...DOUBLE_OPENERS, ...DOUBLE_CLOSERS, STRAIGHT_DOUBLE, ...SINGLES]);

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
// What may stand before an opening mark: nothing, a space, a bracket, a dash or a colon.
const BEFORE_OPENING = /[\s([{\u2014\u2013\-/:\u201C"]/;
// What may follow a closing mark: nothing, a space, punctuation or a closing bracket.
const AFTER_CLOSING = /[\s.,;:!?)\]}\u2014\u2013\-\u201D"\u2026]/;

/** A single mark that can open a quotation: at a word's start ("'We", "‘Great"), never inside a word ("don't"). */
function opensSingle(text: string, i: number, lineStart: number): boolean {
  if (text[i] === '\u2019') return false;
  const before = i > lineStart ? text[i - 1] : ' ';
  const after = text[i + 1] ?? '';
  // "'90s" drops a decade's century: an apostrophe.
  if (/^\d\ds\b/.test(text.slice(i + 1, i + 5))) return false;
  return BEFORE_OPENING.test(before) && (LETTER_OR_DIGIT.test(after) || /[([\u2026.]/.test(after));
}

/** A single mark that can close one: after a word or punctuation, before a space or punctuation. */
function closesSingle(text: string, i: number, lineEnd: number): boolean {
  if (text[i] === '\u2018') return false;
  const before = text[i - 1] ?? ' ';
  const after = i + 1 < lineEnd ? text[i + 1] : ' ';
  return !/\s/.test(before) && AFTER_CLOSING.test(after);
}

/** "the players' union": a plural possessive, not the end of a quotation, when a plainer closing mark follows. */
function looksPossessive(text: string, i: number, lineEnd: number): boolean {
  return /s/i.test(text[i - 1] ?? '') && /\s/.test(text[i + 1] ?? '') && /\p{Ll}/u.test(text[i + 2] ?? '') && i + 2 < lineEnd;
}

/** The last single closing mark of a line that cannot be a possessive, to know whether a plainer one follows. */
function lastPlainClosing(text: string, lineStart: number, lineEnd: number): number {
  for (let i = lineEnd - 1; i >= lineStart; i--) {
    if (SINGLES.has(text.charCodeAt(i)) && closesSingle(text, i, lineEnd) && !looksPossessive(text, i, lineEnd)) return i;
  }
  return -1;
}

/**
 * Finds quoted spans, double or single, curly or straight, one line at a time. A quote left
 * open runs to the end of its line (scraped text often drops the closing mark, and a quotation
 * that runs on over paragraphs reopens each one); a stray closing mark is ignored. Marks of the
 * other kind inside a quote belong to it (a quotation within a quotation). An apostrophe
 * ("don't", "Bill's", "'90s") is told from a single mark by the characters around it; a single
 * mark left open is kept only when it opens its line or follows a colon, as a quotation that
 * runs on does.
 */
export function findQuoteSpans(text: string, from = 0, to = text.length): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  if (!hasQuoteMark(text, from, to)) return spans;
  let openAt = -1;
  let kind: 'double' | 'single' = 'double';
  let lineStart = from;
  let lineEnd = lineEndFrom(text, from, to);
  let plainClosing = -2;
  const finish = (closeMark: number, closed: boolean): void => {
    let end = closeMark;
    while (end > openAt + 1 && /\s/.test(text[end - 1])) end--;
    const keep = closed || kind === 'double' || /^\s*$|:\s*$/.test(text.slice(lineStart, openAt));
    if (keep && end > openAt + 1) spans.push({ start: openAt + 1, end, open: openAt, close: closed ? closeMark + 1 : end, closed, marks: kind });
    openAt = -1;
  };
  for (let i = from; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x0a) {
      if (openAt >= 0) finish(i, false);
      lineStart = i + 1;
      lineEnd = lineEndFrom(text, i + 1, to);
      plainClosing = -2;
    } else if (openAt >= 0 && kind === 'single') {
      if (!SINGLES.has(ch) || !closesSingle(text, i, lineEnd)) continue;
      if (looksPossessive(text, i, lineEnd)) {
        if (plainClosing === -2) plainClosing = lastPlainClosing(text, lineStart, lineEnd);
        if (plainClosing > i) continue;
      }
      finish(i, true);
    } else if (DOUBLE_OPENERS.has(ch)) {
      if (openAt >= 0) finish(i, false);
      openAt = i;
      kind = 'double';
    } else if (DOUBLE_CLOSERS.has(ch)) {
      if (openAt >= 0) finish(i, true);
    } else if (ch === STRAIGHT_DOUBLE) {
      if (openAt >= 0) finish(i, true);
      else [openAt, kind] = [i, 'double'];
    } else if (openAt < 0 && SINGLES.has(ch) && opensSingle(text, i, lineStart)) {
      openAt = i;
      kind = 'single';
    }
  }
  if (openAt >= 0) finish(to, false);
  return spans;
}

/** Whether text[from, to) holds any mark findQuoteSpans reads (most statements hold none). */
function hasQuoteMark(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (ANY_MARK.has(text.charCodeAt(i))) return true;
  }
  return false;
}

function lineEndFrom(text: string, from: number, to: number): number {
  const at = newlineWithin(text, from, to);
  return at < 0 ? to : at;
}
