import { escapeMarkdown } from './markdownEscape';
import { truncate } from '../text/truncate';

export interface TextSegment {
  text: string;
  match: boolean;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Splits text into runs that match one of the terms (whole words, case-insensitive) and runs
 * that do not, so a renderer can emphasize the matches without ever parsing the text.
 */
export function splitByTerms(text: string, terms: readonly string[]): TextSegment[] {
  const usable = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
  if (usable.length === 0 || text.length === 0) return text ? [{ text, match: false }] : [];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${usable.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  const segments: TextSegment[] = [];
  let last = 0;
  for (const found of text.matchAll(pattern)) {
    const start = found.index ?? 0;
    if (start > last) segments.push({ text: text.slice(last, start), match: false });
    segments.push({ text: found[0], match: true });
    last = start + found[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), match: false });
  return segments;
}

/** Escaped Markdown of `text` with the matching words in bold. */
export function emphasizeMarkdown(text: string, terms: readonly string[]): string {
  return splitByTerms(text, terms)
    .map((s) => (s.match ? `**${escapeMarkdown(s.text)}**` : escapeMarkdown(s.text)))
    .join('');
}

/**
 * At most `max` characters of a passage, starting a little before its first matching word so
 * that what matched is in view; "…" marks what was cut.
 */
export function excerptAround(text: string, terms: readonly string[], max: number): string {
  if (text.length <= max) return text;
  const segments = splitByTerms(text, terms);
  const first = segments.findIndex((s) => s.match);
  const matchAt = first < 0 ? 0 : segments.slice(0, first).reduce((n, s) => n + s.text.length, 0);
  // A few words of lead-in before the match, cut at a word boundary.
  const from = matchAt < max / 3 ? 0 : text.lastIndexOf(' ', matchAt - 40) + 1;
  const rest = text.slice(from);
  const cut = truncate(rest, max);
  return from > 0 ? `…${cut}` : cut;
}
