import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from './helpers';
import { discardScratch, openScratchDraft, plainQuotes } from './sourcedHelpers';

const UMAROV_QUOTE = "It's really just a diplomatic storytelling game";

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** The words an item inserts (labels are shortened to fit the list). */
function insertedBy(item: vscode.CompletionItem): string {
  const text = item.insertText ?? '';
  return plainQuotes(typeof text === 'string' ? text : text.value);
}

async function typeAtEnd(editor: vscode.TextEditor, text: string): Promise<vscode.Position> {
  const end = editor.document.positionAt(editor.document.getText().length);
  await editor.edit((b) => b.insert(end, text));
  const position = editor.document.positionAt(editor.document.getText().length);
  editor.selection = new vscode.Selection(position, position);
  return position;
}

/** Types `typed` at the end, opens the suggestions and accepts the first; returns the text before and after. */
async function acceptSuggestionAfter(editor: vscode.TextEditor, typed: string): Promise<{ before: string; text: string }> {
  await typeAtEnd(editor, typed);
  const before = editor.document.getText();
  await vscode.commands.executeCommand('editor.action.triggerSuggest');
  const text = await waitFor('the suggestion to be accepted', async () => {
    await vscode.commands.executeCommand('acceptSelectedSuggestion');
    const now = editor.document.getText();
    return now !== before ? now : undefined;
  });
  return { before, text };
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
    const item = list.items.find((i) => insertedBy(i).includes(UMAROV_QUOTE));
    assert.ok(item, `no Umarov quote among: ${list.items.map(labelOf).join(' | ')}`);
    assert.match(String(item.detail), /Umarov/);
    assert.match(labelOf(item), /^It’s really just a diplomatic/);
    const quoteItems = list.items.filter((i) => String(i.detail).includes(' · '));
    assert.ok(quoteItems.every((i) => /storytelling/i.test(insertedBy(i))), 'a quote without the typed word was offered');
  });

  it('offers quotes after a straight quotation mark too', async () => {
    const position = await typeAtEnd(editor, '"diplomatic story');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position, '"');
    assert.ok(list.items.some((i) => insertedBy(i).includes(UMAROV_QUOTE)));
  });

  it('accepting inserts the exact wording, the attribution and a footnote, undone in one step', async () => {
    const { before, text } = await acceptSuggestionAfter(editor, '“really just a diplomatic');
    assert.match(text, /“It’s really just a diplomatic storytelling game,” (Temur |Mr\. )?Umarov said\.\[\^([\w-]+)\]/);
    const key = text.match(/said\.\[\^([\w-]+)\]/)![1];
    // The source lies outside the workspace folder ("../../corpus"): cited by title, outlet and date, without its path.
    assert.match(text, new RegExp(`\\n\\n\\[\\^${key}\\]: [^<>\\n]+\\n?$`));
    assert.equal(text.match(/\[\^[\w-]+\]:/g)?.length, 1, 'more than one footnote definition');
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), before);
  });

  for (const { style, citation } of [
    // A source outside the workspace with no URL is named, not linked: its path stays off the draft.
    { style: 'link', citation: /said \([^<>\n]+\)\.$/ },
    // A Pandoc citation key; the bibliography is the writer's, so nothing is appended.
    { style: 'pandoc', citation: /said \[@[\w-]+\]\.$/ },
  ]) {
    it(`accepting with sourced.citationStyle "${style}" cites the source inline`, async () => {
      const config = () => vscode.workspace.getConfiguration('sourced');
      await config().update('citationStyle', style, vscode.ConfigurationTarget.Global);
      try {
        await waitFor(`citationStyle to be "${style}"`, () => config().get('citationStyle') === style);
        const typed = '“really just a diplomatic';
        const { before, text } = await acceptSuggestionAfter(editor, typed);
        assert.match(text, /“It’s really just a diplomatic storytelling game,” (Temur |Mr\. )?Umarov said /);
        assert.match(text.trimEnd(), citation);
        assert.ok(!/\[\^[\w-]+\]/.test(text.slice(before.length - typed.length)), 'a footnote was added');
      } finally {
        await config().update('citationStyle', undefined, vscode.ConfigurationTarget.Global);
      }
    });
  }

  it('opens after a quotation mark that was already there, once the writer types', async () => {
    await typeAtEnd(editor, '\n\nUmarov put it plainly: “');
    await vscode.commands.executeCommand('hideSuggestWidget');
    const before = editor.document.getText();
    for (const ch of 'really') await vscode.commands.executeCommand('type', { text: ch });
    const text = await waitFor('the suggestion opened by typing to be accepted', async () => {
      await vscode.commands.executeCommand('acceptSelectedSuggestion');
      const now = editor.document.getText();
      return now.length > before.length + 'really'.length ? now : undefined;
    });
    assert.match(plainQuotes(text), new RegExp(`"${UMAROV_QUOTE}`));
  });

  it('offers nothing outside a quotation', async () => {
    const position = await typeAtEnd(editor, 'storytelling');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
    assert.ok(!list.items.some((i) => insertedBy(i).includes(UMAROV_QUOTE)));
  });
});

describe('Sourced: Insert Quote...', () => {
  let editor: vscode.TextEditor;
  afterEach(() => discardScratch(editor));

  it('inserts the picked quote with its citation at the cursor', async () => {
    ({ editor } = await openScratchDraft('feature-completion.md'));
    const end = editor.document.positionAt(editor.document.getText().length);
    editor.selection = new vscode.Selection(end, end);
    const before = editor.document.getText();
    const inserted = vscode.commands.executeCommand<boolean>('sourced.insertQuote');
    // The quick pick lists every quote; accept the first one.
    await new Promise((resolve) => setTimeout(resolve, 800));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(await inserted, true);
    const added = editor.document.getText().slice(before.length);
    assert.match(added, /^“[^”]+”.*\[\^[\w-]+\]/);
    assert.match(editor.document.getText(), /\n\[\^[\w-]+\]: [^<>\n]+\n$/);
  });
});
