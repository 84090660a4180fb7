import * as vscode from 'vscode';
import { registerApplyEdits } from './features/applyEdits';
import { Archives } from './features/archives';
import { registerCodeActions } from './features/codeActions';
import { registerCompletion } from './features/completion';
import { CorpusManager } from './features/corpusManager';
import { Diagnostics } from './features/diagnostics';
import { DraftResults } from './features/draftResults';
import { registerHover } from './features/hover';
import { registerInsertQuote } from './features/insertQuoteCommand';
import { registerOpenSource } from './features/openSource';
import { RelatedPassagesView, registerRelatedPassages } from './features/relatedPassages';
import { LogChannel } from './features/logChannel';
import { registerStatusBar } from './features/statusBar';
import { extensionApi, type SourcedApi } from './features/api';
import { preloadLexicon } from './core/lexicon';

export function activate(context: vscode.ExtensionContext): SourcedApi {
  const output = new LogChannel();
  const corpus = new CorpusManager(output, context.storageUri ?? context.globalStorageUri);
  const archives = new Archives(context.secrets, output);
  const results = new DraftResults(corpus, archives);
  const diagnostics = new Diagnostics(results, corpus);
  const related = new RelatedPassagesView(context.extensionUri, corpus, archives);
  const statusBar = registerStatusBar(corpus);
  context.subscriptions.push(
    output,
    corpus,
    diagnostics,
    related,
    diagnostics.registerCommand(),
    statusBar.disposable,
    archives,
    archives.onDidChange(() => {
      results.forgetAll();
      diagnostics.refresh();
    }),
    registerOpenSource(corpus, archives),
    registerApplyEdits(),
    registerHover(results, archives),
    registerCompletion(corpus, archives),
    registerInsertQuote(corpus),
    registerCodeActions(results),
    registerRelatedPassages(related),
    vscode.commands.registerCommand('sourced.rebuildIndex', () => corpus.rebuildAll()),
    vscode.commands.registerCommand('sourced.showOutput', () => output.show(true)),
  );
  corpus.loadWorkspaceFolders();
  // The checker's word meanings (src/core/lexicon): read the file now, while the corpus loads,
  // rather than on the first check. A failure is reported by that check, in its own words.
  preloadLexicon().catch(() => undefined);
  return extensionApi(corpus, related, statusBar.shown, () => output.text());
}

export function deactivate(): void {}
