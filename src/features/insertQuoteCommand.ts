import * as vscode from 'vscode';
import { sourceLabelParts } from '../core/render/sourceLabel';
import type { SourceQuote } from '../core/types';
import type { CorpusManager } from './corpusManager';
import { isDraft } from './markdownDocuments';
import { insertQuoteAtCursor } from './quoteEdits';

interface QuotePick extends vscode.QuickPickItem {
  quote: SourceQuote;
}

/** `Sourced: Insert Quote...`: pick any quote in the sources and insert it, cited, at the cursor. */
export function registerInsertQuote(corpus: CorpusManager): vscode.Disposable {
  return vscode.commands.registerCommand('sourced.insertQuote', async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isDraft(editor.document)) {
      void vscode.window.showInformationMessage('Sourced: open a Markdown draft and put the cursor where the quote goes.');
      return false;
    }
    const index = corpus.indexFor(editor.document.uri);
    await index.ready;
    const picks: QuotePick[] = index.engine.quotes().map((quote) => ({
      quote,
      label: quote.text.trim(),
      description: quote.speaker ?? 'unattributed',
      detail: sourceLabelParts(index.engine.documents.get(quote.docId), quote.docId).title,
    }));
    if (picks.length === 0) {
      void vscode.window.showInformationMessage('Sourced: the sources contain no quotations. Check "sourced.corpus" and the Sourced output.');
      return false;
    }
    const picked = await vscode.window.showQuickPick(picks, {
      title: 'Sourced: Insert Quote',
      placeHolder: 'Type words from the quote, the speaker or the source',
      matchOnDescription: true,
      matchOnDetail: true,
    });
    return picked ? insertQuoteAtCursor(editor, index, picked.quote) : false;
  });
}
