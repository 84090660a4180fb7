import * as vscode from 'vscode';
import { ARCHIVE_SCHEME, type Archives } from './archives';
import type { CorpusManager } from './corpusManager';
import { EXTRACTED_SCHEME, OPEN_SOURCE_COMMAND, sourceRange, sourceUri } from './sourceLocations';

/** Opens a source at a passage, selected, without ever writing to it. */
export function registerOpenSource(corpus: CorpusManager, archives?: Archives): vscode.Disposable {
  const extracted: vscode.TextDocumentContentProvider = {
    provideTextDocumentContent(uri) {
      for (const index of corpus.all()) {
        for (const doc of index.engine.documents.values()) if (doc.path === uri.query) return doc.text;
      }
      return `This source is no longer indexed (${uri.query}). Run "Sourced: Rebuild Index".`;
    },
  };
  return vscode.Disposable.from(
    vscode.workspace.registerTextDocumentContentProvider(EXTRACTED_SCHEME, extracted),
    vscode.commands.registerCommand(OPEN_SOURCE_COMMAND, async (folderKey: string, docId: string, start: number, end: number) => {
      const index = corpus.all().find((i) => i.key === folderKey);
      const doc = index?.engine.documents.get(docId) ?? archives?.document(docId);
      if (!doc) {
        void vscode.window.showWarningMessage(`Sourced: ${docId} is no longer in the index. Run "Sourced: Rebuild Index" and try again.`);
        return undefined;
      }
      const range = sourceRange(doc, start, end);
      // An archived article opens as a read-only virtual document (sourced-archive:/NAME/KEY).
      const uri = doc.path.startsWith(`${ARCHIVE_SCHEME}:`) ? vscode.Uri.parse(doc.path) : sourceUri(doc);
      const editor = await vscode.window.showTextDocument(uri, { selection: range, preview: true, viewColumn: vscode.ViewColumn.Beside });
      // A source is evidence: a slip of the keyboard must not change it (extracted views are read-only already).
      if (uri.scheme === 'file') await vscode.commands.executeCommand('workbench.action.files.setActiveEditorReadonlyInSession');
      return editor;
    }),
  );
}
