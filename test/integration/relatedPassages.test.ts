import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from './helpers';
import { discardScratch, openIndexedDraft, openScratchDraft, positionOf } from './sourcedHelpers';

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
    await waitFor('passages about the West', () => api.relatedPassages.lastPosted()?.query.includes('largely rejected'));
    // On a busy machine the moves may reach the view one by one, each answered in turn; once the
    // view is quiet, what it shows must be the last paragraph's.
    let settled = api.relatedPassages.lastPosted();
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 600));
      const now = api.relatedPassages.lastPosted();
      if (now === settled) break;
      settled = now;
    }
    assert.ok(settled?.query.includes('largely rejected'), `an older result replaced the newest one: ${settled?.query}`);
  });
  it('says what to do once no draft is open, instead of passages of a closed draft', async () => {
    const { api, editor } = await openIndexedDraft('feature-related.md');
    await vscode.commands.executeCommand('sourced.relatedPassages.focus');
    await vscode.window.showTextDocument(editor.document);
    const at = positionOf(editor.document, 'Lukashenko met');
    editor.selection = new vscode.Selection(at, at);
    await waitFor('passages for the draft', () => api.relatedPassages.lastPosted()?.query.includes('Lukashenko met'));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const hint = await waitFor('the no-draft hint', () => {
      const posted = api.relatedPassages.lastPosted();
      return posted?.groups.length === 0 && posted.note ? posted : undefined;
    });
    assert.match(hint.note ?? '', /Open a Markdown draft and put the cursor in a paragraph/);
  });
});

describe('related passages actions', () => {
  let editor: vscode.TextEditor;
  afterEach(() => discardScratch(editor));

  it('searches the corpus, then inserts a passage as a cited quote and copies a citation', async () => {
    let api: Awaited<ReturnType<typeof openScratchDraft>>['api'];
    ({ api, editor } = await openScratchDraft('feature-related.md'));
    await vscode.commands.executeCommand('sourced.relatedPassages.focus');
    await vscode.window.showTextDocument(editor.document);
    const end = editor.document.positionAt(editor.document.getText().length);
    editor.selection = new vscode.Selection(end, end);
    await api.relatedPassages.request({ type: 'search', query: 'diplomatic storytelling game' });
    const found = await waitFor('search results', () => {
      const posted = api.relatedPassages.lastPosted();
      return posted?.origin === 'search' && posted.groups.length ? posted : undefined;
    });
    const passage = found.groups.flatMap((g) => g.passages).find((p) => p.segments.map((s) => s.text).join('').includes('really just'));
    assert.ok(passage, 'the search did not find Umarov\'s passage');
    // Why it is there, in words, and the whole label (with the file) for the tooltip.
    assert.match(passage.why, /^Matched words: .*storytelling/);
    const group = found.groups.find((g) => g.docId === passage.docId)!;
    assert.ok(group.tooltip.endsWith(passage.docId), group.tooltip);
    assert.doesNotMatch(group.title + group.byline, /\.txt/);
    const before = editor.document.getText();
    await api.relatedPassages.request({ type: 'insert', docId: passage.docId, start: passage.start, end: passage.end });
    const text = await waitFor('the quote in the draft', () => (editor.document.getText() !== before ? editor.document.getText() : undefined));
    assert.match(text, /“It’s really just a diplomatic storytelling game,” (Temur )?Umarov said\.\[\^[\w-]+\]/);
    const citation = await api.relatedPassages.request({ type: 'copy', docId: passage.docId, start: passage.start, end: passage.end });
    assert.match(String(citation), /I News, Michael Melvin\.$/);
  });
});
