import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { waitFor, workspaceRoot } from './helpers';
import { hoverMarkdown, openIndexedDraft, positionOf } from './sourcedHelpers';

const PDF_ROOT = 'formats-corpus';
const FIXTURES = ['report.pdf', 'article.html', 'memo.docx'];

describe('PDF, HTML and DOCX sources', () => {
  let pdfDir: string;
  let addedSetting = false;

  before(async () => {
    pdfDir = path.join(workspaceRoot(), PDF_ROOT);
    fs.mkdirSync(pdfDir, { recursive: true });
    for (const name of FIXTURES) fs.copyFileSync(path.join(workspaceRoot(), '..', 'fixtures', 'formats', name), path.join(pdfDir, name));
    const folder = vscode.workspace.workspaceFolders![0];
    const config = vscode.workspace.getConfiguration('sourced', folder.uri);
    const roots = config.get<string[]>('corpus', []);
    if (!roots.includes(PDF_ROOT)) {
      await config.update('corpus', [...roots, PDF_ROOT], vscode.ConfigurationTarget.WorkspaceFolder);
      addedSetting = true;
    }
  });

  after(async () => {
    fs.rmSync(pdfDir, { recursive: true, force: true });
    if (addedSetting) {
      const folder = vscode.workspace.workspaceFolders![0];
      const config = vscode.workspace.getConfiguration('sourced', folder.uri);
      await config.update('corpus', config.get<string[]>('corpus', []).filter((r) => r !== PDF_ROOT), vscode.ConfigurationTarget.WorkspaceFolder);
    }
  });

  it('cites the PDF page in the hover card and opens the extracted text at the passage', async function () {
    this.timeout(60_000);
    const { api, editor } = await openIndexedDraft('feature-extracted.md');
    const uri = editor.document.uri;
    await waitFor('the PDF to be indexed', async () => {
      await api.whenIndexed(uri);
      return [...api.engineFor(uri).documents.values()].some((d) => d.format === 'pdf');
    }, 30_000).catch(async (error: Error) => {
      // Say why: re-reading the file gives the reason the output channel shows.
      const skipped = await api.engineFor(uri).upsertFile(path.join(pdfDir, 'report.pdf'));
      throw new Error(`${error.message}: ${skipped?.reason ?? 'it was not skipped'}`);
    });
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, positionOf(editor.document, 'Our rivers'));
    const { markdown, shown } = hoverMarkdown(hovers);
    assert.match(shown, /Annual Water Quality Report/, shown);
    assert.match(shown, /— p\. 2 —/, shown);

    const link = markdown.match(/\(command:sourced\.openSource\?([^)]+)\)/);
    assert.ok(link, markdown);
    const args = JSON.parse(decodeURIComponent(link[1])) as unknown[];
    const opened = await vscode.commands.executeCommand<vscode.TextEditor>('sourced.openSource', ...args);
    assert.notEqual(opened.document.uri.scheme, 'file', 'a PDF passage must open in the extracted text, not the binary file');
    assert.match(opened.document.getText(opened.selection), /Our rivers are cleaner/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('indexes saved web pages and Word documents, with their metadata', async function () {
    this.timeout(60_000);
    const { api, editor } = await openIndexedDraft('feature-extracted.md');
    const uri = editor.document.uri;
    const extracted = await waitFor('the web page and the Word document to be indexed', async () => {
      await api.whenIndexed(uri);
      const docs = [...api.engineFor(uri).documents.values()].filter((d) => d.format === 'html' || d.format === 'docx');
      return docs.length === 2 ? docs : undefined;
    }, 30_000);
    assert.deepEqual(extracted.map((d) => [d.format, d.metadata.title]).sort(), [['docx', 'Budget hearing notes'], ['html', 'Harbor council approves flood barrier']]);
    const [hit] = api.engineFor(uri).search('movable flood barrier old port vote', 1);
    assert.ok(hit.passage.docId.endsWith('article.html'), hit.passage.docId);
  });
});
