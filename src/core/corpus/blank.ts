// Blanking junk: replace it by spaces so every offset (and line) of the text stays the file's.
import type { OffsetRange } from '../types';

/** A text being cleaned, shared by the cleaning steps of a text extractor. */
export interface CleanableText {
  text: string;
  junk: OffsetRange[];
}

/** Blanks `ranges` in `source.text` (line breaks are kept) and records them in `source.junk`. */
export function blankJunk(source: CleanableText, ranges: OffsetRange[]): void {
  const valid = ranges.filter((r) => r.end > r.start && r.start >= 0 && r.end <= source.text.length);
  if (valid.length === 0) return;
  source.junk = mergeRanges([...source.junk, ...valid]);
  source.text = blankRanges(source.text, valid);
}

/**
 * `text` with every character of `ranges` but line breaks replaced by a space. Built from slices:
 * splitting the text into an array of one-character strings took 80 bytes a character. Ranges
 * apart by nothing but line breaks are blanked as one piece (blanking keeps line breaks): two
 * million junk lines made four million pieces.
 */
export function blankRanges(text: string, ranges: OffsetRange[]): string {
  if (ranges.length === 0) return text;
  const sorted = ranges.every((r, i) => i === 0 || ranges[i - 1].start <= r.start) ? ranges : [...ranges].sort((a, b) => a.start - b.start);
  const pieces: string[] = [];
  let done = 0;
  for (let k = 0; k < sorted.length; k++) {
    const from = Math.max(sorted[k].start, done);
    let to = Math.min(sorted[k].end, text.length);
    if (to <= from) continue;
    while (k + 1 < sorted.length && onlyLineBreaks(text, to, sorted[k + 1].start)) to = Math.max(to, Math.min(sorted[++k].end, text.length));
    pieces.push(text.slice(done, from), blanked(text.slice(from, to)));
    done = to;
  }
  pieces.push(text.slice(done));
  return pieces.join('');
}

/** Whether text[from, to) holds line breaks only (or nothing). */
function onlyLineBreaks(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x0a && code !== 0x0d) return false;
  }
  return true;
}

/** A space for each UTF-16 unit of `piece` but its line breaks. */
function blanked(piece: string): string {
  // A long piece is written as bytes: joining a string on at each of millions of line breaks took 5 times as long.
  if (piece.length > 256) return blankedBytes(piece);
  let out = '';
  let run = 0;
  for (let i = 0; i < piece.length; i++) {
    const code = piece.charCodeAt(i);
    if (code !== 0x0a && code !== 0x0d) continue;
    out += ' '.repeat(i - run) + piece[i];
    run = i + 1;
  }
  return out + ' '.repeat(piece.length - run);
}

function blankedBytes(piece: string): string {
  const bytes = Buffer.alloc(piece.length, 0x20);
  for (let i = 0; i < piece.length; i++) {
    const code = piece.charCodeAt(i);
    if (code === 0x0a || code === 0x0d) bytes[i] = code;
  }
  return bytes.toString('latin1');
}

/** Sorted, with overlapping or touching ranges joined. */
function mergeRanges(ranges: OffsetRange[]): OffsetRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: OffsetRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ start: range.start, end: range.end });
  }
  return merged;
}
