import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { waitFor, workspaceRoot } from './helpers';
import { ensureCorpusRoot, hoverMarkdown, openIndexedDraft, positionOf } from './sourcedHelpers';

const EXTRA = 'extra-corpus';
const SENTENCE = 'The Quennick valley cooperative harvested record amounts of saffron this autumn.';

describe('corpus file watcher', () => {
  let extraDir: string;
  let restoreSetting: () => Promise<void>;

  before(async () => {
    extraDir = path.join(workspaceRoot(), EXTRA);
    fs.mkdirSync(extraDir, { recursive: true });
    restoreSetting = await ensureCorpusRoot(EXTRA);
  });

  after(async () => {
    fs.rmSync(extraDir, { recursive: true, force: true });
    await restoreSetting();
  });

  it('indexes an added file, re-indexes an edit and drops a deleted file, without a full rebuild', async () => {
    const { api, editor } = await openIndexedDraft('feature-watch.md');
    const uri = editor.document.uri;
    await waitFor('the corpus setting to take effect', async () => {
      await api.whenIndexed(uri);
      return vscode.workspace.getConfiguration('sourced', uri).get<string[]>('corpus', []).includes(EXTRA);
    });
    // A setting change reloads the corpus in full; let that settle before counting loads.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await api.whenIndexed(uri);
    const loads = api.fullLoads(uri);
    const engine = () => api.engineFor(uri);
    const file = path.join(extraDir, 'harvest-report.txt');
    const finds = (query: string, word: string) => engine().search(query, 5).some((h) => h.passage.docId.endsWith('harvest-report.txt') && h.passage.text.includes(word));
    const findsSaffron = () => finds('Quennick saffron harvest', 'saffron');

    fs.writeFileSync(file, `Harvest report\n\n${SENTENCE}\n`);
    await waitFor('the new source to be searchable', findsSaffron, 15_000);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, positionOf(editor.document, 'Quennick valley'));
    assert.match(hoverMarkdown(hovers).shown, /harvest-report\.txt|Harvest report/);

    fs.writeFileSync(file, 'Harvest report\n\nThe Quennick valley cooperative sold its orchards to a pension fund.\n');
    await waitFor('the edit to be re-indexed', () => !findsSaffron() && finds('Quennick orchards pension fund', 'orchards'), 15_000);

    fs.rmSync(file);
    await waitFor('the deleted source to leave the index', () => ![...engine().documents.values()].some((d) => d.path === file), 15_000);
    assert.equal(api.fullLoads(uri), loads, 'a file change triggered a full rebuild');
  });
});
