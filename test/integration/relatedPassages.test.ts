import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from './helpers';
import { openIndexedDraft, positionOf } from './sourcedHelpers';

describe('related passages view', () => {
  it('receives passages for the paragraph at the cursor, grouped by source', async () => {
    const { api, editor } = await openIndexedDraft('feature-related.md');
    await vscode.commands.executeCommand('sourced.relatedPassages.focus');
    await vscode.window.showTextDocument(editor.document);
    const at = positionOf(editor.document, 'Lukashenko met');
    editor.selection = new vscode.Selection(at, at);
    const message = await waitFor('passages about Lukashenko', () => {
      const posted = api.relatedPassages.lastPosted();
      return posted?.origin === 'cursor' && posted.query.includes('Lukashenko met Xi') ? posted : undefined;
    });
    assert.ok(message.groups.length > 0, 'no passages posted');
    const text = message.groups.flatMap((g) => g.passages.flatMap((p) => p.segments.map((s) => s.text))).join(' ');
    assert.match(text, /Lukashenko/);
    assert.ok(message.groups.some((g) => g.passages.some((p) => p.segments.some((s) => s.match))), 'no words emphasized');
    const ids = message.groups.map((g) => g.docId);
    assert.equal(new Set(ids).size, ids.length, 'a source appears in two groups');
  });

  it('follows the cursor to the next paragraph and never shows a stale result', async () => {
    const { api, editor } = await openIndexedDraft('feature-related.md');
    await vscode.commands.executeCommand('sourced.relatedPassages.focus');
    await vscode.window.showTextDocument(editor.document);
    // Several quick moves: only the last paragraph's passages may end up in the view.
    for (const snippet of ['Lukashenko met', 'largely rejected', 'Lukashenko met', 'largely rejected']) {
      const at = positionOf(editor.document, snippet);
      editor.selection = new vscode.Selection(at, at);
    }
    const message = await waitFor('passages about the West', () => {
      const posted = api.relatedPassages.lastPosted();
      return posted?.query.includes('largely rejected') ? posted : undefined;
    });
    await new Promise((resolve) => setTimeout(resolve, 600));
    assert.equal(api.relatedPassages.lastPosted(), message, 'an older result replaced the newest one');
  });
});
