// The ranges of a Markdown source that are syntax, not prose: heading and list markers, link
// targets, emphasis marks, code, HTML, images, definitions. Blanking them leaves the words.
// Parsed with the drafts' markdown-it parser (linear time): micromark, used before, took minutes
// and gigabytes on sources a person could write (a paragraph of 10,000 lines, 3 MB of newlines).
import type { Token } from 'markdown-it';
import type { OffsetRange } from '../types';
import { parseDraftTokens, type DraftTokens } from './draftTokens';

/**
 * Everything outside the prose: a character is prose when an inline token's text (or inline
 * code's content) comes from it. Code blocks, HTML, front matter, images and markers are not.
 */
export function markdownSyntaxRanges(markdown: string): OffsetRange[] {
  const parsed = parseDraftTokens(markdown);
  const prose = new Uint8Array(markdown.length);
  for (const token of parsed.tokens) {
    if (token.type !== 'inline') continue;
    parsed.forEachInline(
      token,
      (child) => {
        const span = parsed.spanOf(child);
        if (span) markProse(token, child, span, parsed, prose);
      },
      (type, start, end) => {
        if (type === 'text') for (let i = start; i < end; i++) prose[parsed.draftOffset(token, i)] = 1;
      },
    );
  }
  const ranges: OffsetRange[] = [];
  for (let i = 0; i < markdown.length; i++) {
    if (prose[i] || isSpace(markdown.charCodeAt(i))) continue;
    const start = i;
    while (i < markdown.length && !prose[i]) i++;
    ranges.push({ start, end: i });
  }
  return ranges;
}

function markProse(inline: Token, child: Token, [start, end]: readonly [number, number], parsed: DraftTokens, prose: Uint8Array): void {
  const keep = (from: number, to: number) => {
    for (let i = from; i < to; i++) prose[parsed.draftOffset(inline, i)] = 1;
  };
  switch (child.type) {
    case 'text':
      // Emphasis marks left unmatched are text too: what is written stays. A matched mark's second
      // half is left behind as an empty text token: syntax.
      if (child.content !== '') keep(start, end);
      return;
    case 'text_special':
      // An escape keeps the escaped character, not its backslash; an entity stays as written.
      keep(child.info === 'escape' ? end - child.content.length : start, end);
      return;
    case 'code_inline': {
      const ticks = child.markup.length;
      keep(start + ticks, end - ticks);
      return;
    }
    default:
  }
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}
