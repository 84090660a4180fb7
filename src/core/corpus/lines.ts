// Lines of a source with their offsets, the unit that web-junk rules look at.

export interface TextLine {
  /** Index of the line in the text (0-based). */
  index: number;
  /** Offsets of the line's content without surrounding whitespace or the line break. */
  start: number;
  end: number;
  /** The trimmed content. */
  text: string;
}

/**
 * The non-blank lines of a text, trimmed, kept as offsets: a line's text is sliced when a rule
 * reads it. An object and a string per line, kept for the whole text, took hundreds of MB on a
 * source of millions of short lines.
 */
export class TextLines {
  private starts = new Int32Array(256);
  private ends = new Int32Array(256);
  length = 0;

  constructor(private readonly source: string) {
    forEachTrimmedLine(source, (start, end) => {
      if (end === start) return;
      if (this.length === this.starts.length) {
        this.starts = grown(this.starts);
        this.ends = grown(this.ends);
      }
      this.starts[this.length] = start;
      this.ends[this.length] = end;
      this.length++;
    });
  }

  start(i: number): number {
    return this.starts[i];
  }

  end(i: number): number {
    return this.ends[i];
  }

  /** The trimmed content of line `i` (sliced now: read it once per use). */
  text(i: number): string {
    return this.source.slice(this.starts[i], this.ends[i]);
  }
}

/** Calls `visit` with the trimmed offsets of every line of `text`, in order (a blank line: start === end). */
function forEachTrimmedLine(text: string, visit: (start: number, end: number) => void): void {
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text.charCodeAt(i) !== 0x0a) continue;
    let start = lineStart;
    let end = i;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    visit(start, end);
    lineStart = i + 1;
  }
}

function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 0xa0 || code === 0x3000 || (code >= 0x2000 && code <= 0x200b);
}
