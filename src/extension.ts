import * as vscode from 'vscode';
import { registerApplyEdits } from './features/applyEdits';
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

export function activate(context: vscode.ExtensionContext): SourcedApi {
  const output = new LogChannel();
  const corpus = new CorpusManager(output, context.storageUri ?? context.globalStorageUri);
  const results = new DraftResults(corpus);
  const diagnostics = new Diagnostics(results, corpus);
  const related = new RelatedPassagesView(context.extensionUri, corpus);
  const statusBar = registerStatusBar(corpus);
  context.subscriptions.push(
    output,
    corpus,
    diagnostics,
    related,
    diagnostics.registerCommand(),
    statusBar.disposable,
    registerOpenSource(corpus),
    registerApplyEdits(),
    registerHover(results),
    registerCompletion(corpus),
    registerInsertQuote(corpus),
    registerCodeActions(results),
    registerRelatedPassages(related),
    vscode.commands.registerCommand('sourced.rebuildIndex', () => corpus.rebuildAll()),
    vscode.commands.registerCommand('sourced.showOutput', () => output.show(true)),
  );
  corpus.loadWorkspaceFolders();
  return extensionApi(corpus, related, statusBar.shown, () => output.text());
}

export function deactivate(): void {}
