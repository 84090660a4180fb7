// Draft statements: the sentences of a Markdown draft's prose (paragraphs, list items, block
// quotes, table cells), as plain text mapped back to draft offsets. One pass over the tokens,
// no recursion, so no nesting depth can overflow the stack.
import type { Token } from 'markdown-it';
import type { DraftStatement, Sentence } from '../types';
import { splitSentences } from '../text/sentences';
import { parseDraftTokens, type DraftTokens } from './draftTokens';
import { CHECKED_COMMENT, plainTextOf } from './plainText';

export function extractStatements(markdown: string): DraftStatement[] {
  const parsed = parseDraftTokens(markdown);
  const statements: DraftStatement[] = [];
  const { tokens } = parsed;
  let inHeader = false;
  let inFootnotes = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === 'thead_open') inHeader = true;
    else if (token.type === 'thead_close') inHeader = false;
    // Footnote definitions are the writer's notes, not claims.
    else if (token.type === 'footnote_reference_open') inFootnotes++;
    else if (token.type === 'footnote_reference_close') inFootnotes--;
    else if (token.type === 'inline' && inFootnotes === 0 && !inHeader && isProse(tokens[i - 1])) addBlockStatements(token, parsed, statements);
    else if (token.type === 'html_block' && CHECKED_COMMENT.test(token.content.trim()) && followsParagraphDirectly(tokens[i - 1], tokens[i - 2], token)) {
      const last = statements[statements.length - 1];
      if (last) last.checked = true;
    }
  }
  return statements;
}

/** Paragraphs (in lists and block quotes too) and table cells; headings are labels. */
function isProse(opener: Token | undefined): boolean {
  return opener?.type === 'paragraph_open' || opener?.type === 'td_open';
}

/** A comment on the line right after a paragraph still belongs to its last sentence. */
function followsParagraphDirectly(previous: Token | undefined, paragraphInline: Token | undefined, comment: Token): boolean {
  return previous?.type === 'paragraph_close' && paragraphInline?.map != null && comment.map != null && comment.map[0] === paragraphInline.map[1];
}

/** Adds the statements of a block to `out` (a draft has tens of thousands of blocks: no array of its own for each). */
function addBlockStatements(inline: Token, parsed: DraftTokens, out: DraftStatement[]): void {
  const block = parsed.blockSpan(inline);
  if (!block) return;
  const plain = plainTextOf(inline, parsed);
  const sentences: Sentence[] = [];
  for (const sentence of splitSentences(plain.text)) addBoundedPieces(plain.text, sentence, sentences);
  for (let n = 0; n < sentences.length; n++) {
    const sentence = sentences[n];
    const nextStart = sentences[n + 1]?.start ?? plain.text.length;
    out.push({
      text: sentence.text,
      textOffsets: toArray(plain.starts, sentence.start, sentence.end),
      start: plain.starts[sentence.start],
      end: plain.ends[sentence.end - 1],
      blockStart: Math.min(block[0], plain.starts[sentence.start]),
      blockEnd: Math.max(block[1], plain.ends[sentence.end - 1]),
      checked: plain.checkedMarks.some((mark) => mark >= sentence.end && mark <= nextStart),
    });
  }
}

/**
 * Longest statement checked as one. A sentence with no full stop for pages (a paragraph written
 * as one run-on, or pasted without punctuation) is checked in pieces of at most this length, cut
 * after a comma, semicolon or colon where it can be, else at a space: the checker weighs every
 * word of a statement against every word of its evidence, so one 500 KB statement took minutes.
 */
const MAX_STATEMENT_CHARS = 600;

function addBoundedPieces(text: string, sentence: Sentence, pieces: Sentence[]): void {
  if (sentence.end - sentence.start <= MAX_STATEMENT_CHARS) {
    pieces.push(sentence);
    return;
  }
  let from = sentence.start;
  while (sentence.end - from > MAX_STATEMENT_CHARS) {
    const cut = pieceEnd(text, from, from + MAX_STATEMENT_CHARS);
    pieces.push(piece(text, from, cut));
    from = cut;
    while (from < sentence.end && /\s/u.test(text[from])) from++;
  }
  if (from < sentence.end) pieces.push(piece(text, from, sentence.end));
}

/** Where a piece from `from` ends, at most at `limit`: after the last clause mark in its second half, else at its last space. */
function pieceEnd(text: string, from: number, limit: number): number {
  let space = -1;
  for (let i = limit - 1; i > from + MAX_STATEMENT_CHARS / 2; i--) {
    if (/[,;:]/u.test(text[i - 1]) && /\s/u.test(text[i])) return i;
    if (space === -1 && /\s/u.test(text[i])) space = i;
  }
  if (space !== -1) return space;
  // No space at all: a hard cut, keeping a surrogate pair whole.
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

function piece(text: string, start: number, end: number): Sentence {
  let last = end;
  while (last > start && /\s/u.test(text[last - 1])) last--;
  return { text: text.slice(start, last), start, end: last };
}

/** A plain number[] copy (Array.from on a typed array is several times slower). */
function toArray(offsets: Int32Array, start: number, end: number): number[] {
  const out = new Array<number>(end - start);
  for (let i = start; i < end; i++) out[i - start] = offsets[i];
  return out;
}
