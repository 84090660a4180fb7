import * as vscode from 'vscode';
import { planQuoteInsertion, type QuoteInsertionPlan } from '../core/citations/quoteInsertion';
import type { Passage, SourceDocument, SourceQuote } from '../core/types';
import { citationPlaceOf } from './markdownDocuments';
import { citationStyle } from './settings';

const CONTEXT_CHARS = 400;

/** The sources a quote may come from: a folder's documents, with archived ones where archives are configured. */
export type SourceDocuments = ReadonlyMap<string, SourceDocument>;

/** The quote as a passage, with the source line around it (capped) as context. */
export function passageOfQuote(documents: SourceDocuments, quote: SourceQuote): Passage {
  const text = documents.get(quote.docId)?.text ?? '';
  const lineStart = text.lastIndexOf('\n', quote.start - 1) + 1;
  const nextBreak = text.indexOf('\n', quote.end);
  const lineEnd = nextBreak < 0 ? text.length : nextBreak;
  return {
    id: quote.passageId,
    docId: quote.docId,
    start: quote.start,
    end: quote.end,
    text: quote.text,
    contextStart: Math.max(lineStart, quote.start - CONTEXT_CHARS),
    contextEnd: Math.min(lineEnd, quote.end + CONTEXT_CHARS),
  };
}

/** Plans completing the quote opened at `markOffset` in `markdown` (the draft's text, read once per request). */
export function planQuote(document: vscode.TextDocument, markdown: string, documents: SourceDocuments, quote: SourceQuote, markOffset: number, cursorOffset: number): QuoteInsertionPlan | undefined {
  const doc = documents.get(quote.docId);
  if (!doc) return undefined;
  return planQuoteInsertion({
    markdown,
    markOffset,
    cursorOffset,
    quote,
    doc,
    passage: passageOfQuote(documents, quote),
    style: citationStyle(document.uri),
    ...citationPlaceOf(document),
  });
}

/** Inserts a quote at the cursor, with its opening mark, as one undoable edit. */
export async function insertQuoteAtCursor(editor: vscode.TextEditor, documents: SourceDocuments, quote: SourceQuote): Promise<boolean> {
  const document = editor.document;
  const text = document.getText();
  const cursor = document.offsetAt(editor.selection.active);
  // Follow the draft's own habit: straight marks if it already uses more of them than curly ones.
  const straight = (text.match(/"/g)?.length ?? 0) > (text.match(/[“”]/g)?.length ?? 0);
  const mark = straight ? '"' : '“';
  const withMark = text.slice(0, cursor) + mark + text.slice(cursor);
  const plan = planQuote(document, withMark, documents, quote, cursor, cursor + 1);
  if (!plan) return false;
  const version = document.version;
  return editor.edit((builder) => {
    if (document.version !== version) return;
    builder.replace(new vscode.Range(document.positionAt(cursor), document.positionAt(cursor + plan.replaceEnd - plan.replaceStart)), mark + plan.text);
    // Offsets past the inserted mark shift back by one in the unedited draft.
    for (const extra of plan.additional) builder.insert(document.positionAt(extra.offset - 1), extra.text);
  });
}
