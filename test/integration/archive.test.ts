// A newsroom archive in the real editor: a throwaway PostgreSQL cluster holds an article the
// local sources lack; with the archive in "sourced.archives", hover cards and Problems use it,
// and the card's link opens the archived article read-only.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { startCluster, type Cluster } from '../unit/archive/cluster';
import { ingestInto } from '../unit/archive/fixtures';
import { draftUri, waitFor } from './helpers';
import { hoverMarkdown, openIndexedDraft, positionOf } from './sourcedHelpers';

const ARTICLE = [
  '---',
  'title: Kestrel Bay harbour wins its breakwater',
  'outlet: The Coastal Courier',
  'date: 2026-03-10',
  '---',
  '',
  'The Kestrel Bay harbour authority approved a 40-metre breakwater extension on Tuesday, its chair Ingrid Solvang said.',
  'Construction of the breakwater begins in the spring and is paid for by mooring fees.',
  '',
].join('\n');

const DRAFT = [
  '# Harbour',
  '',
  'The Kestrel Bay harbour authority approved a 40-metre breakwater extension on Tuesday.',
  '',
  'The Kestrel Bay harbour authority approved a 45-metre breakwater extension on Tuesday.',
  '',
].join('\n');

describe('newsroom archive', function () {
  // Starting PostgreSQL and loading the article takes a few seconds on a busy machine.
  this.timeout(120_000);
  let cluster: Cluster | undefined;
  let sources: string | undefined;
  let draft: string | undefined;

  before(async () => {
    cluster = startCluster();
    cluster.psql('CREATE DATABASE newsroom');
    sources = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-archive-it-'));
    fs.mkdirSync(path.join(sources, 'wire'));
    fs.writeFileSync(path.join(sources, 'wire', 'harbour.md'), ARTICLE);
    await ingestInto(cluster.url('newsroom'), { roots: [path.join(sources, 'wire')] });
    // The setting is machine-scoped (a URL of the reporter's machine): user settings, with no
    // password in the URL. With none in secret storage either, the connection takes PostgreSQL's
    // own PGPASSWORD from the environment (this test runs in the extension's process).
    process.env.PGPASSWORD = cluster.password;
    await vscode.workspace.getConfiguration('sourced').update('archives', [{ name: 'newsroom', url: cluster.url('newsroom', undefined, null) }], vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('sourced').update('archives', undefined, vscode.ConfigurationTarget.Global);
    delete process.env.PGPASSWORD;
    if (draft) fs.rmSync(draft, { force: true });
    if (sources) fs.rmSync(sources, { recursive: true, force: true });
    cluster?.destroy();
  });

  it('hover cards and Problems use an archived article, and the card opens it read-only', async () => {
    const name = `scratch-${randomBytes(4).toString('hex')}-archive.md`;
    draft = draftUri(name).fsPath;
    fs.writeFileSync(draft, DRAFT);
    const { api, editor } = await openIndexedDraft(name);
    await waitFor('the archive to connect', () => /Archive "newsroom" .*: connected/.test(api.outputText()), 30_000);
    const uri = editor.document.uri;

    // Problems: the figure the archive contradicts, with the archived article's wording.
    await vscode.commands.executeCommand('sourced.checkUnsupportedClaims');
    const mismatch = await waitFor(
      'a number mismatch from the archive',
      () => vscode.languages.getDiagnostics(uri).find((d) => d.source === 'Sourced' && d.code === 'number-mismatch'),
      30_000,
    );
    assert.match(mismatch.message, /the source says "40"/);
    assert.equal(mismatch.range.start.line, 4);
    const flagged = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Sourced' && d.range.start.line === 2);
    assert.deepEqual(flagged, [], 'the sentence the archive supports is not flagged');

    // Hover: the archived article by its title, with a link that opens it.
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, positionOf(editor.document, '40-metre'));
    const { markdown, shown } = hoverMarkdown(hovers);
    assert.match(shown, /Kestrel Bay harbour wins its breakwater/, shown);
    assert.match(shown, /The Coastal Courier/, shown);
    const link = markdown.match(/\(command:sourced\.openSource\?([^)]+)\)/);
    assert.ok(link, markdown);
    const args = JSON.parse(decodeURIComponent(link[1])) as unknown[];
    const opened = await vscode.commands.executeCommand<vscode.TextEditor>('sourced.openSource', ...args);
    assert.equal(opened.document.uri.scheme, 'sourced-archive');
    assert.match(opened.document.uri.path, /^\/newsroom\/wire\/harbour\.md$/);
    assert.match(opened.document.getText(opened.selection), /40-metre breakwater/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
