import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, openDraft, waitFor } from '../helpers';

const DRAFT = 'sample-story.md';

function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? code.value : code;
}

describe('installed .vsix', () => {
  it('is loaded from the installed package, which ships no sources', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    assert.match(path.basename(extension.extensionPath), /^sourced-dev\.sourced-/);
    assert.ok(fs.existsSync(path.join(extension.extensionPath, 'dist', 'extension.js')));
    assert.ok(!fs.existsSync(path.join(extension.extensionPath, 'src')), 'the .vsix contains src/');
    assert.ok(!fs.existsSync(path.join(extension.extensionPath, 'node_modules')), 'the .vsix contains node_modules/');
  });

  it('activates when a draft opens', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    await openDraft(DRAFT);
    await waitFor('the installed extension to activate', () => extension.isActive, 20_000);
  });

  it('checks a draft: the command reports Sourced diagnostics, a misquote among them', async () => {
    const editor = await openDraft(DRAFT);
    await vscode.commands.executeCommand('sourced.checkUnsupportedClaims');
    const diagnostics = await waitFor(
      'Sourced diagnostics on the sample draft',
      () => {
        const found = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'Sourced');
        return found.length ? found : undefined;
      },
      60_000,
    );
    assert.ok(
      diagnostics.some((d) => codeOf(d) === 'misquote'),
      `no misquote among: ${diagnostics.map((d) => `${codeOf(d)}: ${d.message}`).join('; ')}`,
    );
  });

  it('shows a hover card on a supported sentence', async () => {
    const editor = await openDraft(DRAFT);
    const offset = editor.document.getText().indexOf('neutral player');
    assert.ok(offset >= 0, 'the sample draft lost its supported sentence');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(offset));
    const text = hovers
      .flatMap((hover) => hover.contents)
      .map((content) => (typeof content === 'string' ? content : content.value))
      .join('\n')
      .replace(/\*\*/g, ''); // matching words are emphasized
    assert.match(text, /supported/i);
    assert.match(text, /neutral player/i);
  });
});
