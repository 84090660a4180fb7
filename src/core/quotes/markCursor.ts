// The last line break, sentence mark or words before an offset, found without reading back from it
// each time: every quote and speech verb of a text looks back for them within 300 characters (and
// 13 words), and a text of dense quotations ("“He said “He said ...") was read some 60 times over.
import { isRegExpSpace } from '../text/spaces';

/** The most words lastWordsStart counts back. */
const MAX_WORDS = 16;

/** `.` `!` `?` `…` */
function isSentenceMark(code: number): boolean {
  return code === 0x2e || code === 0x21 || code === 0x3f || code === 0x2026;
}

/**
 * Answers windows asked in increasing order by reading the text once, forward (a window that
 * starts past what was read skips to it); a window before what was read is read back, as before.
 */
export class MarkCursor {
  /** text[known, read) has been read: its last line break and last sentence mark (-1: none). */
  private known = 0;
  private read = 0;
  private newline = -1;
  private mark = -1;
  /** Where the last MAX_WORDS words read start (after a space, or at the text's start), a ring. */
  private readonly wordStarts = new Int32Array(MAX_WORDS).fill(-1);
  private words = 0;

  constructor(private readonly text: string) {}

  /** The last '\n' in text[from, to), or -1. */
  lastNewline(from: number, to: number): number {
    if (!this.readWindow(from, to)) return lastWhere(this.text, from, to, (code) => code === 0x0a);
    return this.newline >= from ? this.newline : -1;
  }

  /** The last `.` `!` `?` or `…` in text[from, to), or -1. */
  lastSentenceMark(from: number, to: number): number {
    if (!this.readWindow(from, to)) return lastWhere(this.text, from, to, isSentenceMark);
    return this.mark >= from ? this.mark : -1;
  }

  /**
   * Where the last `words` words of text[from, to) start (a word: a run of non-space, the first
   * one starting at `from` at the earliest), or `from` when there are no more.
   */
  lastWordsStart(from: number, to: number, words: number): number {
    if (words > MAX_WORDS || !this.readWindow(from, to)) return lastWordsStart(this.text, from, to, words);
    // Words read before `from` (or skipped to it) start at or before it: then there are fewer than `words` after it.
    const start = this.words >= words ? this.wordStarts[(this.words - words) % MAX_WORDS] : -1;
    return Math.max(start, from);
  }

  /** Reads on to `to`, unless the window starts before what was read or ends before where reading stopped. */
  private readWindow(from: number, to: number): boolean {
    if (from < this.known || to < this.read) return false;
    if (this.read < from) {
      this.known = this.read = from;
      this.newline = this.mark = -1;
    }
    for (; this.read < to; this.read++) {
      const code = this.text.charCodeAt(this.read);
      if (code === 0x0a) this.newline = this.read;
      else if (isSentenceMark(code)) this.mark = this.read;
      if (!isRegExpSpace(code) && (this.read === 0 || isRegExpSpace(this.text.charCodeAt(this.read - 1)))) this.wordStarts[this.words++ % MAX_WORDS] = this.read;
    }
    return true;
  }
}

function lastWhere(text: string, from: number, to: number, test: (code: number) => boolean): number {
  for (let i = to - 1; i >= from; i--) if (test(text.charCodeAt(i))) return i;
  return -1;
}

/** lastWordsStart read back from `to`. */
function lastWordsStart(text: string, from: number, to: number, words: number): number {
  let seen = 0;
  for (let i = to - 1; i >= from; i--) {
    if (isRegExpSpace(text.charCodeAt(i))) continue;
    if (i === from || isRegExpSpace(text.charCodeAt(i - 1))) {
      if (++seen === words) return i;
    }
  }
  return from;
}
