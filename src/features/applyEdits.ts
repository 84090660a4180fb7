import * as vscode from 'vscode';

export const APPLY_EDITS_COMMAND = 'sourced.applyEdits';

export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * Applies edits computed for one version of a draft as a single undoable edit, and refuses
 * when the draft has changed since (the offsets would land in the wrong place).
 */
export async function applyDraftEdits(uri: string, version: number, edits: readonly OffsetEdit[]): Promise<boolean> {
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
  if (!document || document.version !== version) {
    void vscode.window.showWarningMessage('Sourced: the draft changed since this fix was offered. Open the light bulb again to get a fresh fix.');
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.text);
  return vscode.workspace.applyEdit(edit);
}

export function registerApplyEdits(): vscode.Disposable {
  return vscode.commands.registerCommand(APPLY_EDITS_COMMAND, applyDraftEdits);
}

/** A command that applies `edits` to this version of the document. */
export function applyEditsCommand(title: string, document: vscode.TextDocument, version: number, edits: OffsetEdit[]): vscode.Command {
  return { title, command: APPLY_EDITS_COMMAND, arguments: [document.uri.toString(), version, edits] };
}
