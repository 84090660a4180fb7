// Draft statements: the sentences of a Markdown draft's prose (paragraphs, list items, block
// quotes, table cells), as plain text mapped back to draft offsets. One pass over the tokens,
// no recursion, so no nesting depth can overflow the stack.
import type { Token } from 'markdown-it';
import type { DraftStatement } from '../types';
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
    else if (token.type === 'inline' && inFootnotes === 0 && !inHeader && isProse(tokens[i - 1])) statements.push(...blockStatements(token, parsed));
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

function blockStatements(inline: Token, parsed: DraftTokens): DraftStatement[] {
  const block = parsed.blockSpan(inline);
  if (!block) return [];
  const plain = plainTextOf(inline, parsed);
  const sentences = splitSentences(plain.text);
  return sentences.map((sentence, n) => {
    const nextStart = sentences[n + 1]?.start ?? plain.text.length;
    return {
      text: sentence.text,
      textOffsets: toArray(plain.starts, sentence.start, sentence.end),
      start: plain.starts[sentence.start],
      end: plain.ends[sentence.end - 1],
      blockStart: Math.min(block[0], plain.starts[sentence.start]),
      blockEnd: Math.max(block[1], plain.ends[sentence.end - 1]),
      checked: plain.checkedMarks.some((mark) => mark >= sentence.end && mark <= nextStart),
    };
  });
}

/** A plain number[] copy (Array.from on a typed array is several times slower). */
function toArray(offsets: Int32Array, start: number, end: number): number[] {
  const out = new Array<number>(end - start);
  for (let i = start; i < end; i++) out[i - start] = offsets[i];
  return out;
}
