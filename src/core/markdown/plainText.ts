// The plain text of a block's inline Markdown, with the draft offset of every character.
import type { Nodes, PhrasingContent } from 'mdast';

/** Plain text of one block; chars[i] came from draft[starts[i], ends[i]). */
export interface PlainText {
  text: string;
  starts: number[];
  ends: number[];
  /** Positions in `text` where a `<!-- sourced: checked -->` comment stood. */
  checkedMarks: number[];
}

export const CHECKED_COMMENT = /^<!--\s*sourced\s*:\s*checked\s*-->$/iu;
const UNDEFINED_FOOTNOTE = /\[\^[^\]\s]+\]/gu;
const AMPERSAND_REFERENCE = /^&(?:amp|#0*38|#x0*26);$/iu;
const CHARACTER_REFERENCE = /^&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/iu;

/** Builds the plain text of inline nodes: markup, link URLs, images and footnote refs dropped. */
export function plainTextOf(nodes: readonly PhrasingContent[], markdown: string): PlainText {
  const builder = new PlainTextBuilder(markdown);
  for (const node of nodes) builder.add(node);
  return builder.result();
}

class PlainTextBuilder {
  private readonly chars: string[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly checkedMarks: number[] = [];
  /** A footnote ref or image was dropped right after a space: "word [^1]." must read "word.". */
  private droppedAfterSpace = false;

  constructor(private readonly markdown: string) {}

  add(node: Nodes): void {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        if (start !== undefined && end !== undefined) this.align(node.value, start, end);
        return;
      case 'break':
        if (start !== undefined) this.push(' ', start, start + 1);
        return;
      case 'html':
        if (CHECKED_COMMENT.test(node.value.trim())) this.checkedMarks.push(this.chars.length);
        return;
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        this.droppedAfterSpace = this.chars[this.chars.length - 1] === ' ';
        return;
      default:
        if ('children' in node) for (const child of node.children) this.add(child as Nodes);
    }
  }

  result(): PlainText {
    return { text: this.chars.join(''), starts: this.starts, ends: this.ends, checkedMarks: this.checkedMarks };
  }

  /**
   * Maps each character of a node's value to the draft: escapes and entities are skipped over.
   * Footnote markers without a definition ("[^1]") stay text to the parser; they are dropped too.
   */
  private align(value: string, start: number, end: number): void {
    let at = start;
    const markers = [...value.matchAll(UNDEFINED_FOOTNOTE)].map((m) => [m.index, m.index + m[0].length]);
    for (let i = 0; i < value.length; i++) {
      const ch = value[i];
      const marker = markers.find(([from, to]) => i >= from && i < to);
      if (marker) {
        if (i === marker[0]) this.droppedAfterSpace = this.chars[this.chars.length - 1] === ' ';
        const found = this.markdown.indexOf(ch, at);
        if (found !== -1 && found < end) at = found + 1;
        continue;
      }
      const reference = this.markdown.charAt(at) === '&' ? this.markdown.slice(at, end).match(CHARACTER_REFERENCE) : null;
      // A valid reference is never literal text; only &amp; (or &#38;) decodes to "&" itself.
      if (reference && (ch !== '&' || AMPERSAND_REFERENCE.test(reference[0]))) {
        this.push(ch, at, at + reference[0].length);
        at += reference[0].length;
        continue;
      }
      const found = this.markdown.indexOf(ch, at);
      if (found !== -1 && found < end) {
        this.push(ch, found, found + 1);
        at = found + 1;
      } else this.push(ch, Math.min(at, end - 1), Math.min(at + 1, end));
    }
  }

  /** Line breaks and tabs become spaces, and runs of spaces one space. */
  private push(ch: string, start: number, end: number): void {
    const space = /\s/u.test(ch);
    if (space && (this.chars.length === 0 || this.chars[this.chars.length - 1] === ' ')) return;
    if (this.droppedAfterSpace && /[.,;:!?)]/u.test(ch)) this.popChar();
    this.droppedAfterSpace = false;
    this.chars.push(space ? ' ' : ch);
    this.starts.push(start);
    this.ends.push(end);
  }

  private popChar(): void {
    this.chars.pop();
    this.starts.pop();
    this.ends.pop();
  }
}
