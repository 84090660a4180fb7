// The plain text of a block's inline Markdown, with the draft offset of every character.
import type { Token } from 'markdown-it';
import type { DraftTokens } from './draftTokens';

/** Plain text of one block; text[i] came from draft[starts[i], ends[i]). */
export interface PlainText {
  text: string;
  /**
   * Arrays the next plainTextOf() writes over (read or copy them first), longer than the text:
   * only their first text.length entries are its own.
   */
  starts: Int32Array;
  ends: Int32Array;
  /** Positions in `text` where a `<!-- sourced: checked -->` comment stood. */
  checkedMarks: number[];
}

export const CHECKED_COMMENT = /^<!--\s*sourced\s*:\s*checked\s*-->$/iu;
const UNDEFINED_FOOTNOTE = /\[\^[^\]\s]+\]/gu;
const CLOSING_PUNCTUATION = /[.,;:!?)]/u;
const SPACE = /\s/u;

/** Builds the plain text of an inline token: markup, link URLs, images and footnote refs dropped. */
export function plainTextOf(inline: Token, parsed: DraftTokens): PlainText {
  const builder = new PlainTextBuilder();
  const draft = (offset: number) => parsed.draftOffset(inline, offset);
  parsed.forEachInline(
    inline,
    (child) => {
      const span = parsed.spanOf(child);
      if (span) builder.add(child, span, draft);
    },
    (type, start, end) => (type === 'text' ? builder.addText(inline.content.slice(start, end), start, end, draft) : builder.addBreak(start, draft)),
  );
  return builder.result();
}

/** Zero-width characters (joiners, spaces, soft hyphen, word joiner, BOM) a writer cannot see: not part of the words. */
function isInvisible(code: number): boolean {
  return code === 0xad || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff;
}

function isSpace(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return SPACE.test(ch);
}

// Every builder writes its offsets into this one pair of arrays, grown as needed: a draft of 44,000
// short paragraphs allocated two typed arrays a paragraph, each a cost to the garbage collector.
const offsets = { starts: new Int32Array(1024), ends: new Int32Array(1024) };

class PlainTextBuilder {
  /** Text pieces, joined once at the end (appending to one string and reading it back would flatten it every time). */
  private readonly pieces: string[] = [];
  private length = 0;
  private last = '';
  private starts: Int32Array<ArrayBuffer> = offsets.starts;
  private ends: Int32Array<ArrayBuffer> = offsets.ends;
  private readonly checkedMarks: number[] = [];
  /** A footnote ref or image was dropped right after a space: "word [^1]." must read "word.". */
  private droppedAfterSpace = false;

  add(token: Token, [start, end]: readonly [number, number], draft: (offset: number) => number): void {
    switch (token.type) {
      case 'text':
        this.addText(token.content, start, end, draft);
        return;
      case 'text_special': {
        // An escape maps to the escaped character; an entity to its whole reference.
        const from = token.info === 'escape' ? end - token.content.length : start;
        for (const ch of token.content) this.push(ch, draft(from), draft(end - 1) + 1);
        return;
      }
      case 'code_inline':
        this.addCode(token, start, end, draft);
        return;
      case 'softbreak':
      case 'hardbreak':
        this.addBreak(start, draft);
        return;
      case 'html_inline':
        if (CHECKED_COMMENT.test(token.content.trim())) this.checkedMarks.push(this.length);
        return;
      case 'image':
      case 'footnote_ref':
        this.droppedAfterSpace = this.lastIsSpace();
        return;
      default:
    }
  }

  result(): PlainText {
    return { text: this.pieces.join(''), starts: this.starts, ends: this.ends, checkedMarks: this.checkedMarks };
  }

  /** A line break is a space. */
  addBreak(start: number, draft: (offset: number) => number): void {
    this.push(' ', draft(start), draft(start) + 1);
  }

  /** A text token is a raw slice of the content; footnote markers without a definition ("[^1]") stay text to the parser and are dropped here. */
  addText(content: string, start: number, end: number, draft: (offset: number) => number): void {
    const exact = end - start === content.length;
    const markers = content.includes('[^') ? [...content.matchAll(UNDEFINED_FOOTNOTE)] : [];
    if (exact && markers.length === 0 && content.length > 1) {
      const from = draft(start);
      if (draft(end - 1) - from === content.length - 1) {
        this.addRun(content, from);
        return;
      }
    }
    let skipUntil = -1;
    let marker = 0;
    for (let i = 0; i < content.length; i++) {
      if (marker < markers.length && i === markers[marker].index) {
        this.droppedAfterSpace = this.lastIsSpace();
        skipUntil = i + markers[marker][0].length;
        marker++;
      }
      if (i < skipUntil) continue;
      const at = draft(exact ? start + i : Math.min(start + i, end - 1));
      this.push(content[i], at, at + 1);
    }
  }

  /** A run of text that lies contiguously in the draft from `from`: copied in slices, not character by character. */
  private addRun(content: string, from: number): void {
    this.push(content[0], from, from + 1);
    let sliceStart = 1;
    for (let i = 1; i <= content.length; i++) {
      const space = i < content.length && isSpace(content[i]);
      if (i < content.length && !space && !isInvisible(content.charCodeAt(i))) continue;
      if (i > sliceStart) this.append(content.slice(sliceStart, i), from + sliceStart);
      if (space) this.push(content[i], from + i, from + i + 1);
      sliceStart = i + 1;
    }
  }

  private append(piece: string, from: number): void {
    while (this.length + piece.length > this.starts.length) this.grow();
    for (let i = 0; i < piece.length; i++) {
      this.starts[this.length + i] = from + i;
      this.ends[this.length + i] = from + i + 1;
    }
    this.pieces.push(piece);
    this.length += piece.length;
    this.last = piece[piece.length - 1];
  }

  /** Code keeps its text: markdown-it strips the backticks and one space each side, and reads line ends as spaces. */
  private addCode(token: Token, start: number, end: number, draft: (offset: number) => number): void {
    const ticks = token.markup.length;
    const inner = end - start - 2 * ticks;
    const from = start + ticks + Math.max(0, Math.floor((inner - token.content.length) / 2));
    for (let i = 0; i < token.content.length; i++) {
      const at = draft(Math.min(from + i, end - 1));
      this.push(token.content[i], at, at + 1);
    }
  }

  private lastIsSpace(): boolean {
    return this.last === ' ';
  }

  /** Line breaks and tabs become spaces, runs of spaces one space; zero-width characters go. */
  private push(ch: string, start: number, end: number): void {
    if (isInvisible(ch.charCodeAt(0))) return;
    const space = isSpace(ch);
    if (space && (this.length === 0 || this.lastIsSpace())) return;
    if (this.droppedAfterSpace && CLOSING_PUNCTUATION.test(ch)) {
      this.pieces.pop();
      this.length--;
    }
    this.droppedAfterSpace = false;
    if (this.length === this.starts.length) this.grow();
    this.last = space ? ' ' : ch;
    this.pieces.push(this.last);
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length++;
  }

  private grow(): void {
    this.starts = offsets.starts = grow(this.starts, this.length);
    this.ends = offsets.ends = grow(this.ends, this.length);
  }
}

function grow(array: Int32Array<ArrayBuffer>, used: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array.subarray(0, used));
  return bigger;
}
