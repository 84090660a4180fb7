import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hoverMarkdown, openIndexedDraft, positionOf, titleOfSource } from './sourcedHelpers';

describe('hover cards', () => {
  it('names the source of a supported sentence, with a link that opens it', async () => {
    const { api, editor } = await openIndexedDraft('feature-hover.md');
    const uri = editor.document.uri;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, positionOf(editor.document, '12-point proposal'));
    const { markdown, shown } = hoverMarkdown(hovers);
    assert.match(shown, /Supported/, shown);
    assert.ok(shown.includes(titleOfSource(api, uri, '000_')), `card does not name the source:\n${shown}`);
    assert.match(markdown, /\[Open source\]\(command:sourced\.openSource\?/);
  });

  it('shows the source wording of a misquote with the differences marked', async () => {
    const { editor } = await openIndexedDraft('feature-hover.md');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, 'only a diplomatic'));
    const { markdown, shown } = hoverMarkdown(hovers);
    // On the flagged quote VS Code shows the Problems message above the card: the card adds the evidence.
    assert.match(shown, /^\*\*Sourced\*\* · source wording/, shown);
    assert.doesNotMatch(shown, /Misquote/, shown);
    assert.match(markdown, /\*\*really just\*\*/, markdown);
    assert.match(markdown, /~~only~~/, markdown);
  });

  it('says what the problem is when hovered off the flagged words, where VS Code shows no message', async () => {
    const { editor } = await openIndexedDraft('feature-hover.md');
    const snippet = 'only a diplomatic storytelling game,” Mr. Umarov said';
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, snippet, snippet.length - 2));
    assert.match(hoverMarkdown(hovers).shown, /⚠ Misquote\s+Misquote: the source says/);
  });

  it('says a correct quote is verbatim', async () => {
    const { editor } = await openIndexedDraft('feature-hover.md');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, 'really just a'));
    assert.match(hoverMarkdown(hovers).shown, /Quote is verbatim from .*Umarov/);
  });

  it('opens the source at the passage from the card link', async () => {
    const { editor } = await openIndexedDraft('feature-hover.md');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, '12-point proposal'));
    const link = hoverMarkdown(hovers).markdown.match(/\(command:sourced\.openSource\?([^)]+)\)/);
    assert.ok(link);
    const args = JSON.parse(decodeURIComponent(link[1])) as unknown[];
    const opened = await vscode.commands.executeCommand<vscode.TextEditor>('sourced.openSource', ...args);
    assert.match(opened.document.uri.fsPath, /corpus[\\/]000_/);
    assert.match(opened.document.getText(opened.selection), /12-point proposal/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
