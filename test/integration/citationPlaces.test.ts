// Citations name a source's file only when it lies inside the workspace folder (relative to it),
// never an absolute path or a path outside it: through completion, Insert Quote, the quick fix
// and the Related Passages buttons, in each citation style.
import * as assert from 'node:assert/strict';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CitationStyle } from '../../src/core/citations/citation';
import { waitFor, workspaceRoot } from './helpers';
import { discardScratch, ensureCorpusRoot, openScratchDraft, rangeOf, sourcedApi } from './sourcedHelpers';

const INSIDE_ROOT = 'inside-sources';
const STYLES: CitationStyle[] = ['footnote', 'link', 'pandoc'];

interface Place {
  where: 'inside' | 'outside';
  /** Words typed after a quotation mark, or in the quick pick, to find the source's quote. */
  quoteWords: string;
  /** A statement of feature-citations.md the source supports. */
  statement: string;
  /** The source's file name, which only a citation of a source inside the workspace may show. */
  file: string;
}

const PLACES: Place[] = [
  { where: 'inside', quoteWords: 'painful necessary pipes', statement: 'The city council voted', file: 'water-rates.md' },
  // The workspace's corpus setting is "../../corpus": outside the workspace folder.
  { where: 'outside', quoteWords: 'really just a diplomatic storytelling', statement: 'China issued a 12-point', file: '000_75a6b70249c89a2f.txt' },
];

/** What an edit added to `before`: an insertion where the texts first differ and, if any, text appended at the end. */
function addedText(before: string, after: string): string {
  let p = 0;
  while (p < before.length && before[p] === after[p]) p++;
  const rest = before.slice(p);
  for (let k = 0; p + k + rest.length <= after.length; k++) {
    if (after.startsWith(rest, p + k)) return after.slice(p, p + k) + after.slice(p + k + rest.length);
  }
  throw new Error(`the edit was not an insertion:\n${after}`);
}

/** Nothing of the machine in `added`, and a path to the source only when it lies inside the workspace. */
function assertNoLeak(added: string, place: Place, where: string): void {
  const user = os.userInfo().username;
  for (const leak of [os.homedir(), path.dirname(workspaceRoot()), `/${user}/`, `\\${user}\\`]) {
    assert.ok(!added.includes(leak), `${where}\ncontains "${leak}"`);
  }
  if (place.where === 'outside') assert.ok(!added.includes(place.file), `${where}\nnames the file of a source outside the workspace`);
}

/** What a citation written into the draft says about where its source is. */
function assertCitesPlace(added: string, draft: vscode.Uri, place: Place, style: CitationStyle): void {
  const where = `${place.where} / ${style}: ${added}`;
  assertNoLeak(added, place, where);
  // Every file a link or footnote points to lies inside the workspace folder.
  for (const [, target] of added.matchAll(/<([^>\s]+)>/g)) {
    if (/^https?:/.test(target)) continue;
    const file = decodeURI(target.replace(/#.*$/, ''));
    const resolved = style === 'footnote' ? path.resolve(workspaceRoot(), file) : path.resolve(path.dirname(draft.fsPath), file);
    assert.ok(resolved.startsWith(workspaceRoot() + path.sep), `${where}\npoints outside the workspace`);
  }
  if (place.where === 'inside' && style === 'footnote') assert.match(added, new RegExp(`\\]: .+ <${INSIDE_ROOT}/${place.file}>\\n?$`), where);
  if (place.where === 'inside' && style === 'link') assert.match(added, new RegExp(`\\(<\\.\\./${INSIDE_ROOT}/${place.file}#L\\d+>\\)\\)`), where);
  if (style === 'pandoc') assert.match(added, /\[@[\w-]+\]/, where);
}

async function withStyle(style: CitationStyle, run: () => Promise<void>): Promise<void> {
  const config = () => vscode.workspace.getConfiguration('sourced');
  await config().update('citationStyle', style, vscode.ConfigurationTarget.Global);
  try {
    await waitFor(`citationStyle to be "${style}"`, () => config().get('citationStyle') === style);
    await run();
  } finally {
    await config().update('citationStyle', undefined, vscode.ConfigurationTarget.Global);
  }
}

/** Puts the draft back to `text` (one edit) with the cursor at its end. */
async function resetDraft(editor: vscode.TextEditor, text: string): Promise<void> {
  await vscode.window.showTextDocument(editor.document);
  const all = new vscode.Range(editor.document.positionAt(0), editor.document.positionAt(editor.document.getText().length));
  await editor.edit((b) => b.replace(all, text));
  const end = editor.document.positionAt(text.length);
  editor.selection = new vscode.Selection(end, end);
}

/** Runs `edit` and returns what it added to the draft (to `base`, when the edit replaces what was typed after it). */
async function added(editor: vscode.TextEditor, what: string, edit: () => Thenable<unknown>, base?: string): Promise<string> {
  const before = editor.document.getText();
  await edit();
  const after = await waitFor(what, () => (editor.document.getText() !== before ? editor.document.getText() : undefined));
  return addedText(base ?? before, after);
}

describe('citations name no file outside the workspace', function () {
  this.timeout(120_000);
  let restoreCorpus: () => Promise<void>;
  let editor: vscode.TextEditor;

  before(async () => {
    restoreCorpus = await ensureCorpusRoot(INSIDE_ROOT);
  });
  after(() => restoreCorpus());
  beforeEach(async () => {
    ({ editor } = await openScratchDraft('feature-citations.md'));
    const api = await sourcedApi();
    await waitFor('the source inside the workspace to be indexed', () => [...api.engineFor(editor.document.uri).documents.keys()].includes(`${INSIDE_ROOT}/water-rates.md`), 30_000);
  });
  afterEach(() => discardScratch(editor));

  for (const style of STYLES) {
    it(`completion, Insert Quote, the quick fix and Related Passages in "${style}" style`, async () => {
      const api = await sourcedApi();
      const original = editor.document.getText();
      const uri = editor.document.uri;
      await withStyle(style, async () => {
        for (const place of PLACES) {
          await resetDraft(editor, `${original}\n“${place.quoteWords}`);
          await vscode.commands.executeCommand('editor.action.triggerSuggest');
          const completed = await added(editor, `completion of the ${place.where} quote`, () =>
            waitFor('a suggestion accepted', async () => {
              const before = editor.document.getText();
              await vscode.commands.executeCommand('acceptSelectedSuggestion');
              return editor.document.getText() !== before;
            }),
            `${original}\n“`,
          );
          assertCitesPlace(completed, uri, place, style);

          await resetDraft(editor, `${original}\n`);
          const picked = await added(editor, `Insert Quote of the ${place.where} quote`, async () => {
            const inserted = vscode.commands.executeCommand<boolean>('sourced.insertQuote', { query: place.quoteWords });
            await new Promise((resolve) => setTimeout(resolve, 800));
            await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
            assert.equal(await inserted, true, `Insert Quote inserted no ${place.where} quote`);
          });
          assertCitesPlace(picked, uri, place, style);

          await resetDraft(editor, original);
          const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, rangeOf(editor.document, place.statement), vscode.CodeActionKind.QuickFix.value);
          const cite = actions.find((a) => a.title.startsWith('Insert citation'));
          assert.ok(cite?.command, `no "Insert citation" for the ${place.where} source`);
          const fixed = await added(editor, 'the citation fix', () => vscode.commands.executeCommand(cite.command!.command, ...(cite.command!.arguments ?? [])));
          assertCitesPlace(fixed, uri, place, style);

          await resetDraft(editor, `${original}\n`);
          await vscode.commands.executeCommand('sourced.relatedPassages.focus');
          await vscode.window.showTextDocument(editor.document);
          await api.relatedPassages.request({ type: 'search', query: place.quoteWords });
          const passage = await waitFor(`the ${place.where} passage among search results`, () => {
            const posted = api.relatedPassages.lastPosted();
            const hits = posted?.origin === 'search' && posted.query === place.quoteWords ? posted.groups.flatMap((g) => g.passages) : [];
            return hits.find((p) => p.docId.endsWith(place.file));
          });
          const fromView = await added(editor, 'the passage inserted from Related Passages', () => api.relatedPassages.request({ type: 'insert', docId: passage.docId, start: passage.start, end: passage.end }));
          assertCitesPlace(fromView, uri, place, style);
          const copied = String(await api.relatedPassages.request({ type: 'copy', docId: passage.docId, start: passage.start, end: passage.end }));
          assertNoLeak(copied, place, `copied citation: ${copied}`);
          if (place.where === 'inside') assert.match(copied, new RegExp(`^Council approves higher water rates\\. Riverside Gazette, 2 March 2024\\. \\.\\./${INSIDE_ROOT}/${place.file}#L\\d+$`));
        }
      });
      await resetDraft(editor, original);
    });
  }
});
