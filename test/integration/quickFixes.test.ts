import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { discardScratch, openScratchDraft, rangeOf, sourcedDiagnostics } from './sourcedHelpers';

async function actionsAt(document: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range, vscode.CodeActionKind.QuickFix.value);
}

async function diagnosticOn(document: vscode.TextDocument, code: string, snippet: string): Promise<vscode.Diagnostic> {
  const target = rangeOf(document, snippet);
  const found = (await sourcedDiagnostics(document.uri)).find((d) => d.code === code && d.range.intersection(target));
  assert.ok(found, `no ${code} diagnostic on "${snippet}"`);
  return found;
}

/** Runs the action, checks the draft changed as promised, then that one undo restores it. */
async function applyAndUndo(editor: vscode.TextEditor, action: vscode.CodeAction, expect: (text: string) => void): Promise<void> {
  const before = editor.document.getText();
  assert.ok(action.command, `action "${action.title}" has no command`);
  const applied = await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  assert.equal(applied, true, `action "${action.title}" was not applied`);
  expect(editor.document.getText());
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('undo');
  assert.equal(editor.document.getText(), before, 'one undo did not restore the draft');
}

describe('quick fixes', () => {
  let editor: vscode.TextEditor;

  beforeEach(async () => {
    ({ editor } = await openScratchDraft('feature-fixes.md'));
  });
  afterEach(() => discardScratch(editor));

  it('replaces a misquote with the source wording', async () => {
    const diagnostic = await diagnosticOn(editor.document, 'misquote', 'only a diplomatic');
    const fix = (await actionsAt(editor.document, diagnostic.range)).find((a) => a.isPreferred);
    assert.ok(fix, 'no preferred fix for the misquote');
    await applyAndUndo(editor, fix, (text) => {
      assert.doesNotMatch(text, /only a diplomatic/);
      assert.equal(text.match(/really just a diplomatic storytelling game,”/g)?.length, 2);
    });
  });

  it('corrects the speaker of a misattributed quote', async () => {
    const diagnostic = await diagnosticOn(editor.document, 'misattribution', 'said Alicia Bachulska');
    const fix = (await actionsAt(editor.document, diagnostic.range)).find((a) => a.isPreferred);
    assert.ok(fix, 'no preferred fix for the misattribution');
    await applyAndUndo(editor, fix, (text) => {
      const line = text.split('\n').find((l) => l.startsWith('“It’s really just'))!;
      assert.doesNotMatch(line, /Bachulska/);
      assert.match(line, /Umarov/);
    });
  });

  it("uses the source's figure for a number mismatch", async () => {
    const diagnostic = await diagnosticOn(editor.document, 'number-mismatch', '15-point');
    const fix = (await actionsAt(editor.document, diagnostic.range)).find((a) => a.isPreferred);
    assert.ok(fix, 'no preferred fix for the number mismatch');
    await applyAndUndo(editor, fix, (text) => {
      assert.doesNotMatch(text, /15-point/);
      assert.equal(text.match(/12-point proposal/g)?.length, 2);
    });
  });

  it('marks a false alarm as checked, and the check then leaves it alone', async () => {
    const diagnostic = await diagnosticOn(editor.document, 'unsupported-claim', 'Winter Olympics on the Moon');
    const mark = (await actionsAt(editor.document, diagnostic.range)).find((a) => a.title.startsWith('Mark as checked'));
    assert.ok(mark, 'no "Mark as checked" action');
    const before = editor.document.getText();
    const applied = await vscode.commands.executeCommand(mark.command!.command, ...(mark.command!.arguments ?? []));
    assert.equal(applied, true);
    assert.match(editor.document.getText(), /on the Moon in 2031\. <!-- sourced: checked -->/);
    const moon = rangeOf(editor.document, 'Winter Olympics on the Moon');
    const after = (await sourcedDiagnostics(editor.document.uri)).filter((d) => d.range.intersection(moon));
    assert.deepEqual(after.map((d) => d.code), []);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), before);
  });

  it('inserts a citation for a supported statement', async () => {
    const supported = rangeOf(editor.document, 'China issued a 12-point');
    const cite = (await actionsAt(editor.document, supported)).find((a) => a.title.startsWith('Insert citation'));
    assert.ok(cite, 'no "Insert citation" action on a supported statement');
    await applyAndUndo(editor, cite, (text) => {
      const key = text.match(/sanctions against Russia\.\[\^([\w-]+)\]\n/)?.[1];
      assert.ok(key, `no footnote after the sentence:\n${text}`);
      assert.match(text, new RegExp(`\\n\\[\\^${key}\\]: [^<>\\n]+\\n$`));
    });
  });

  it('refuses a fix computed for an older version of the draft', async () => {
    const diagnostic = await diagnosticOn(editor.document, 'misquote', 'only a diplomatic');
    const fix = (await actionsAt(editor.document, diagnostic.range)).find((a) => a.isPreferred);
    assert.ok(fix?.command);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'x'));
    const edited = editor.document.getText();
    const applied = await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    assert.equal(applied, false);
    assert.equal(editor.document.getText(), edited);
  });
});
