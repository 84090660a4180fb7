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
 * splitting the text into an array of one-character strings took 80 bytes a character.
 */
export function blankRanges(text: string, ranges: OffsetRange[]): string {
  if (ranges.length === 0) return text;
  const sorted = ranges.every((r, i) => i === 0 || ranges[i - 1].start <= r.start) ? ranges : [...ranges].sort((a, b) => a.start - b.start);
  const pieces: string[] = [];
  let done = 0;
  for (const { start, end } of sorted) {
    const from = Math.max(start, done);
    const to = Math.min(end, text.length);
    if (to <= from) continue;
    pieces.push(text.slice(done, from), blanked(text.slice(from, to)));
    done = to;
  }
  pieces.push(text.slice(done));
  return pieces.join('');
}

/** A space for each UTF-16 unit of `piece` but its line breaks. */
function blanked(piece: string): string {
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
