import * as assert from 'node:assert/strict';
import * as path from 'path';
import * as vscode from 'vscode';
import type { SourcedApi } from '../../../src/features/api';
import { EXTENSION_ID, waitFor } from '../helpers';

function folder(name: string): vscode.WorkspaceFolder {
  const found = vscode.workspace.workspaceFolders?.find((f) => f.name === name);
  assert.ok(found, `the multi-root workspace has no folder "${name}"`);
  return found;
}

async function openStory(folderName: string): Promise<{ api: SourcedApi; uri: vscode.Uri }> {
  const api = await vscode.extensions.getExtension<SourcedApi>(EXTENSION_ID)!.activate();
  const uri = vscode.Uri.file(path.join(folder(folderName).uri.fsPath, 'drafts', 'story.md'));
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  await api.whenIndexed(uri);
  return { api, uri };
}

async function diagnosticsAt(uri: vscode.Uri, line: number): Promise<vscode.Diagnostic[]> {
  await vscode.commands.executeCommand('sourced.checkUnsupportedClaims');
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Sourced' && d.range.start.line === line);
}

describe('multi-root workspace', () => {
  it('indexes each folder with its own sourced.corpus', async () => {
    const politics = await openStory('politics');
    const business = await openStory('business');
    const idsOf = (api: SourcedApi, uri: vscode.Uri) => [...api.engineFor(uri).documents.values()].map((d) => d.id.split('/').pop());
    assert.equal(idsOf(politics.api, politics.uri).length, 5);
    assert.ok(idsOf(politics.api, politics.uri).every((id) => id!.endsWith('.txt') && id !== 'harvest.txt'));
    assert.deepEqual(idsOf(business.api, business.uri), ['harvest.txt']);
  });

  it("checks each draft against its own folder's sources only", async () => {
    const politics = await openStory('politics');
    assert.deepEqual(await diagnosticsAt(politics.uri, 2), [], 'the politics corpus supports the Kremlin sentence');
    const business = await openStory('business');
    const problems = await waitFor('the business draft to be checked', async () => {
      const found = await diagnosticsAt(business.uri, 4);
      return found.length > 0 ? found : undefined;
    });
    assert.equal(problems[0].code, 'unsupported-claim', 'the business corpus says nothing about the Kremlin');
    assert.deepEqual(await diagnosticsAt(business.uri, 2), [], 'the harvest sentence is in the business corpus');
  });

  it("hovers cite the folder's own source", async () => {
    const business = await openStory('business');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', business.uri, new vscode.Position(2, 10));
    const shown = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    assert.match(shown, /Supported/);
    assert.match(shown, /Quennick|harvest/);
  });
});
