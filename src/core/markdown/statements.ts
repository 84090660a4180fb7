// Draft statements: the sentences of a Markdown draft's prose (paragraphs, list items, block
// quotes, table cells), as plain text mapped back to draft offsets.
import type { Nodes, Parent, PhrasingContent } from 'mdast';
import type { DraftStatement } from '../types';
import { splitSentences } from '../text/sentences';
import { parseMarkdown } from './parse';
import { CHECKED_COMMENT, plainTextOf } from './plainText';

/** Nodes that hold no prose to check. */
const SKIPPED = new Set(['heading', 'code', 'html', 'yaml', 'toml', 'definition', 'footnoteDefinition', 'thematicBreak', 'image', 'imageReference']);

export function extractStatements(markdown: string): DraftStatement[] {
  let tree: ReturnType<typeof parseMarkdown>;
  try {
    tree = parseMarkdown(markdown);
  } catch {
    return []; // the parser accepts any input; this only guards against a parser defect
  }
  const statements: DraftStatement[] = [];
  visitBlocks(tree, markdown, statements);
  return statements;
}

function visitBlocks(parent: Parent, markdown: string, out: DraftStatement[]): void {
  parent.children.forEach((node, i) => {
    if (node.type === 'paragraph') out.push(...blockStatements(node.children, node, markdown));
    else if (node.type === 'table') {
      // The first row is the header: labels, not claims.
      for (const row of node.children.slice(1)) for (const cell of row.children) out.push(...blockStatements(cell.children, cell, markdown));
    } else if (node.type === 'html' && CHECKED_COMMENT.test(node.value.trim()) && followsParagraphDirectly(parent.children[i - 1], node)) {
      const last = out[out.length - 1];
      if (last) last.checked = true;
    } else if (!SKIPPED.has(node.type) && 'children' in node) visitBlocks(node as Parent, markdown, out);
  });
}

/** A comment on the line right after a paragraph still belongs to its last sentence. */
function followsParagraphDirectly(previous: Nodes | undefined, comment: Nodes): boolean {
  return previous?.type === 'paragraph' && comment.position !== undefined && previous.position !== undefined
    && comment.position.start.line === previous.position.end.line + 1;
}

function blockStatements(children: PhrasingContent[], block: Nodes, markdown: string): DraftStatement[] {
  const blockStart = block.position?.start.offset;
  const blockEnd = block.position?.end.offset;
  if (blockStart === undefined || blockEnd === undefined) return [];
  const plain = plainTextOf(children, markdown);
  const sentences = splitSentences(plain.text);
  return sentences.map((sentence, n) => {
    const nextStart = sentences[n + 1]?.start ?? plain.text.length;
    return {
      text: sentence.text,
      textOffsets: plain.starts.slice(sentence.start, sentence.end),
      start: plain.starts[sentence.start],
      end: plain.ends[sentence.end - 1],
      blockStart,
      blockEnd,
      checked: plain.checkedMarks.some((mark) => mark >= sentence.end && mark <= nextStart),
    };
  });
}
