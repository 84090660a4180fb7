import * as vscode from 'vscode';
import { filterQuotes } from '../core/quotes/quoteFilter';
import { openQuoteBefore } from '../core/citations/quoteMarks';
import { escapeMarkdown } from '../core/render/markdownEscape';
import { truncate } from '../core/text/truncate';
import { sourceLabelParts } from '../core/render/sourceLabel';
import type { SourceQuote } from '../core/types';
import { SourcedEngine } from '../core/engine';
import type { Archives } from './archives';
import type { CorpusManager } from './corpusManager';
import { isDraft, MARKDOWN_SELECTOR } from './markdownDocuments';
import { passageOfQuote, planQuote, type SourceDocuments } from './quoteEdits';

const TRIGGERS = ['"', '“', '„', '«'];
const LABEL_CHARS = 44;
const QUOTE_ITEMS = 50;

function documentation(documents: SourceDocuments, quote: SourceQuote): vscode.MarkdownString {
  const doc = documents.get(quote.docId);
  const passage = passageOfQuote(documents, quote);
  const context = doc ? doc.text.slice(passage.contextStart, passage.contextEnd) : passage.text;
  const { title, byline } = sourceLabelParts(doc, quote.docId);
  const md = new vscode.MarkdownString(`${escapeMarkdown(context)}\n\n*${escapeMarkdown(title)}*${byline ? ` — ${escapeMarkdown(byline)}` : ''}`);
  md.supportHtml = false;
  md.isTrusted = false;
  return md;
}

function item(document: vscode.TextDocument, text: string, documents: SourceDocuments, quote: SourceQuote, markOffset: number, cursor: number, typed: string, rank: number) {
  const plan = planQuote(document, text, documents, quote, markOffset, cursor);
  if (!plan) return undefined;
  const doc = documents.get(quote.docId);
  const { title } = sourceLabelParts(doc, quote.docId);
  // The suggest list is narrow: a short label keeps the speaker and outlet in view.
  const completion = new vscode.CompletionItem(
    { label: truncate(quote.text.trim(), LABEL_CHARS), detail: quote.speaker ? ` — ${quote.speaker}` : undefined, description: doc?.metadata.outlet ?? truncate(title, 24) },
    vscode.CompletionItemKind.Text,
  );
  completion.detail = `${quote.speaker ?? 'Unattributed'} · ${title}`;
  completion.documentation = documentation(documents, quote);
  completion.range = new vscode.Range(document.positionAt(plan.replaceStart), document.positionAt(plan.replaceEnd));
  const atEnd = plan.additional.length > 0 && text.slice(plan.replaceEnd).trim() === '';
  if (atEnd) {
    // The footnote definition would touch the completion's own range (an editor drops such
    // edits): insert both as one snippet, with the cursor left after the quote.
    const definitions = plan.additional.map((a) => a.text.trim()).join('\n');
    completion.insertText = new vscode.SnippetString().appendText(plan.text).appendTabstop(0).appendText(`\n\n${definitions}`);
  } else {
    completion.insertText = plan.text;
    completion.additionalTextEdits = plan.additional.map((a) => vscode.TextEdit.insert(document.positionAt(a.offset), a.text));
  }
  // Sourced already filtered by words anywhere in the quote; starting with what was typed keeps the item shown.
  completion.filterText = `${typed}${quote.text}`;
  completion.sortText = String(rank).padStart(4, '0');
  return completion;
}

/**
 * Opens the suggestions when the writer starts typing after a quotation mark that was already
 * there: typing a mark triggers completion, but Markdown has no suggestions while typing words.
 */
function suggestAfterExistingMark(event: vscode.TextDocumentChangeEvent): void {
  const editor = vscode.window.activeTextEditor;
  const change = event.contentChanges.length === 1 ? event.contentChanges[0] : undefined;
  if (!editor || editor.document !== event.document || !change || change.rangeLength !== 0 || !/^[\p{L}\p{N}]$/u.test(change.text)) return;
  if (!isDraft(event.document)) return;
  const at = change.range.start.translate(0, 1);
  const line = event.document.lineAt(at.line);
  // Only the first letter after the mark: from then on the open list follows the typing.
  if (openQuoteBefore(line.text, at.character)?.typed !== change.text) return;
  void vscode.commands.executeCommand('editor.action.triggerSuggest');
}

/** After an opening quotation mark, offers the quotes in the sources (and the archives), filtered by the words typed. */
export function registerCompletion(corpus: CorpusManager, archives?: Archives): vscode.Disposable {
  const provider = vscode.languages.registerCompletionItemProvider(
    MARKDOWN_SELECTOR,
    {
      async provideCompletionItems(document, position, token) {
        const line = document.lineAt(position.line);
        const open = openQuoteBefore(line.text, position.character, document.offsetAt(line.range.start));
        if (!open) return undefined;
        const index = corpus.indexFor(document.uri);
        await index.ready;
        const cursor = document.offsetAt(position);
        const engine = index.engine;
        const archived = archives?.configured && engine instanceof SourcedEngine ? await archives.quotes(engine, open.typed, QUOTE_ITEMS).catch(() => undefined) : undefined;
        if (token.isCancellationRequested) return undefined;
        const quotes = archived ?? filterQuotes(engine.quotes(), open.typed, QUOTE_ITEMS);
        const documents = archives ? archives.documentsWith(engine.documents) : engine.documents;
        // Up to 50 items per keystroke: the draft's text is read once, not once per item.
        const text = document.getText();
        const items = quotes
          .map((quote, rank) => item(document, text, documents, quote, open.markOffset, cursor, open.typed, rank))
          .filter((i): i is vscode.CompletionItem => !!i);
        return new vscode.CompletionList(items, true);
      },
    },
    ...TRIGGERS,
  );
  return vscode.Disposable.from(provider, vscode.workspace.onDidChangeTextDocument(suggestAfterExistingMark));
}
