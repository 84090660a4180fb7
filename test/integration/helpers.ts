// Shared steps for integration tests: open a draft of the test workspace, wait for a condition.
import * as path from 'path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'sourced-dev.sourced';

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('integration tests need the test/workspace folder open');
  return folder.uri.fsPath;
}

export function draftUri(name: string): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceRoot(), 'drafts', name));
}

export async function openDraft(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(draftUri(name));
  return vscode.window.showTextDocument(document);
}

/** Polls until `condition` returns a truthy value, or fails after `timeoutMs` with `what` in the message. */
export async function waitFor<T>(what: string, condition: () => T | Promise<T>, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
