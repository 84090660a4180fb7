// Parses a draft with markdown-it (linear time, bounded nesting, no recursion per character) and
// gives every inline token its exact draft offsets, which markdown-it itself keeps only per line.
// Inline content is parsed on demand, a window at a time, so memory stays bounded by the window,
// not the document: markdown-it's tokens take a few hundred bytes each, and a paragraph of a
// million short lines made millions of them at once (3 MB of "x\r" took over a gigabyte).
import MarkdownIt from 'markdown-it';
import type { MarkdownIt as Parser, StateBlock, StateInline, Token } from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { typedBlockState } from './blockState';
import { normalizeLineEnds } from './lineEnds';


/** [start, end) in the draft. */
export type Span = readonly [number, number];

export interface DraftTokens {
  /** markdown-it's block tokens; an inline token's children come from `forEachInline`. */
  tokens: Token[];
  /**
   * An inline token's children, in order, parsed a window at a time (each window's tokens can be
   * dropped once read). Where a stretch of content holds only text and line breaks, no token is
   * made: its pieces come to `onPlain` as type and span (a draft of short paragraphs made one a line).
   */
  forEachInline(inline: Token, onChild: (child: Token) => void, onPlain: (type: PlainPiece, start: number, end: number) => void): void;
  /** The range of an inline child token in its block's content (what markdown-it's inline parser read). */
  spanOf(child: Token): Span | undefined;
  /** The draft offset of an offset in an inline token's content. */
  draftOffset(inline: Token, contentOffset: number): number;
  /** The draft range of an inline token's content (a paragraph's or table cell's text). */
  blockSpan(inline: Token): Span | undefined;
}

/** What plainInline reads in content with no inline rule but the line break's. */
export type PlainPiece = 'text' | 'softbreak' | 'hardbreak';

type InlineRule = (state: StateInline, silent: boolean) => boolean;

type TrackingState = StateInline & { pendingStart: number };

function createParser(): Parser {
  // html: HTML is recognised (and dropped), not read as prose; linkify off: a bare URL stays text.
  const md = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
  md.block.ruler.before('table', 'front_matter', frontMatter);
  // Display math starts a block of its own (after a blank line): letting it interrupt a paragraph would test every line.
  md.block.ruler.before('fence', 'math_block', mathBlock);
  md.use(footnote);
  // Inline content is parsed on demand (inlineChildren). Footnote definitions stay where they are
  // written: the tail that moves them to the end needs every reference parsed first.
  md.core.ruler.disable(['inline', 'footnote_tail']);
  // Nothing is rendered, so no link is unsafe: `[text](javascript:...)` is still a link whose text is prose.
  md.validateLink = () => true;
  // Keep escapes and entities as their own tokens, and unmatched emphasis marks unmerged, so each maps to its draft range.
  md.core.ruler.disable('text_join');
  md.inline.ruler2.disable('fragments_join');
  trackInlinePositions(md);
  md.block.State = typedBlockState(md.block.State);
  return md;
}

/**
 * YAML (`---`) or TOML (`+++`) front matter: a fence alone on the first line, closed by the same
 * fence (or `...` for YAML). Unclosed, it is an ordinary thematic break and the draft stays prose.
 */
function frontMatter(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  // Tried at every block: only the first can be front matter.
  if (startLine !== 0) return false;
  const fence = lineText(state, 0, false);
  if (fence !== '---' && fence !== '+++') return false;
  let close = 1;
  while (close < endLine && lineText(state, close, false) !== fence && !(fence === '---' && lineText(state, close, false) === '...')) close++;
  if (close >= endLine) return false;
  if (!silent) {
    const token = state.push('front_matter', '', 0);
    token.block = true;
    token.map = [0, close + 1];
  }
  state.line = close + 1;
  return true;
}

/**
 * Line n of the source, without its trailing blanks (and its indentation, with `unindented`). A
 * function of its own: a rule with a closure over its state makes a context each time it is tried.
 */
function lineText(state: StateBlock, n: number, unindented: boolean): string {
  return state.src.slice(state.bMarks[n] + (unindented ? state.tShift[n] : 0), state.eMarks[n]).trimEnd();
}

/**
 * A `$$ ... $$` display math block (on one line or several): formulas, not claims. Unclosed, it
 * (up to a blank line) it is prose. Inline `$` is left alone: in news copy it is money far more often than math.
 */
const MAX_MATH_LINES = 100;

function mathBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  // Tried at every block: a line not starting with `$` is read no further.
  if (state.src.charCodeAt(state.bMarks[startLine] + state.tShift[startLine]) !== 0x24) return false;
  const first = lineText(state, startLine, true);
  if (!first.startsWith('$$')) return false;
  let close = startLine;
  if (!(first.length >= 4 && first.endsWith('$$'))) {
    close++;
    // As in Pandoc, display math holds no blank line; the bound keeps a run of unclosed `$$` lines linear.
    const last = Math.min(endLine, startLine + MAX_MATH_LINES);
    while (close < last && lineText(state, close, true) !== '' && !lineText(state, close, true).endsWith('$$')) close++;
    if (close >= last || lineText(state, close, true) === '') return false;
  }
  if (!silent) {
    const token = state.push('math_block', 'math', 0);
    token.block = true;
    token.map = [startLine, close + 1];
  }
  state.line = close + 1;
  return true;
}

/**
 * Records the range of the inline source each inline rule consumed, and where the pending text
 * run began, in the token's `map` (which markdown-it leaves empty on inline tokens): text tokens are raw
 * slices of the source, others get the range of their rule.
 */
function trackInlinePositions(md: Parser): void {
  const BaseState: new (...args: ConstructorParameters<typeof md.inline.State>) => StateInline = md.inline.State;
  class PositionState extends BaseState {
    pendingStart = 0;
    override pushPending(): Token {
      const token = super.pushPending();
      token.map = [this.pendingStart, this.pendingStart + token.content.length];
      return token;
    }
  }
  md.inline.State = PositionState;
  // One character the other rules left: appended here (not by markdown-it's fallback) so the pending start is known.
  md.inline.ruler.push('sourced_char', (state: StateInline, silent: boolean) => {
    if (!silent) state.pending += state.src[state.pos];
    state.pos++;
    return true;
  });
  const ruler = md.inline.ruler as unknown as { __rules__: Array<{ name: string; fn: InlineRule }> };
  for (const rule of ruler.__rules__) md.inline.ruler.at(rule.name, tracked(rule.fn));
}

function tracked(rule: InlineRule): InlineRule {
  return (state, silent) => {
    if (silent) return rule(state, silent);
    const tracking = state as unknown as TrackingState;
    const start = state.pos;
    if (state.pending === '') tracking.pendingStart = start;
    const before = state.tokens.length;
    if (!rule(state, silent)) return false;
    let cursor = start;
    for (let i = before; i < state.tokens.length; i++) {
      const token = state.tokens[i];
      if (token.map) continue;
      // Emphasis marks left as text are one token per character, in source order; an autolink's text sits inside its <>.
      const at = token.type === 'text' && token.content !== '' ? state.src.slice(cursor, state.pos).indexOf(token.content) : -1;
      if (at !== -1) {
        token.map = [cursor + at, cursor + at + token.content.length];
        cursor += at + token.content.length;
      } else token.map = [start, state.pos];
    }
    return true;
  };
}

let parser: Parser | undefined;

/**
 * The most inline content parsed at once. A block longer than this is parsed in windows cut
 * before a line break (or a space): a construct can only be misread where it spans a cut, and
 * no prose paragraph comes near this length.
 */
const INLINE_WINDOW = 32 * 1024;

/** markdown-it's own inline tokens of `content` (what plainInline stands in for), for tests. */
export function markdownItInline(content: string): Token[] {
  parser ??= createParser();
  const children: Token[] = [];
  parser.inline.parse(content, parser, {}, children);
  return children;
}

export function parseDraftTokens(draft: string): DraftTokens {
  parser ??= createParser();
  const md = parser;
  const normalized = normalizeLineEnds(draft);
  // Link reference and footnote definitions found by the block parse, read by the inline parses.
  const env: Record<string, unknown> = {};
  const tokens = md.parse(normalized.text, env);
  const lineStarts = lineStartsOf(normalized.text);
  const contentMaps = new Map<Token, Int32Array>();
  mapBlockContents(tokens, normalized.text, lineStarts, contentMaps);
  const offsetIn = (map: Int32Array, offset: number): number => normalized.original(map[Math.max(0, Math.min(offset, map.length - 1))]);
  const draftOffset = (inline: Token, offset: number): number => {
    const map = contentMaps.get(inline);
    return map ? offsetIn(map, offset) : 0;
  };
  return {
    tokens,
    forEachInline(inline, onChild, onPlain) {
      const content = inline.content;
      for (let from = 0; from < content.length; ) {
        const to = windowEnd(content, from);
        parseWindow(md, env, content.slice(from, to), from, onChild, onPlain);
        from = to;
      }
    },
    spanOf: (child) => child.map ?? undefined,
    draftOffset,
    blockSpan(inline) {
      const map = contentMaps.get(inline);
      if (!map || inline.content.length === 0) return undefined;
      return [offsetIn(map, 0), offsetIn(map, inline.content.length - 1) + 1];
    },
  };
}

/**
 * A character some inline rule starts at (besides the line break): escape, code, strikethrough,
 * emphasis, link and footnote, image, autolink and HTML, entity. Without one, inline content is
 * text and line breaks only, which plainInline reads without markdown-it.
 */
const INLINE_RULE_START = /[\\`~*_[!<&^]/u;

/**
 * The tokens markdown-it's inline parser makes of content in which no rule but the line break's
 * starts (INLINE_RULE_START finds none), given to `token` as type and span: per line a text token,
 * its trailing spaces dropped, then a break (hard after two spaces or more) spanning the next
 * line's leading spaces and tabs. The same tokens and spans, at a fraction of the cost on a
 * paragraph of a million short lines.
 */
export function plainInline(content: string, token: (type: PlainPiece, start: number, end: number) => void): void {
  let pos = 0;
  while (pos < content.length) {
    const newline = content.indexOf('\n', pos);
    if (newline === -1) {
      token('text', pos, content.length);
      return;
    }
    let end = newline;
    let hard = false;
    if (end > pos && content.charCodeAt(end - 1) === 0x20) {
      if (end - 1 > pos && content.charCodeAt(end - 2) === 0x20) {
        end -= 2;
        while (end > pos && content.charCodeAt(end - 1) === 0x20) end--;
        hard = true;
      } else end--;
    }
    if (end > pos) token('text', pos, end);
    let next = newline + 1;
    while (next < content.length && (content.charCodeAt(next) === 0x20 || content.charCodeAt(next) === 0x09)) next++;
    token(hard ? 'hardbreak' : 'softbreak', newline, next);
    pos = next;
  }
}

/**
 * Parses one window of inline content, which starts at `from` in it, giving its tokens (spans in
 * the content) to `onChild`, or the pieces of a plain window to `onPlain`.
 */
function parseWindow(md: Parser, env: Record<string, unknown>, window: string, from: number, onChild: (child: Token) => void, onPlain: (type: PlainPiece, start: number, end: number) => void): void {
  if (INLINE_RULE_START.test(window)) {
    const children: Token[] = [];
    md.inline.parse(window, md, env, children);
    for (const child of children) {
      if (child.map && from > 0) child.map = [child.map[0] + from, child.map[1] + from];
      onChild(child);
    }
    return;
  }
  plainInline(window, (type, start, end) => onPlain(type, from + start, from + end));
}

/**
 * Where the inline window from `from` ends: before the last line break in its second half, else
 * before the space after a sentence's full stop, else before any space.
 */
function windowEnd(content: string, from: number): number {
  const limit = from + INLINE_WINDOW;
  if (limit >= content.length) return content.length;
  let sentenceEnd = -1;
  let space = -1;
  for (let i = limit - 1; i > from + INLINE_WINDOW / 2; i--) {
    const code = content.charCodeAt(i);
    if (code === 0x0a) return i;
    if (code !== 0x20) continue;
    if (space === -1) space = i;
    if (sentenceEnd === -1 && SENTENCE_END.has(content.charCodeAt(i - 1))) sentenceEnd = i;
  }
  if (sentenceEnd !== -1) return sentenceEnd;
  if (space !== -1) return space;
  // No break at all: keep a surrogate pair whole.
  const last = content.charCodeAt(limit - 1);
  return last >= 0xd800 && last <= 0xdbff ? limit - 1 : limit;
}

/** `.`, `!`, `?` */
const SENTENCE_END = new Set([0x2e, 0x21, 0x3f]);

/** Where each line of `text` starts (an Int32Array: a JS array of millions of lines took twice the memory, and grew by copies). */
function lineStartsOf(text: string): Int32Array {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  const starts = new Int32Array(lines);
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts[n++] = i + 1;
  return starts;
}

/** Size of the blocks the offset maps are carved from. */
const MAP_BLOCK = 64 * 1024;

/**
 * Offset maps carved from shared blocks, each part handed out once (so zeroed, as a new array is):
 * a draft of 44,000 short paragraphs allocated a typed array (off the heap, each a cost to the
 * garbage collector) per paragraph.
 */
function mapArena(textLength: number): (length: number) => Int32Array {
  let block = new Int32Array(0);
  let used = 0;
  return (length) => {
    if (used + length > block.length) {
      // A short draft's maps take about its length (one entry a character, one more a block).
      block = new Int32Array(Math.max(Math.min(MAP_BLOCK, 2 * textLength + 16), length));
      used = 0;
    }
    used += length;
    return block.subarray(used - length, used);
  };
}

/** For each paragraph and table cell, the text offset of every character of its inline content. */
function mapBlockContents(tokens: Token[], text: string, lineStarts: Int32Array, out: Map<Token, Int32Array>): void {
  const take = mapArena(text.length);
  let row: Token | undefined;
  let cells: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === 'tr_open') {
      row = token;
      cells = [];
    } else if (token.type === 'tr_close' && row?.map) {
      mapRowCells(cells, text, lineStarts, row.map[0], out, take);
      row = undefined;
    } else if (token.type === 'inline') {
      if (row) cells.push(token);
      else if (token.map) out.set(token, mapLines(token.content, text, lineStarts, token.map[0], take(token.content.length + 1)));
    }
  }
}

function lineEnd(text: string, lineStarts: Int32Array, line: number): number {
  return line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : text.length;
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/**
 * A paragraph's content is its lines with container marks and indentation removed, then trimmed:
 * each content line, stripped of blanks, ends where its draft line (stripped of trailing blanks) ends.
 */
function mapLines(content: string, text: string, lineStarts: Int32Array, firstLine: number, map: Int32Array): Int32Array {
  let at = 0;
  let line = firstLine;
  while (at <= content.length) {
    const newline = content.indexOf('\n', at);
    const end = newline === -1 ? content.length : newline;
    let coreStart = at;
    while (coreStart < end && isBlank(content.charCodeAt(coreStart))) coreStart++;
    let coreEnd = end;
    while (coreEnd > coreStart && isBlank(content.charCodeAt(coreEnd - 1))) coreEnd--;
    const draftLineStart = lineStarts[Math.min(line, lineStarts.length - 1)];
    const draftLineEnd = lineEnd(text, lineStarts, Math.min(line, lineStarts.length - 1));
    let draftCoreEnd = draftLineEnd;
    while (draftCoreEnd > draftLineStart && isBlank(text.charCodeAt(draftCoreEnd - 1))) draftCoreEnd--;
    const length = coreEnd - coreStart;
    const found = draftCoreEnd - length >= draftLineStart && text.startsWith(content.slice(coreStart, coreEnd), draftCoreEnd - length);
    const draftCoreStart = found ? draftCoreEnd - length : draftLineStart;
    for (let i = at; i < end; i++) map[i] = Math.min(Math.max(draftCoreStart + (i - coreStart), draftLineStart), draftLineEnd);
    map[end] = found ? Math.min(draftCoreStart + (end - coreStart), draftLineEnd) : draftLineEnd;
    at = end + 1;
    line++;
  }
  return map;
}

/**
 * Table cells: split the row's draft line at unescaped pipes as markdown-it does (an outer pipe
 * leaves no cell), then align each cell's content, which drops the `\\` of an escaped pipe.
 */
function mapRowCells(cells: Token[], text: string, lineStarts: Int32Array, line: number, out: Map<Token, Int32Array>, take: (length: number) => Int32Array): void {
  const start = lineStarts[line];
  const end = lineEnd(text, lineStarts, line);
  const pieces: Array<[number, number]> = [];
  let pieceStart = start;
  for (let i = start; i < end; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '|') {
      pieces.push([pieceStart, i]);
      pieceStart = i + 1;
    }
  }
  pieces.push([pieceStart, end]);
  // Before a leading pipe stand only indentation and container marks ("> "); after a trailing one, nothing.
  if (pieces.length > 1 && /^[\s>]*$/u.test(text.slice(pieces[0][0], pieces[0][1]))) pieces.shift();
  if (pieces.length > 1 && text.slice(...pieces[pieces.length - 1]).trim() === '') pieces.pop();
  cells.forEach((cell, n) => {
    const [from, to] = pieces[Math.min(n, pieces.length - 1)];
    const map = take(cell.content.length + 1);
    let at = from;
    while (at < to && isBlank(text.charCodeAt(at))) at++;
    for (let i = 0; i < cell.content.length; i++) {
      if (text[at] === '\\' && text[at + 1] === '|' && cell.content[i] === '|') at++;
      map[i] = Math.min(at, to);
      if (at < to) at++;
    }
    map[cell.content.length] = Math.min(at, to);
    out.set(cell, map);
  });
}
