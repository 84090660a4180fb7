// The ranges of a Markdown source that are syntax, not prose: heading and list markers, link
// targets, emphasis marks, code, HTML, images, definitions. Blanking them leaves the words.
import type { Nodes, Parent } from 'mdast';
import type { OffsetRange } from '../types';
import { parseMarkdown } from './parse';

/** Nodes whose whole extent is not prose. */
const WHOLLY_SYNTAX = new Set(['code', 'html', 'image', 'imageReference', 'definition', 'footnoteReference', 'thematicBreak', 'yaml', 'toml']);
/** Nodes whose marks sit around their children: `**x**`, `[x](url)`, `# x`, `- x`. */
const WRAPPING = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference', 'heading', 'listItem', 'footnoteDefinition']);

export function markdownSyntaxRanges(markdown: string): OffsetRange[] {
  const ranges: OffsetRange[] = [];
  try {
    visit(parseMarkdown(markdown), markdown, ranges);
  } catch {
    return []; // the parser accepts any input; this only guards against a parser defect
  }
  return ranges;
}

function visit(node: Nodes, markdown: string, out: OffsetRange[]): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return;
  if (WHOLLY_SYNTAX.has(node.type)) {
    out.push({ start, end });
    return;
  }
  if (node.type === 'inlineCode') {
    const open = markdown.slice(start, end).match(/^`+\s?/u)?.[0].length ?? 0;
    const close = markdown.slice(start, end).match(/\s?`+$/u)?.[0].length ?? 0;
    out.push({ start, end: start + open }, { start: end - close, end });
    return;
  }
  if (node.type === 'blockquote' || node.type === 'table') out.push(...lineMarks(markdown, start, end, node.type === 'blockquote' ? /^[ \t]*(?:>[ \t]?)+/u : /\|/gu));
  if (!('children' in node)) return;
  const children = (node as Parent).children;
  if (WRAPPING.has(node.type)) {
    const first = children[0]?.position?.start.offset ?? end;
    const last = children[children.length - 1]?.position?.end.offset ?? end;
    out.push({ start, end: first }, { start: Math.max(last, first), end });
  }
  for (const child of children) visit(child, markdown, out);
}

/** Block quote markers at line starts, or table pipes and delimiter rows, within [start, end). */
function lineMarks(markdown: string, start: number, end: number, mark: RegExp): OffsetRange[] {
  const ranges: OffsetRange[] = [];
  let lineStart = start;
  while (lineStart < end) {
    const newline = markdown.indexOf('\n', lineStart);
    const lineEnd = newline === -1 || newline > end ? end : newline;
    const line = markdown.slice(lineStart, lineEnd);
    if (mark.global && /^[\s|:-]+$/u.test(line)) ranges.push({ start: lineStart, end: lineEnd }); // |---|---|
    else for (const m of line.matchAll(mark.global ? mark : new RegExp(mark.source, `${mark.flags}g`))) {
      ranges.push({ start: lineStart + m.index, end: lineStart + m.index + m[0].length });
    }
    lineStart = lineEnd + 1;
  }
  return ranges;
}
