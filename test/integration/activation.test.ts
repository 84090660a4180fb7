import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, openDraft, waitFor } from './helpers';

describe('activation', () => {
  it('activates by itself when a Markdown draft opens', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    const editor = await openDraft('activation.md');
    assert.equal(editor.document.languageId, 'markdown');
    await waitFor('the extension to activate on a Markdown file', () => extension.isActive);
  });

  it('registers the command sourced.checkUnsupportedClaims', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('sourced.checkUnsupportedClaims'));
  });

  it('runs sourced.checkUnsupportedClaims on the open draft without an error', async () => {
    await openDraft('activation.md');
    await vscode.commands.executeCommand('sourced.checkUnsupportedClaims');
  });
});
