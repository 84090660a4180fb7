import * as vscode from 'vscode';
import { checkWithArchives } from '../core/archive/archiveCheck';
import { ArchiveReader, type ArchiveSpec } from '../core/archive/archiveReader';
import { LayeredDocuments } from '../core/archive/archiveRetrieval';
import { describeArchiveError, type ArchiveProblem } from '../core/archive/connection';
import type { SourcedEngine } from '../core/engine';
import { quotesWithArchives, searchWithArchives } from '../core/archive/archiveSearch';
import type { PassageHit, SourceDocument, SourceQuote, StatementResult } from '../core/types';
import type { LogChannel } from './logChannel';

export const ARCHIVE_SCHEME = 'sourced-archive';
const SET_PASSWORD_COMMAND = 'sourced.setArchivePassword';
/** A check waits this long for the archives, then shows the local results (the late answer is dropped). */
const CHECK_DEADLINE_MS = 4000;
const STATEMENT_TIMEOUT_MS = 3000;
/** Related Passages updates after the cursor rests: it can wait a little longer than completion. */
const SEARCH_DEADLINE_MS = 2000;
/** The suggestion list waits for the archives this long at most, then shows the local quotations. */
const COMPLETION_DEADLINE_MS = 800;
/** While an archive is failing, it is tried again this often, so the status clears when it is back. */
const RETRY_MS = 30_000;
/** Archived documents kept for cards, links and the read-only view (the reader caches its own share). */
const KEPT_DOCUMENTS = 200;

const secretKey = (name: string) => `sourced.archive.password.${name}`;

/** An archive check's outcome: the results with archived passages, and the documents they cite. */
export interface ArchivedCheck {
  results: StatementResult[];
  documentOf(id: string): SourceDocument | undefined;
}

/**
 * The newsroom archives of the `sourced.archives` setting: one reader each (password from
 * SecretStorage), a status bar item and log lines that say what is wrong and what to do, and a
 * read-only view of archived articles. With no archive configured nothing is ever sent anywhere.
 */
export class Archives implements vscode.Disposable {
  private readers: ArchiveReader[] = [];
  private readonly problems = new Map<string, ArchiveProblem>();
  private readonly documents = new Map<string, SourceDocument>();
  private readonly item = vscode.window.createStatusBarItem('sourced.archives', vscode.StatusBarAlignment.Left, 9);
  private readonly disposables: vscode.Disposable[] = [];
  private retry: NodeJS.Timeout | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when archives are added, removed or come back: drafts are worth checking again. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly log: LogChannel,
  ) {
    this.item.name = 'Sourced archives';
    this.disposables.push(
      this.item,
      this.changed,
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('sourced.archives') && void this.configure()),
      secrets.onDidChange((e) => e.key.startsWith('sourced.archive.password.') && void this.configure()),
      vscode.commands.registerCommand(SET_PASSWORD_COMMAND, () => this.setPassword()),
      vscode.workspace.registerTextDocumentContentProvider(ARCHIVE_SCHEME, { provideTextDocumentContent: (uri) => this.articleText(uri) }),
    );
    void this.configure();
  }

  get configured(): boolean {
    return this.readers.length > 0;
  }

  private specs(): Array<Omit<ArchiveSpec, 'password'>> {
    const raw = vscode.workspace.getConfiguration('sourced').get<unknown>('archives');
    if (!Array.isArray(raw)) return [];
    return raw.flatMap((entry) => {
      const { name, url } = (entry ?? {}) as { name?: unknown; url?: unknown };
      return typeof name === 'string' && name && typeof url === 'string' && url ? [{ name, url }] : [];
    });
  }

  private async configure(): Promise<void> {
    const old = this.readers;
    this.readers = [];
    this.problems.clear();
    await Promise.all(old.map((r) => r.close()));
    const readers: ArchiveReader[] = [];
    for (const spec of this.specs()) {
      const password = await this.secrets.get(secretKey(spec.name));
      readers.push(new ArchiveReader({ ...spec, password }, { statementTimeoutMs: STATEMENT_TIMEOUT_MS, connectTimeoutMs: CHECK_DEADLINE_MS, maxConnections: 2 }));
    }
    this.readers = readers;
    if (readers.length > 0) this.log.appendLine(`Archives: ${readers.map((r) => r.label).join(', ')}; query words from your drafts are sent to them.`);
    await this.verify();
    this.changed.fire();
  }

  /** Connects to each archive and records whether it answers. */
  private async verify(): Promise<void> {
    await Promise.all(
      this.readers.map(async (reader) => {
        try {
          const totals = await reader.verify();
          this.report(reader, undefined, `${totals.documents} articles, ${totals.passages} passages`);
        } catch (error) {
          this.report(reader, describeArchiveError(error, reader.label));
        }
      }),
    );
  }

  /** Records an archive's state; logs and shows it when it changed. */
  private report(reader: ArchiveReader, problem: ArchiveProblem | undefined, detail?: string): void {
    const before = this.problems.get(reader.name);
    if (problem) {
      if (before?.message !== problem.message) this.log.appendLine(`Archive ${reader.label}: ${problem.message}`);
      this.problems.set(reader.name, problem);
    } else {
      if (before || detail) this.log.appendLine(`Archive ${reader.label}: connected${detail ? ` (${detail})` : ''}.`);
      this.problems.delete(reader.name);
      if (before) this.changed.fire();
    }
    this.updateStatus();
    this.scheduleRetry();
  }

  private updateStatus(): void {
    if (this.readers.length === 0) {
      this.item.hide();
      return;
    }
    const failing = [...this.problems.entries()];
    if (failing.length === 0) {
      this.item.text = '$(database) Archive';
      this.item.tooltip = `Checking against ${this.readers.map((r) => r.label).join(', ')} as well as your local sources.`;
      this.item.backgroundColor = undefined;
      this.item.command = 'sourced.showOutput';
    } else {
      const [, first] = failing[0];
      this.item.text = `$(warning) Archive: ${first.kind === 'unreachable' ? 'offline' : first.kind}`;
      this.item.tooltip = `${failing.map(([, p]) => p.message).join('\n')}\nChecking goes on with your local sources; Sourced retries every ${RETRY_MS / 1000} s.`;
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
      this.item.command = first.kind === 'password' ? SET_PASSWORD_COMMAND : 'sourced.showOutput';
    }
    this.item.show();
  }

  private scheduleRetry(): void {
    if (this.problems.size === 0 || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.verify();
    }, RETRY_MS);
  }

  /**
   * The draft checked against the local corpus and the archives, within the deadline; undefined
   * when no archive is configured or none answered (the local results stand).
   */
  async check(engine: SourcedEngine, markdown: string): Promise<ArchivedCheck | undefined> {
    const readers = this.readers;
    if (readers.length === 0) return undefined;
    const checked = await checkWithArchives(engine, markdown, readers, { deadlineMs: CHECK_DEADLINE_MS });
    if (!this.settle(checked)) return undefined;
    for (const result of checked.results) {
      for (const hit of result.sources) {
        const doc = engine.documents.has(hit.passage.docId) ? undefined : checked.documentOf(hit.passage.docId);
        if (doc) this.keep(doc);
      }
    }
    return { results: checked.results, documentOf: (id) => engine.documents.get(id) ?? this.documents.get(id) };
  }

  /** Related passages for `query` over the local corpus and the archives; undefined when none is configured or none answered. */
  async search(engine: SourcedEngine, query: string, limit: number): Promise<PassageHit[] | undefined> {
    if (this.readers.length === 0) return undefined;
    const found = await searchWithArchives(engine, query, this.readers, limit, SEARCH_DEADLINE_MS);
    if (!this.settle(found)) return undefined;
    for (const hit of found.hits) {
      const doc = found.archived.get(hit.passage.docId);
      if (doc) this.keep(doc);
    }
    return found.hits;
  }

  /** The quotations completing the words typed after a quotation mark, local and archived; undefined as for search. */
  async quotes(engine: SourcedEngine, typed: string, limit: number): Promise<SourceQuote[] | undefined> {
    if (this.readers.length === 0) return undefined;
    const found = await quotesWithArchives(engine, typed, this.readers, limit, COMPLETION_DEADLINE_MS);
    if (!this.settle(found)) return undefined;
    for (const quote of found.quotes) {
      const doc = found.archived.get(quote.docId);
      if (doc) this.keep(doc);
    }
    return found.quotes;
  }

  /** Reports what each archive did; true when at least one answered. */
  private settle(outcome: { problems: Array<{ reader: ArchiveReader; problem: ArchiveProblem }>; answered: readonly ArchiveReader[] }): boolean {
    for (const { reader, problem } of outcome.problems) this.report(reader, problem);
    for (const reader of outcome.answered) if (this.problems.has(reader.name)) this.report(reader, undefined);
    return outcome.answered.length > 0;
  }

  /** The engine's documents with the archived ones results cite, for cards and links. */
  documentsWith(local: ReadonlyMap<string, SourceDocument>): ReadonlyMap<string, SourceDocument> {
    return this.documents.size === 0 ? local : new LayeredDocuments(local, this.documents);
  }

  /** An archived document a result cited (kept for cards and links; the oldest go first). */
  document(id: string): SourceDocument | undefined {
    return this.documents.get(id);
  }

  /** The quotations of an archived document (by its id, "NAME:KEY"); none when its archive cannot say. */
  async quotesOf(docId: string): Promise<readonly SourceQuote[]> {
    const colon = docId.indexOf(':');
    const reader = this.readers.find((r) => r.name === docId.slice(0, colon));
    if (!reader) return [];
    try {
      return (await reader.document(docId.slice(colon + 1)))?.quotes ?? [];
    } catch (error) {
      this.report(reader, describeArchiveError(error, reader.label));
      return [];
    }
  }

  private keep(doc: SourceDocument): void {
    this.documents.delete(doc.id);
    this.documents.set(doc.id, doc);
    if (this.documents.size > KEPT_DOCUMENTS) this.documents.delete(this.documents.keys().next().value!);
  }

  /** The read-only view of an archived article: sourced-archive:/NAME/KEY. */
  private async articleText(uri: vscode.Uri): Promise<string> {
    const [, name, ...key] = uri.path.split('/').map(decodeURIComponent);
    const reader = this.readers.find((r) => r.name === name);
    if (!reader) return `The archive "${name}" is not in the "sourced.archives" setting any more.`;
    const kept = this.documents.get(`${name}:${key.join('/')}`);
    if (kept) return kept.text;
    try {
      const entry = await reader.document(key.join('/'));
      return entry ? entry.doc.text : `${key.join('/')} is no longer in the archive ${reader.label}.`;
    } catch (error) {
      return describeArchiveError(error, reader.label).message;
    }
  }

  private async setPassword(): Promise<void> {
    const specs = this.specs();
    if (specs.length === 0) {
      void vscode.window.showInformationMessage('Sourced: add an archive to the "sourced.archives" setting first.', 'Open Setting').then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'sourced.archives');
      });
      return;
    }
    const picked = specs.length === 1 ? specs[0] : (await vscode.window.showQuickPick(specs.map((s) => ({ label: s.name, description: s.url, spec: s })), { placeHolder: 'Which archive?' }))?.spec;
    if (!picked) return;
    const password = await vscode.window.showInputBox({ prompt: `Password for the archive "${picked.name}" (kept in VS Code's secret storage, not in settings)`, password: true, ignoreFocusOut: true });
    if (password === undefined) return;
    await this.secrets.store(secretKey(picked.name), password);
  }

  dispose(): void {
    if (this.retry) clearTimeout(this.retry);
    for (const d of this.disposables) d.dispose();
    for (const reader of this.readers) void reader.close();
  }
}
