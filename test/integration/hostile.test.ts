// Hostile sources inside the real extension host: a draft outside the workspace whose corpus is
// test/fixtures/hostile. Cards and completion details carry no link but Sourced's own and no
// HTML; diagnostics hold plain text without direction overrides; stale edits are refused; and
// a check while typing never changes the text or moves the cursor.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DISGUISING, markdownHazards, ownLinkCount } from '../unit/hostileMarkdown';
import { waitFor, workspaceRoot } from './helpers';
import { hoverMarkdown, positionOf, sourcedApi } from './sourcedHelpers';

const DRAFT = `# Hostile draft

The regional hospital opened a new cancer ward with 36 beds on Friday.

The water company was fined 90 million pounds on Tuesday for releasing raw sewage into rivers on hundreds of occasions.

"This ward will cut waiting times by a third," said chief surgeon Amara Okoye.

The central bank raised its main interest rate to six percent on Wednesday.

The planning committee approved a fourth runway for the regional airport on Monday.

Critics pointed to an earlier report that found the seabed contaminated with heavy metals.

The lighthouse keeper retired after forty years on the island.
`;

/** A file name is source text too: this one would close Sourced's link and open a foreign one. */
const HOSTILE_FILE_NAME = "keeper)[Run this](command:workbench.action.terminal.new) ('x'*!).txt";

const CLAIMS = ['cancer ward', 'raw sewage', 'waiting times', 'interest rate', 'runway', 'seabed', 'lighthouse'];

type Contents = vscode.MarkdownString & { isTrusted?: boolean | { enabledCommands: string[] }; supportHtml?: boolean };

describe('hostile sources in the editor', () => {
  let root: string;
  let editor: vscode.TextEditor;

  before(async function () {
    this.timeout(60_000);
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-hostile-'));
    fs.cpSync(path.join(workspaceRoot(), '..', 'fixtures', 'hostile'), path.join(root, 'corpus'), { recursive: true });
    fs.writeFileSync(path.join(root, 'corpus', HOSTILE_FILE_NAME), 'The lighthouse keeper retired after forty years on the island, the harbour office said.\n');
    // A draft outside the workspace is served by its own folder's index: make "corpus" and the
    // workspace's "../../corpus" setting both reach the hostile sources.
    const draftDir = path.join(root, 'a', 'b');
    fs.mkdirSync(draftDir, { recursive: true });
    fs.symlinkSync(path.join(root, 'corpus'), path.join(draftDir, 'corpus'));
    fs.writeFileSync(path.join(draftDir, 'hostile.md'), DRAFT);
    const api = await sourcedApi();
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(path.join(draftDir, 'hostile.md')));
    await api.whenIndexed(editor.document.uri);
    const ids = [...api.engineFor(editor.document.uri).documents.keys()];
    assert.equal(ids.length, fs.readdirSync(path.join(root, 'corpus')).length, `hostile corpus not indexed: ${ids.join(', ')}`);
  });

  after(async () => {
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('builds hover cards with no link but Sourced\'s own, no HTML and no hidden characters', async () => {
    let cards = 0;
    for (const claim of CLAIMS) {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, claim));
      const { markdown, shown } = hoverMarkdown(hovers);
      if (!markdown) continue;
      cards++;
      assert.deepEqual(markdownHazards(markdown), [], `${claim}:\n${markdown}`);
      assert.ok(ownLinkCount(markdown) >= 1, `${claim}: no "Open source" link`);
      assert.doesNotMatch(shown, DISGUISING, claim);
      for (const contents of hovers.flatMap((h) => h.contents) as Contents[]) {
        assert.notEqual(contents.isTrusted, true, 'a hover card trusts every command');
        assert.notEqual(contents.supportHtml, true, 'a hover card renders HTML');
      }
    }
    assert.ok(cards >= 4, `only ${cards} of ${CLAIMS.length} claims have a card`);
  });

  it('gives completion details with no link and no HTML, and labels without direction overrides', async () => {
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editor.edit((b) => b.insert(end, '\nThe judge said “spills'));
    try {
      const position = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position, '“');
      const items = list.items.filter((i) => i.documentation);
      assert.ok(items.length >= 1, 'no quote offered');
      for (const item of items) {
        const doc = item.documentation as Contents;
        const markdown = typeof doc === 'string' ? doc : doc.value;
        assert.deepEqual(markdownHazards(markdown, /^$/), [], markdown);
        assert.notEqual((doc as Contents).isTrusted, true);
        assert.notEqual((doc as Contents).supportHtml, true);
        const label = typeof item.label === 'string' ? item.label : `${item.label.label} ${item.label.detail ?? ''} ${item.label.description ?? ''}`;
        assert.doesNotMatch(`${label} ${item.detail ?? ''}`, /[\u202A-\u202E\u2066-\u2069]/u, label);
      }
    } finally {
      await vscode.commands.executeCommand('undo');
    }
  });

  it('shows diagnostics as plain text, without direction overrides from the sources', async () => {
    await vscode.commands.executeCommand('sourced.checkUnsupportedClaims');
    const diagnostics = await waitFor('Sourced diagnostics on the hostile draft', () => {
      const list = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'Sourced');
      return list.length >= 2 ? list : undefined;
    });
    for (const d of diagnostics) {
      assert.equal(typeof d.message, 'string');
      const texts = [d.message, ...(d.relatedInformation ?? []).map((r) => r.message)];
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the check is that no control character reaches the message
      for (const text of texts) assert.doesNotMatch(text, /[\u202A-\u202E\u2066-\u2069\u0000-\u0008\u001B]/u, JSON.stringify(text));
      for (const related of d.relatedInformation ?? []) assert.ok(['file', 'sourced-source'].includes(related.location.uri.scheme), related.location.uri.toString());
    }
  });

  it('refuses an edit computed for an older version of the draft', async () => {
    const before = editor.document.getText();
    const version = editor.document.version;
    const stale = await vscode.commands.executeCommand('sourced.applyEdits', editor.document.uri.toString(), version - 1, [{ start: 0, end: before.length, text: '' }]);
    assert.equal(stale, false);
    assert.equal(editor.document.getText(), before);
    const foreign = await vscode.commands.executeCommand('sourced.applyEdits', vscode.Uri.file(path.join(root, 'corpus', 'raw-html.txt')).toString(), 1, [{ start: 0, end: 5, text: 'x' }]);
    assert.equal(foreign, false, 'a source file (not open as a draft) was edited');
    assert.equal(fs.readFileSync(path.join(root, 'corpus', 'raw-html.txt'), 'utf8').startsWith('Hospital'), true);
  });

  it('opens a source from a card read-only, even one with a hostile file name: typing in it changes nothing', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, 'lighthouse'));
    const link = hoverMarkdown(hovers).markdown.match(/\(command:sourced\.openSource\?([^)]+)\)/);
    assert.ok(link, 'no "Open source" link');
    const args = JSON.parse(decodeURIComponent(link[1])) as unknown[];
    const source = await vscode.commands.executeCommand<vscode.TextEditor>('sourced.openSource', ...args);
    assert.equal(source.document.uri.scheme, 'file');
    assert.equal(path.basename(source.document.uri.fsPath), HOSTILE_FILE_NAME);
    const before = source.document.getText();
    await vscode.commands.executeCommand('type', { text: 'TYPED BY MISTAKE' });
    assert.equal(source.document.getText(), before, 'the source changed');
    assert.equal(source.document.isDirty, false);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.window.showTextDocument(editor.document);
  });

  it('never changes the text or moves the cursor when a check runs while the user types', async function () {
    this.timeout(30_000);
    await vscode.window.showTextDocument(editor.document);
    const start = positionOf(editor.document, 'six percent');
    editor.selection = new vscode.Selection(start, start);
    const typed = 'about ';
    for (const ch of typed) {
      await vscode.commands.executeCommand('type', { text: ch });
      await new Promise((r) => setTimeout(r, 40));
    }
    const text = editor.document.getText();
    const version = editor.document.version;
    const cursor = editor.selection.active;
    assert.ok(text.includes('to about six percent'));
    // Wait for the check after the pause (sourced.checkDelay) to publish diagnostics for this version.
    const changed = new Promise<void>((resolve) => {
      const listener = vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === editor.document.uri.toString())) {
          listener.dispose();
          resolve();
        }
      });
    });
    await Promise.race([changed, new Promise((r) => setTimeout(r, 5_000))]);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(editor.document.getText(), text, 'the check changed the text');
    assert.equal(editor.document.version, version, 'the check edited the draft');
    assert.ok(editor.selection.active.isEqual(cursor) && editor.selection.isEmpty, 'the check moved the cursor');
    // Diagnostics belong to the current text: each one's range still covers a drafted claim.
    for (const d of vscode.languages.getDiagnostics(editor.document.uri).filter((x) => x.source === 'Sourced')) {
      assert.ok(editor.document.getText(d.range).trim().length > 0, `empty range ${JSON.stringify(d.range)}`);
      assert.ok(d.range.end.line < editor.document.lineCount);
    }
    for (let i = 0; i < typed.length; i++) await vscode.commands.executeCommand('undo');
  });
});
