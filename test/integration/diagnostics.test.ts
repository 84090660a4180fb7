import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openIndexedDraft, rangeOf, sourcedDiagnostics } from './sourcedHelpers';

describe('Problems from Sourced: Check Unsupported Claims', () => {
  it('puts a misquote on the altered quote and nothing on the supported sentence', async () => {
    const { editor } = await openIndexedDraft('feature-check.md');
    const document = editor.document;
    const diagnostics = await sourcedDiagnostics(document.uri);
    const misquote = diagnostics.find((d) => d.code === 'misquote');
    assert.ok(misquote, `no misquote among ${diagnostics.map((d) => d.code).join(', ')}`);
    assert.ok(misquote.range.intersection(rangeOf(document, 'only a diplomatic storytelling game')), 'misquote is not on the altered quote');
    assert.equal(misquote.source, 'Sourced');
    const supported = rangeOf(document, 'China issued a 12-point proposal');
    assert.deepEqual(diagnostics.filter((d) => d.range.intersection(supported)).map((d) => d.code), []);
  });

  it('points the misquote at the source passage', async () => {
    const { editor } = await openIndexedDraft('feature-check.md');
    const misquote = (await sourcedDiagnostics(editor.document.uri)).find((d) => d.code === 'misquote');
    const related = misquote?.relatedInformation?.[0];
    assert.ok(related, 'misquote has no related information');
    assert.match(related.location.uri.fsPath, /corpus[\\/]000_75a6b70249c89a2f\.txt$/);
    const source = await vscode.workspace.openTextDocument(related.location.uri);
    assert.match(source.getText(related.location.range), /diplomatic storytelling game/);
  });

  it('uses the configured severity', async () => {
    const { editor } = await openIndexedDraft('feature-check.md');
    const config = vscode.workspace.getConfiguration('sourced', editor.document.uri);
    await config.update('severity', { misquote: 'error' }, vscode.ConfigurationTarget.Global);
    try {
      const misquote = (await sourcedDiagnostics(editor.document.uri)).find((d) => d.code === 'misquote');
      assert.equal(misquote?.severity, vscode.DiagnosticSeverity.Error);
    } finally {
      await config.update('severity', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
