import * as vscode from 'vscode';
import type { CorpusManager } from './corpusManager';

export const SHOW_SIDEBAR_COMMAND = 'workbench.view.extension.sourced';

/** "Sourced: 5 sources" / indexing / error; clicking opens the Sourced sidebar. */
export function registerStatusBar(corpus: CorpusManager): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('sourced.status', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Sourced';
  item.command = SHOW_SIDEBAR_COMMAND;

  const update = () => {
    const indexes = corpus.all();
    const failed = indexes.find((i) => i.state.kind === 'error');
    const indexing = indexes.find((i) => i.state.kind === 'indexing');
    const sources = indexes.reduce((sum, i) => sum + i.engine.documents.size, 0);
    if (failed && failed.state.kind === 'error') {
      item.text = '$(error) Sourced: index error';
      item.tooltip = `Indexing failed: ${failed.state.message}\nSee the Sourced output, fix the cause and run "Sourced: Rebuild Index".`;
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
    } else if (indexing && indexing.state.kind === 'indexing') {
      const { done, total } = indexing.state;
      item.text = `$(sync~spin) Sourced: indexing${total ? ` ${done}/${total}` : '…'}`;
      item.tooltip = 'Sourced is indexing your sources.';
      item.backgroundColor = undefined;
    } else {
      item.text = `$(book) Sourced: ${sources} source${sources === 1 ? '' : 's'}`;
      item.tooltip = 'Show related passages (Sourced sidebar)';
      item.backgroundColor = undefined;
    }
    item.show();
  };
  update();
  return vscode.Disposable.from(item, corpus.onDidChange(update));
}
