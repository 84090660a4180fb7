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

export function blankRanges(text: string, ranges: OffsetRange[]): string {
  const chars = text.split('');
  for (const { start, end } of ranges) {
    for (let i = start; i < end; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
  }
  return chars.join('');
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
