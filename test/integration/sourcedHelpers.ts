// Steps shared by the feature tests: Sourced's API, drafts opened and restored, card text.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { sourceLabelParts } from '../../src/core/render/sourceLabel';
import type { SourcedApi } from '../../src/features/api';
import { draftUri, EXTENSION_ID, openDraft, waitFor } from './helpers';

export async function sourcedApi(): Promise<SourcedApi> {
  const extension = vscode.extensions.getExtension<SourcedApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
  return extension.activate();
}

/** Opens a feature draft and waits until its corpus is indexed. */
export async function openIndexedDraft(name: string): Promise<{ api: SourcedApi; editor: vscode.TextEditor }> {
  const api = await sourcedApi();
  const editor = await openDraft(name);
  await api.whenIndexed(editor.document.uri);
  return { api, editor };
}

/**
 * Opens a scratch copy of a feature draft for a test that edits it: the browser workbench
 * auto-saves, so edits to the draft itself would reach the repository.
 */
export async function openScratchDraft(name: string): Promise<{ api: SourcedApi; editor: vscode.TextEditor }> {
  const original = draftUri(name).fsPath;
  // A name never used before: several suites may run at once on this workspace, each test file
  // is bundled with its own copy of this module, and a closed document's diagnostics may linger.
  const scratchName = `scratch-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}-${name}`;
  fs.copyFileSync(original, path.join(path.dirname(original), scratchName));
  return openIndexedDraft(scratchName);
}

/** Closes a scratch draft without saving and deletes it. */
export async function discardScratch(editor: vscode.TextEditor): Promise<void> {
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  fs.rmSync(editor.document.uri.fsPath, { force: true });
}

export function positionOf(document: vscode.TextDocument, snippet: string, delta = 0): vscode.Position {
  const offset = document.getText().indexOf(snippet);
  assert.ok(offset >= 0, `draft ${document.uri.fsPath} lacks "${snippet}"`);
  return document.positionAt(offset + delta);
}

export function rangeOf(document: vscode.TextDocument, snippet: string): vscode.Range {
  const start = positionOf(document, snippet);
  return new vscode.Range(start, document.positionAt(document.offsetAt(start) + snippet.length));
}

/** The Markdown of a hover's contents and its text as a reader sees it (escapes removed). */
export function hoverMarkdown(hovers: vscode.Hover[]): { markdown: string; shown: string } {
  const markdown = hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
  return { markdown, shown: markdown.replace(/\\(.)/g, '$1') };
}

/** Apostrophes and quotation marks folded, for comparing wording across typographic styles. */
export function plainQuotes(text: string): string {
  return text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
}

/** The title a card or item shows for a corpus file (see sourceLabelParts). */
export function titleOfSource(api: SourcedApi, uri: vscode.Uri, fileStart: string): string {
  const doc = [...api.engineFor(uri).documents.values()].find((d) => d.id.split('/').pop()!.startsWith(fileStart));
  assert.ok(doc, `no indexed source named ${fileStart}*`);
  return sourceLabelParts(doc, doc.id).title;
}

export async function sourcedDiagnostics(uri: vscode.Uri, minimum = 1): Promise<vscode.Diagnostic[]> {
  await vscode.commands.executeCommand('sourced.checkUnsupportedClaims');
  return waitFor(`${minimum}+ Sourced diagnostics`, () => {
    const list = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Sourced');
    return list.length >= minimum ? list : undefined;
  });
}

/**
 * Makes sure `root` is in the first workspace folder's "sourced.corpus" and returns how to
 * undo that (a no-op when the setting already listed it).
 */
export async function ensureCorpusRoot(root: string): Promise<() => Promise<void>> {
  const folder = vscode.workspace.workspaceFolders![0];
  const config = () => vscode.workspace.getConfiguration('sourced', folder.uri);
  const roots = config().get<string[]>('corpus', []);
  if (roots.includes(root)) return async () => undefined;
  await config().update('corpus', [...roots, root], vscode.ConfigurationTarget.WorkspaceFolder);
  return async () => {
    const now = config().get<string[]>('corpus', []).filter((r) => r !== root);
    await config().update('corpus', now, vscode.ConfigurationTarget.WorkspaceFolder);
  };
}
