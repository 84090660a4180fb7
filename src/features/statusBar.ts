import * as vscode from 'vscode';
import type { CorpusManager } from './corpusManager';

export const SHOW_SIDEBAR_COMMAND = 'workbench.view.extension.sourced';
const CORPUS_SETTING_COMMAND: vscode.Command = { title: 'Set sourced.corpus', command: 'workbench.action.openSettings', arguments: ['sourced.corpus'] };

/** What the status bar item shows, for the extension's test API. */
export interface StatusBarShown {
  text: string;
  tooltip: string;
}

/** "Sourced: 5 sources" / indexing / no sources / error; clicking opens the sidebar or the setting to fix. */
export function registerStatusBar(corpus: CorpusManager): { disposable: vscode.Disposable; shown(): StatusBarShown } {
  const item = vscode.window.createStatusBarItem('sourced.status', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Sourced';

  const show = (text: string, tooltip: string, command: string | vscode.Command, background?: string) => {
    item.text = text;
    item.tooltip = tooltip;
    item.command = command;
    item.backgroundColor = background ? new vscode.ThemeColor(background) : undefined;
  };

  const update = () => {
    const indexes = corpus.all();
    const failed = indexes.find((i) => i.state.kind === 'error');
    const indexing = indexes.find((i) => i.state.kind === 'indexing');
    const empty = indexes.find((i) => i.state.kind === 'empty');
    const sources = indexes.reduce((sum, i) => sum + i.engine.documents.size, 0);
    if (failed && failed.state.kind === 'error') {
      show('$(error) Sourced: index error', `Indexing failed: ${failed.state.message}\nSee the Sourced output, fix the cause and run "Sourced: Rebuild Index".`, 'sourced.showOutput', 'statusBarItem.errorBackground');
    } else if (indexing && indexing.state.kind === 'indexing') {
      const { done, total } = indexing.state;
      show(`$(sync~spin) Sourced: indexing${total ? ` ${done}/${total}` : '…'}`, 'Sourced is indexing your sources.', SHOW_SIDEBAR_COMMAND);
    } else if (empty && empty.state.kind === 'empty' && sources === 0) {
      show('$(warning) Sourced: no sources', `${empty.state.message}\nClick to open the "sourced.corpus" setting.`, CORPUS_SETTING_COMMAND, 'statusBarItem.warningBackground');
    } else {
      show(`$(book) Sourced: ${sources} source${sources === 1 ? '' : 's'}`, 'Show related passages (Sourced sidebar)', SHOW_SIDEBAR_COMMAND);
    }
    item.show();
  };
  update();
  return {
    disposable: vscode.Disposable.from(item, corpus.onDidChange(update)),
    shown: () => ({ text: item.text, tooltip: typeof item.tooltip === 'string' ? item.tooltip : (item.tooltip?.value ?? '') }),
  };
}
