import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { waitFor, workspaceRoot } from './helpers';
import { openIndexedDraft } from './sourcedHelpers';
import type { SourcedApi } from '../../src/features/api';

/** waitFor, and on a timeout what the status bar and the Sourced output said, to show why. */
async function waitForSourced<T>(api: SourcedApi, what: string, condition: () => T | Promise<T>, timeoutMs: number): Promise<NonNullable<T>> {
  try {
    return await waitFor(what, condition, timeoutMs);
  } catch (error) {
    const output = api.outputText().split('\n').slice(-25).join('\n');
    throw new Error(`${(error as Error).message}\nstatus bar: ${api.statusBar().text}\nlast lines of the Sourced output:\n${output}`);
  }
}

/** The source files of the test workspace's corpus (../../corpus from it). */
function corpusFiles(): string[] {
  return fs.readdirSync(path.resolve(workspaceRoot(), '../../corpus')).filter((f) => f.endsWith('.txt'));
}

/** Sets the first workspace folder's "sourced.corpus" and waits until the extension host sees it; returns the undo. */
async function setCorpus(roots: string[]): Promise<() => Promise<void>> {
  const folder = vscode.workspace.workspaceFolders![0];
  const config = () => vscode.workspace.getConfiguration('sourced', folder.uri);
  const before = config().inspect<string[]>('corpus')?.workspaceFolderValue;
  await config().update('corpus', roots, vscode.ConfigurationTarget.WorkspaceFolder);
  await waitFor('the corpus setting to reach the extension host', () => JSON.stringify(config().get('corpus')) === JSON.stringify(roots));
  return async () => {
    await config().update('corpus', before, vscode.ConfigurationTarget.WorkspaceFolder);
    await waitFor('the corpus setting to be restored', () => JSON.stringify(config().get('corpus')) === JSON.stringify(before));
  };
}

describe('status bar', () => {
  it('counts the indexed sources: "Sourced: 5 sources"', async () => {
    const { api } = await openIndexedDraft('activation.md');
    const shown = await waitFor('the status bar to count the sources', () => (/Sourced: \d+ sources?/.test(api.statusBar().text) ? api.statusBar() : undefined), 20_000);
    assert.match(shown.text, new RegExp(`Sourced: ${corpusFiles().length} sources$`));
    assert.doesNotMatch(shown.text, /warning|error/);
  });

  describe('with no sources to index', () => {
    const emptyDir = () => path.join(workspaceRoot(), 'empty-corpus');
    let restore: (() => Promise<void>) | undefined;
    afterEach(async () => {
      await restore?.();
      restore = undefined;
      fs.rmSync(emptyDir(), { recursive: true, force: true });
    });
    after(async () => {
      const { api, editor } = await openIndexedDraft('activation.md');
      await waitFor('the sources to be back', async () => {
        await api.whenIndexed(editor.document.uri);
        return api.statusBar().text.includes(`${corpusFiles().length} sources`);
      }, 30_000);
    });

    it('warns when the corpus folder is missing and says to set sourced.corpus', async () => {
      const { api } = await openIndexedDraft('activation.md');
      restore = await setCorpus(['no-such-sources-folder']);
      const shown = await waitFor('the status bar to warn', () => (/no sources/.test(api.statusBar().text) ? api.statusBar() : undefined), 20_000);
      assert.match(shown.text, /\$\(warning\) Sourced: no sources/);
      assert.match(shown.tooltip, /no-such-sources-folder does not exist/);
      assert.match(shown.tooltip, /Set "sourced\.corpus"/);
      assert.match(api.outputText(), /corpus folder not found: create "no-such-sources-folder"/);
    });

    it('warns when the corpus folder is empty and says to add files', async () => {
      fs.mkdirSync(emptyDir(), { recursive: true });
      const { api, editor } = await openIndexedDraft('activation.md');
      restore = await setCorpus(['empty-corpus']);
      const shown = await waitForSourced(api, 'the status bar to warn', () => (/no sources/.test(api.statusBar().text) ? api.statusBar() : undefined), 20_000);
      assert.match(shown.tooltip, /No sources found in empty-corpus/);
      assert.match(shown.tooltip, /Add your sources there \(\.txt.*files\)/);
      // The sidebar says the same, instead of an empty list.
      await vscode.commands.executeCommand('sourced.relatedPassages.focus');
      const posted = await waitForSourced(api, 'the view to show the search', async () => {
        await api.relatedPassages.request({ type: 'search', query: 'China' });
        const message = api.relatedPassages.lastPosted();
        return message?.origin === 'search' ? message : undefined;
      }, 10_000);
      assert.match(posted.note ?? '', /No sources found in empty-corpus/);
      // A source added to the folder clears the warning without a rebuild.
      fs.writeFileSync(path.join(emptyDir(), 'note.txt'), 'The Quennick valley cooperative harvested saffron this autumn.\n');
      await waitForSourced(api, 'the added source to be counted', async () => {
        await api.whenIndexed(editor.document.uri);
        return api.statusBar().text.endsWith('Sourced: 1 source');
      }, 20_000);
      // Deleting it brings the warning back.
      fs.rmSync(path.join(emptyDir(), 'note.txt'));
      await waitForSourced(api, 'the warning after the last source is deleted', async () => {
        await api.whenIndexed(editor.document.uri);
        return /\$\(warning\) Sourced: no sources/.test(api.statusBar().text);
      }, 20_000);
    });
  });
});

describe('Sourced output channel', () => {
  const extraDir = () => path.join(workspaceRoot(), 'output-corpus');
  let restore: (() => Promise<void>) | undefined;
  after(async () => {
    await restore?.();
    fs.rmSync(extraDir(), { recursive: true, force: true });
  });

  it('lists every indexed source and every skipped file with the reason', async () => {
    fs.mkdirSync(extraDir(), { recursive: true });
    fs.writeFileSync(path.join(extraDir(), 'interview.xyz'), 'notes in a format Sourced does not read');
    fs.writeFileSync(path.join(extraDir(), 'blank.txt'), '');
    const { api, editor } = await openIndexedDraft('activation.md');
    const roots = vscode.workspace.getConfiguration('sourced', editor.document.uri).get<string[]>('corpus', []);
    restore = await setCorpus([...roots.filter((r) => r !== 'output-corpus'), 'output-corpus']);
    const log = await waitFor('the output to report the new load', async () => {
      await api.whenIndexed(editor.document.uri);
      const text = api.outputText();
      const last = text.slice(text.lastIndexOf('Indexing '));
      return last.includes('output-corpus') && /Indexed \d+ sources/.test(last) ? last : undefined;
    }, 30_000);
    for (const file of corpusFiles()) assert.match(log, new RegExp(`  indexed \\S*${file.replace('.', '\\.')}`), `${file} is not listed as indexed`);
    assert.match(log, / {2}skipped \S*interview\.xyz: unsupported file type "\.xyz": Sourced reads [^\n]*\.txt/);
    assert.match(log, / {2}skipped \S*blank\.txt: empty file: nothing to index/);
  });
});
