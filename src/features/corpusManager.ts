import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Engine, LoadReport } from '../core/engineApi';
import { listCorpusFiles } from '../core/corpus/loadCorpus';
import { watchCorpus } from './corpusWatcher';
import type { LogChannel } from './logChannel';
import { createEngine } from './engineFactory';
import { corpusRoots } from './settings';

export type IndexState =
  | { kind: 'indexing'; done: number; total: number }
  | { kind: 'ready' }
  /** Loaded, but no source was found: `message` tells the writer what to change. */
  | { kind: 'empty'; message: string }
  | { kind: 'error'; message: string };

// The index follows VS Code's file watcher, which can miss what happens just after a load: it
// starts listening some time after it is created, with no signal when (microsoft/vscode#221010),
// and it merges a create and a quick delete into nothing, so a file that a comparison indexed in
// between is never reported gone. So after each load the folder is compared with the index at
// growing intervals, which also bounds how long any missed event can leave the index wrong.
const RECONCILE_DELAYS_MS = [1_000, 3_000, 10_000, 30_000];

/** The corpus of one workspace folder (or of a loose draft's folder) and its engine. */
export interface FolderIndex {
  readonly key: string;
  readonly base: string;
  readonly scope: vscode.Uri;
  /** Replaced as a whole when a rebuild finishes, so queries never see a half-loaded corpus. */
  engine: Engine;
  state: IndexState;
  /** How many times the whole corpus was loaded; file changes do not add to it. */
  fullLoads: number;
  /** Bumped on every change to the index, so cached results know they are stale. */
  generation: number;
  ready: Promise<void>;
  watcher?: vscode.Disposable;
  /** Serializes loads and file updates so they never interleave. */
  queue: Promise<void>;
  /** Absolute paths of files the last load or update skipped, so a reconciliation does not list them again. */
  skipped: Set<string>;
  abort?: AbortController;
}

/** Owns one engine per workspace folder: first load with progress, then file-by-file updates. */
export class CorpusManager implements vscode.Disposable {
  private readonly indexes = new Map<string, FolderIndex>();
  private readonly changed = new vscode.EventEmitter<FolderIndex>();
  /** Fires when an index finishes loading, changes a file, or changes state. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly log: LogChannel,
    /** Where engines keep their index caches (the extension's storage), if anywhere. */
    private readonly storage: vscode.Uri | undefined,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeWorkspaceFolders((event) => {
        for (const removed of event.removed) this.drop(removed.uri.toString());
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        for (const index of this.indexes.values()) {
          if (event.affectsConfiguration('sourced.corpus', index.scope)) void this.rebuild(index);
        }
      }),
    );
  }

  /** The index that serves a draft: its workspace folder's, or its own folder's when outside any. */
  indexFor(uri: vscode.Uri): FolderIndex {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const scope = folder?.uri ?? vscode.Uri.file(path.dirname(uri.fsPath));
    const key = scope.toString();
    return this.indexes.get(key) ?? this.create(key, scope);
  }

  all(): FolderIndex[] {
    return [...this.indexes.values()];
  }

  /** Loads every workspace folder's corpus (used at start so the status bar is right at once). */
  loadWorkspaceFolders(): void {
    for (const folder of vscode.workspace.workspaceFolders ?? []) this.indexFor(folder.uri);
  }

  /** Drops every index and loads each corpus again from scratch. */
  async rebuildAll(): Promise<void> {
    if (this.indexes.size === 0) this.loadWorkspaceFolders();
    await Promise.all(this.all().map((index) => this.rebuild(index)));
  }

  private create(key: string, scope: vscode.Uri): FolderIndex {
    const index: FolderIndex = {
      key,
      base: scope.fsPath,
      scope,
      engine: this.newEngine(key),
      state: { kind: 'indexing', done: 0, total: 0 },
      fullLoads: 0,
      generation: 0,
      ready: Promise.resolve(),
      queue: Promise.resolve(),
      skipped: new Set(),
    };
    this.indexes.set(key, index);
    void this.rebuild(index);
    return index;
  }

  private newEngine(key: string): Engine {
    return createEngine(this.storage && path.join(this.storage.fsPath, 'index', createHash('sha256').update(key).digest('hex').slice(0, 16)));
  }

  private enqueue(index: FolderIndex, task: () => Promise<void>): Promise<void> {
    const run = index.queue.then(task, task);
    index.queue = run.catch(() => undefined);
    return run;
  }

  private rebuild(index: FolderIndex): Promise<void> {
    index.abort?.abort();
    const abort = new AbortController();
    index.abort = abort;
    index.ready = this.enqueue(index, () => this.load(index, abort.signal));
    return index.ready;
  }

  private async load(index: FolderIndex, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return;
    index.watcher?.dispose();
    const roots = corpusRoots(index.scope);
    index.state = { kind: 'indexing', done: 0, total: 0 };
    this.changed.fire(index);
    const started = Date.now();
    const engine = this.newEngine(index.key);
    this.log.appendLine(`Indexing ${roots.join(', ')} (relative to ${index.base})`);
    try {
      const report = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Sourced: indexing sources', cancellable: true },
        (progress, token) => {
          token.onCancellationRequested(() => index.abort?.abort());
          let reported = 0;
          return engine.loadCorpus({
            base: index.base,
            roots,
            signal,
            onProgress: (done, total) => {
              index.state = { kind: 'indexing', done, total };
              const percent = total > 0 ? (done / total) * 100 : 0;
              progress.report({ message: `${done}/${total} files`, increment: percent - reported });
              reported = percent;
              this.changed.fire(index);
            },
          });
        },
      );
      if (signal.aborted) {
        engine.dispose();
        return;
      }
      index.engine.dispose();
      index.engine = engine;
      index.skipped = new Set(report.skipped.map((file) => path.resolve(index.base, file.path)));
      index.fullLoads++;
      this.logReport(index, report, Date.now() - started);
      index.state = report.documents === 0 ? { kind: 'empty', message: this.emptyMessage(index, roots) } : { kind: 'ready' };
      if (index.state.kind === 'empty') this.log.appendLine(index.state.message);
    } catch (error) {
      engine.dispose();
      if (signal.aborted) return;
      const message = error instanceof Error ? error.message : String(error);
      index.state = { kind: 'error', message };
      this.log.appendLine(`Indexing failed: ${message}`);
    }
    index.watcher = watchCorpus(index.base, roots, {
      changed: (file) => void this.enqueue(index, () => this.upsert(index, file)),
      deleted: (file) => void this.enqueue(index, async () => this.remove(index, file)),
    });
    // Files added or deleted while loading, or before the watcher listens, would be missed.
    this.scheduleReconciles(index, signal);
    index.generation++;
    this.changed.fire(index);
  }

  private scheduleReconciles(index: FolderIndex, signal: AbortSignal, delays = RECONCILE_DELAYS_MS): void {
    const [delay, ...later] = delays;
    if (delay === undefined) return;
    const timer = setTimeout(() => {
      void this.enqueue(index, () => this.reconcile(index, signal));
      this.scheduleReconciles(index, signal, later.map((ms) => ms - delay));
    }, delay);
    signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  }

  private async reconcile(index: FolderIndex, signal: AbortSignal): Promise<void> {
    if (signal.aborted || index.state.kind === 'error') return;
    const listing = await listCorpusFiles({ base: index.base, roots: corpusRoots(index.scope), signal }).catch(() => undefined);
    if (!listing || signal.aborted) return;
    const onDisk = new Set(listing.files);
    const indexed = new Set([...index.engine.documents.values()].map((doc) => doc.path));
    for (const file of listing.files) if (!indexed.has(file) && !index.skipped.has(file)) await this.upsert(index, file);
    for (const file of indexed) if (!onDisk.has(file)) this.remove(index, file);
  }

  private logReport(index: FolderIndex, report: LoadReport, ms: number): void {
    this.log.appendLine(`Indexed ${report.documents} sources (${report.passages} passages) in ${ms} ms:`);
    for (const doc of index.engine.documents.values()) this.log.appendLine(`  indexed ${doc.id}`);
    for (const skipped of report.skipped) this.log.appendLine(`  skipped ${skipped.path}: ${skipped.reason}`);
    if (report.cacheRebuilt) this.log.appendLine(`  ${report.cacheRebuilt}`);
  }

  private emptyMessage(index: FolderIndex, roots: string[]): string {
    const missing = roots.filter((root) => !fs.existsSync(path.resolve(index.base, root)) && !/[*?[{]/.test(root));
    const where = roots.length ? roots.join(', ') : '(no folder set)';
    if (missing.length) return `No sources found: ${missing.join(', ')} does not exist. Set "sourced.corpus" to your sources folder.`;
    return `No sources found in ${where}. Add your sources there (.txt, .md, .html, .pdf or .docx files) or set "sourced.corpus" to the folder that holds them.`;
  }

  private async upsert(index: FolderIndex, file: string): Promise<void> {
    // A folder created or copied in at once may arrive as a single event for the folder.
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
      for (const entry of fs.readdirSync(file, { withFileTypes: true })) await this.upsert(index, path.join(file, entry.name));
      return;
    }
    const skipped = await index.engine.upsertFile(file);
    if (skipped) index.skipped.add(file);
    else index.skipped.delete(file);
    if (skipped) this.log.appendLine(`  skipped ${skipped.path}: ${skipped.reason}`);
    else this.log.appendLine(`  re-indexed ${path.relative(index.base, file)}`);
    if (!skipped && index.state.kind === 'empty') index.state = { kind: 'ready' };
    index.generation++;
    this.changed.fire(index);
  }

  private remove(index: FolderIndex, file: string): void {
    // A deleted folder arrives as one event: drop every source under it.
    const prefix = file.endsWith(path.sep) ? file : file + path.sep;
    const gone = [...index.engine.documents.values()].filter((d) => d.path === file || d.path.startsWith(prefix));
    for (const doc of gone) {
      index.engine.removeFile(doc.path);
      this.log.appendLine(`  removed ${doc.id}`);
    }
    if (gone.length === 0) return;
    if (index.engine.documents.size === 0) index.state = { kind: 'empty', message: this.emptyMessage(index, corpusRoots(index.scope)) };
    index.generation++;
    this.changed.fire(index);
  }

  private drop(key: string): void {
    const index = this.indexes.get(key);
    if (!index) return;
    index.abort?.abort();
    index.watcher?.dispose();
    index.engine.dispose();
    this.indexes.delete(key);
    this.changed.fire(index);
  }

  dispose(): void {
    for (const key of [...this.indexes.keys()]) this.drop(key);
    for (const d of this.disposables) d.dispose();
  }
}
