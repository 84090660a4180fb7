import * as vscode from 'vscode';
import { sourceLabelParts } from '../core/render/sourceLabel';
import type { SourceQuote } from '../core/types';
import type { CorpusManager } from './corpusManager';
import { isDraft } from './markdownDocuments';
import { insertQuoteAtCursor } from './quoteEdits';

interface QuotePick extends vscode.QuickPickItem {
  quote: SourceQuote;
}

/** Shows the quotes to pick from, with `query` already typed in the filter box. */
function pickQuote(picks: QuotePick[], query: string): Promise<QuotePick | undefined> {
  const quickPick = vscode.window.createQuickPick<QuotePick>();
  quickPick.title = 'Sourced: Insert Quote';
  quickPick.placeholder = 'Type words from the quote, the speaker or the source';
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  quickPick.items = picks;
  quickPick.value = query;
  return new Promise((resolve) => {
    quickPick.onDidAccept(() => {
      resolve(quickPick.selectedItems[0]);
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      resolve(undefined);
      quickPick.dispose();
    });
    quickPick.show();
  });
}

/**
 * `Sourced: Insert Quote...`: pick any quote in the sources and insert it, cited, at the cursor.
 * A keybinding may pass `{ "query": "words" }` to start with those words in the filter box.
 */
export function registerInsertQuote(corpus: CorpusManager): vscode.Disposable {
  return vscode.commands.registerCommand('sourced.insertQuote', async (args?: { query?: unknown }) => {
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
    const picked = await pickQuote(picks, typeof args?.query === 'string' ? args.query : '');
    return picked ? insertQuoteAtCursor(editor, index.engine.documents, picked.quote) : false;
  });
}
