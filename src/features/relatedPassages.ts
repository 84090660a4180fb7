import * as vscode from 'vscode';
import { citationText } from '../core/citations/citation';
import { splitByTerms } from '../core/render/highlight';
import { passageReason } from '../core/render/passageReason';
import { sourceLabelParts, sourceTooltip } from '../core/render/sourceLabel';
import type { PassageHit, SourceQuote } from '../core/types';
import type { CorpusManager, FolderIndex } from './corpusManager';
import { citationPlaceOf, isDraft } from './markdownDocuments';
import { paragraphText } from '../core/render/paragraph';
import { insertQuoteAtCursor, type SourceDocuments } from './quoteEdits';
import { SourcedEngine } from '../core/engine';
import type { Archives } from './archives';
import type { PassagesMessage, SourceGroup, ViewRequest } from './relatedPassagesMessages';
import { OPEN_SOURCE_COMMAND } from './sourceLocations';
import { NO_DRAFT_HINT, relatedPassagesHtml } from './relatedPassagesHtml';

export const RELATED_PASSAGES_VIEW = 'sourced.relatedPassages';
const CURSOR_DEBOUNCE_MS = 250;
const RESULT_LIMIT = 12;

function group(documents: SourceDocuments, hits: PassageHit[]): SourceGroup[] {
  const groups = new Map<string, SourceGroup>();
  for (const hit of hits) {
    const { docId } = hit.passage;
    let entry = groups.get(docId);
    if (!entry) {
      const doc = documents.get(docId);
      entry = { docId, ...sourceLabelParts(doc, docId), tooltip: sourceTooltip(doc, docId), passages: [] };
      groups.set(docId, entry);
    }
    entry.passages.push({
      docId,
      start: hit.passage.start,
      end: hit.passage.end,
      why: passageReason(hit),
      segments: splitByTerms(hit.passage.text, hit.matchedTerms),
    });
  }
  return [...groups.values()];
}

/** The sidebar of passages related to the paragraph at the cursor, with a search box. */
export class RelatedPassagesView implements vscode.WebviewViewProvider, vscode.Disposable {
  private view?: vscode.WebviewView;
  private generation = 0;
  private timer?: NodeJS.Timeout;
  private posted?: PassagesMessage;
  private draftEditor?: vscode.TextEditor;
  private index?: FolderIndex;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly corpus: CorpusManager,
    private readonly archives?: Archives,
  ) {
    this.disposables.push(
      vscode.window.onDidChangeTextEditorSelection((e) => this.onEditor(e.textEditor)),
      vscode.window.onDidChangeActiveTextEditor((editor) => editor && this.onEditor(editor)),
      corpus.onDidChange(() => this.draftEditor && this.onEditor(this.draftEditor)),
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        if (!editors.some((e) => isDraft(e.document))) void this.showNoDraftHint();
      }),
    );
  }

  /** The last message the view received (for tests and diagnostics). */
  lastPosted(): PassagesMessage | undefined {
    return this.posted;
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    view.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')] };
    view.webview.html = relatedPassagesHtml(view.webview, this.extensionUri);
    this.disposables.push(
      view.webview.onDidReceiveMessage((message: ViewRequest) => void this.onRequest(message)),
      view.onDidDispose(() => (this.view = undefined)),
    );
  }

  private onEditor(editor: vscode.TextEditor): void {
    if (!isDraft(editor.document)) return;
    this.draftEditor = editor;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.showForCursor(editor), CURSOR_DEBOUNCE_MS);
  }

  private async showForCursor(editor: vscode.TextEditor): Promise<void> {
    const generation = ++this.generation;
    const index = this.corpus.indexFor(editor.document.uri);
    await index.ready;
    if (generation !== this.generation) return;
    const text = editor.document.getText();
    const query = paragraphText(index.engine.extractStatements(text), text, editor.document.offsetAt(editor.selection.active));
    await this.post(generation, index, 'cursor', query);
  }

  private async search(query: string): Promise<void> {
    const generation = ++this.generation;
    const index = this.index ?? (this.draftEditor && this.corpus.indexFor(this.draftEditor.document.uri)) ?? this.corpus.all()[0];
    if (!index) return;
    await index.ready;
    if (generation !== this.generation) return;
    await this.post(generation, index, 'search', query);
  }

  private async post(generation: number, index: FolderIndex, origin: PassagesMessage['origin'], query: string): Promise<void> {
    const hits = query.trim() ? await this.hits(index, query) : [];
    const note =
      index.state.kind === 'empty' && hits.length === 0
        ? index.state.message
        : !query.trim()
          ? 'Move the cursor into a paragraph, or search the sources.'
          : hits.length === 0
            ? 'No related passages in the sources.'
            : undefined;
    const message: PassagesMessage = { type: 'passages', generation, origin, query, groups: group(this.documents(index), hits), note };
    // A newer request started while this one ran: its result wins, this one is dropped.
    if (generation !== this.generation || !this.view) return;
    this.index = index;
    if (await this.view.webview.postMessage(message)) this.posted = message;
  }

  /** The passages for the query: the local index's, or the local and archived ones ranked together when archives answer. */
  private async hits(index: FolderIndex, query: string): Promise<PassageHit[]> {
    const engine = index.engine;
    const archived = this.archives?.configured && engine instanceof SourcedEngine ? await this.archives.search(engine, query, RESULT_LIMIT).catch(() => undefined) : undefined;
    return archived ?? engine.search(query, RESULT_LIMIT);
  }

  /** A folder's documents, with the archived ones shown in the view. */
  private documents(index: FolderIndex): SourceDocuments {
    return this.archives ? this.archives.documentsWith(index.engine.documents) : index.engine.documents;
  }

  /** With no draft in sight, cursor results would be about a closed draft: say what to do instead (search results stay). */
  private async showNoDraftHint(): Promise<void> {
    clearTimeout(this.timer);
    this.draftEditor = undefined;
    if (this.posted?.origin === 'search') return;
    const message: PassagesMessage = { type: 'passages', generation: ++this.generation, origin: 'cursor', query: '', groups: [], note: NO_DRAFT_HINT };
    if (this.view && (await this.view.webview.postMessage(message))) this.posted = message;
  }

  /** Handles a request from the view (its buttons and search box post these); a copy returns what it copied. */
  async onRequest(message: ViewRequest): Promise<string | undefined> {
    if (message.type === 'ready') {
      if (this.posted) await this.view?.webview.postMessage(this.posted);
      else if (vscode.window.activeTextEditor) this.onEditor(vscode.window.activeTextEditor);
      return undefined;
    }
    if (message.type === 'search') {
      await this.search(message.query);
      return undefined;
    }
    const index = this.index;
    const doc = index && this.documents(index).get(message.docId);
    if (!index || !doc) return undefined;
    if (message.type === 'open') {
      await vscode.commands.executeCommand(OPEN_SOURCE_COMMAND, index.key, message.docId, message.start, message.end);
    } else if (message.type === 'copy') {
      const passage = { id: '', docId: doc.id, start: message.start, end: message.end, text: '', contextStart: message.start, contextEnd: message.end };
      const draft = this.draftEditor?.document;
      const citation = citationText(doc, passage, draft ? citationPlaceOf(draft) : { workspaceFolder: vscode.workspace.getWorkspaceFolder(index.scope)?.uri.fsPath });
      await vscode.env.clipboard.writeText(citation);
      void vscode.window.setStatusBarMessage('Sourced: citation copied', 2000);
      return citation;
    } else {
      await this.insert(index, message.docId, message.start, message.end);
    }
    return undefined;
  }

  /** Inserts the passage's quotation (or the passage itself, quoted) into the draft at its cursor. */
  private async insert(index: FolderIndex, docId: string, start: number, end: number): Promise<void> {
    const editor = this.draftEditor && !this.draftEditor.document.isClosed ? this.draftEditor : undefined;
    if (!editor) {
      void vscode.window.showInformationMessage('Sourced: click into a Markdown draft first, then insert the quote.');
      return;
    }
    const documents = this.documents(index);
    const doc = documents.get(docId)!;
    // An archived passage's quotations come from its archive (the reader keeps the documents it fetched).
    const quotes = index.engine.documents.has(docId) ? index.engine.quotes() : ((await this.archives?.quotesOf(docId)) ?? []);
    const inPassage = quotes.find((q) => q.docId === docId && q.start >= start && q.end <= end);
    const quote: SourceQuote = inPassage ?? { docId, passageId: `${docId}@${start}`, text: doc.text.slice(start, end).trim(), start, end };
    const shown = await vscode.window.showTextDocument(editor.document, editor.viewColumn);
    await insertQuoteAtCursor(shown, documents, quote);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

export function registerRelatedPassages(view: RelatedPassagesView): vscode.Disposable {
  return vscode.window.registerWebviewViewProvider(RELATED_PASSAGES_VIEW, view, { webviewOptions: { retainContextWhenHidden: true } });
}
