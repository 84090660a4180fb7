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

/** Every line of `text`, trimmed; blank lines have start === end and text ''. */
export function splitLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text[i] !== '\n') continue;
    let start = lineStart;
    let end = i;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    lines.push({ index: lines.length, start, end, text: text.slice(start, end) });
    lineStart = i + 1;
  }
  return lines;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 0xa0 || code === 0x3000 || (code >= 0x2000 && code <= 0x200b);
}
