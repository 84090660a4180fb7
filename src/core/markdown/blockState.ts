// markdown-it's block state with its five per-line arrays typed (Int32Array) and sized once. Its
// own constructor pushes each line onto five JS arrays: a source of 5 million short lines took
// over 500 MB in them (8 bytes an entry, and the copies each push that grows an array leaves),
// its most memory by far; typed, they take 100 MB, outside the heap the garbage collector walks.
import MarkdownIt from 'markdown-it';
import type { MarkdownIt as Parser, Token } from 'markdown-it';

type BlockStateClass = Parser['block']['State'];

/**
 * markdown-it's Token, its fields in the same order, set by plain assignment: markdown-it's own
 * constructor defines each field through a helper call, a quarter of parsing a short paragraph.
 */
class BlockToken {
  map = null;
  level = 0;
  children = null;
  content = '';
  markup = '';
  info = '';
  block = false;
  hidden = false;
  type: string;
  tag: string;
  attrs = null;
  nesting: -1 | 0 | 1;
  meta = null;
  constructor(type: string, tag: string, nesting: -1 | 0 | 1) {
    this.type = type;
    this.tag = tag;
    this.nesting = nesting;
  }
}
Object.setPrototypeOf(BlockToken.prototype, MarkdownIt.Token.prototype);

/** markdown-it's `isSpace`: what counts as indentation. */
function isIndent(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/** Line breaks in `src`: its lines number one more at most. */
function lineBreaks(src: string): number {
  let count = 0;
  for (let at = src.indexOf('\n'); at !== -1; at = src.indexOf('\n', at + 1)) count++;
  return count;
}

/**
 * The state class, derived from markdown-it's own: it runs the base constructor on an empty text
 * (so every other field is markdown-it's), then reads the lines as that constructor does: per line,
 * where it begins and ends, its indentation in characters (tShift) and in columns, tabs to the next
 * multiple of 4 (sCount), and a last entry past the end that rules read as a bound.
 */
export function typedBlockState(Base: BlockStateClass): BlockStateClass {
  return class TypedBlockState extends Base {
    constructor(...[src, md, env, tokens]: ConstructorParameters<BlockStateClass>) {
      super('', md, env, tokens);
      this.src = src;
      // Room for every line and the entry past the end; cut to the lines found (a last line of blanks is none).
      const size = lineBreaks(src) + 2;
      const [bMarks, eMarks, tShift, sCount] = [new Int32Array(size), new Int32Array(size), new Int32Array(size), new Int32Array(size)];
      let line = 0;
      for (let start = 0, pos = 0, indent = 0, offset = 0, indentFound = false; pos < src.length; pos++) {
        const code = src.charCodeAt(pos);
        if (!indentFound) {
          if (isIndent(code)) {
            indent++;
            offset += code === 0x09 ? 4 - (offset % 4) : 1;
            continue;
          }
          indentFound = true;
        }
        if (code === 0x0a || pos === src.length - 1) {
          if (code !== 0x0a) pos++;
          bMarks[line] = start;
          eMarks[line] = pos;
          tShift[line] = indent;
          sCount[line] = offset;
          line++;
          indentFound = false;
          indent = 0;
          offset = 0;
          start = pos + 1;
        }
      }
      bMarks[line] = src.length;
      eMarks[line] = src.length;
      const self = this as unknown as Record<'bMarks' | 'eMarks' | 'tShift' | 'sCount' | 'bsCount', Int32Array>;
      const used = line + 1;
      Object.assign(self, { bMarks: bMarks.subarray(0, used), eMarks: eMarks.subarray(0, used), tShift: tShift.subarray(0, used), sCount: sCount.subarray(0, used), bsCount: new Int32Array(used) });
      this.lineMax = line;
    }

    /** markdown-it's push, with a BlockToken. */
    override push(type: string, tag: string, nesting: -1 | 0 | 1): Token {
      const token = new BlockToken(type, tag, nesting) as unknown as Token;
      token.block = true;
      if (nesting < 0) this.level--;
      token.level = this.level;
      if (nesting > 0) this.level++;
      this.tokens.push(token);
      return token;
    }

    /**
     * Lines that run on from one another in the text, with no indentation to take off, are one
     * slice of it: markdown-it makes a string of each line and joins them (a paragraph of 5 million
     * lines: 5 million strings held at once).
     */
    override getLines(begin: number, end: number, indent: number, keepLastLF: boolean): string {
      if (indent !== 0 || begin >= end || !this.runsOn(begin, end)) return super.getLines(begin, end, indent, keepLastLF);
      const last = end - 1;
      return this.src.slice(this.bMarks[begin], keepLastLF ? this.eMarks[last] + 1 : this.eMarks[last]);
    }

    /** Whether each line of [begin, end) starts where the one before ended (no container mark cut out between them). */
    private runsOn(begin: number, end: number): boolean {
      for (let line = begin; line < end; line++) {
        if (this.bMarks[line] > this.eMarks[line] || (line + 1 < end && this.eMarks[line] + 1 !== this.bMarks[line + 1])) return false;
      }
      return true;
    }
  } as unknown as BlockStateClass;
}
