import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from './helpers';
import { discardScratch, openScratchDraft, plainQuotes } from './sourcedHelpers';

const UMAROV_QUOTE = "It's really just a diplomatic storytelling game";

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

async function typeAtEnd(editor: vscode.TextEditor, text: string): Promise<vscode.Position> {
  const end = editor.document.positionAt(editor.document.getText().length);
  await editor.edit((b) => b.insert(end, text));
  const position = editor.document.positionAt(editor.document.getText().length);
  editor.selection = new vscode.Selection(position, position);
  return position;
}

describe('quote completion', () => {
  let editor: vscode.TextEditor;

  beforeEach(async () => {
    ({ editor } = await openScratchDraft('feature-completion.md'));
  });
  afterEach(() => discardScratch(editor));

  it('offers Umarov\'s quote after an opening quotation mark, filtered by words from inside it', async () => {
    const position = await typeAtEnd(editor, '“storytelling');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position, '“');
    const item = list.items.find((i) => plainQuotes(labelOf(i)).includes(UMAROV_QUOTE));
    assert.ok(item, `no Umarov quote among: ${list.items.map(labelOf).join(' | ')}`);
    assert.match(String(item.detail), /Umarov/);
    const quoteItems = list.items.filter((i) => String(i.detail).includes(' · '));
    assert.ok(quoteItems.every((i) => /storytelling/i.test(labelOf(i))), 'a quote without the typed word was offered');
  });

  it('offers quotes after a straight quotation mark too', async () => {
    const position = await typeAtEnd(editor, '"diplomatic story');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position, '"');
    assert.ok(list.items.some((i) => plainQuotes(labelOf(i)).includes(UMAROV_QUOTE)));
  });

  it('accepting inserts the exact wording, the attribution and a footnote, undone in one step', async () => {
    await typeAtEnd(editor, '“really just a diplomatic');
    const before = editor.document.getText();
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    const text = await waitFor('the suggestion to be accepted', async () => {
      await vscode.commands.executeCommand('acceptSelectedSuggestion');
      const now = editor.document.getText();
      return now !== before ? now : undefined;
    });
    assert.match(text, /“It’s really just a diplomatic storytelling game,” (Temur |Mr\. )?Umarov said\.\[\^([\w-]+)\]/);
    const key = text.match(/said\.\[\^([\w-]+)\]/)![1];
    assert.match(text, new RegExp(`\\n\\n\\[\\^${key}\\]: .+<[^>]*000_75a6b70249c89a2f\\.txt>\\n?$`));
    assert.equal(text.match(/\[\^[\w-]+\]:/g)?.length, 1, 'more than one footnote definition');
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), before);
  });

  it('offers nothing outside a quotation', async () => {
    const position = await typeAtEnd(editor, 'storytelling');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
    assert.ok(!list.items.some((i) => plainQuotes(labelOf(i)).includes(UMAROV_QUOTE)));
  });
});
