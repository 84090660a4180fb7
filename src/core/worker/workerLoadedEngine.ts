import { SourcedEngine, type EngineOptions } from '../engine';
import type { CorpusLoadOptions, DraftCheckOptions, LoadReport } from '../engineApi';
import type { SkippedFile, StatementResult } from '../types';
import { DraftCheckWorker } from './draftCheckWorker';
import { loadCorpusInWorker } from './indexInWorker';

export interface WorkerEngineOptions extends EngineOptions {
  /** The indexing worker's bundle; defaults to indexWorker.js beside the running bundle (dist/). */
  workerScript?: string;
  /** The draft-checking worker's bundle; defaults to checkWorker.js beside the running bundle. */
  checkWorkerScript?: string;
}

/**
 * The engine for the extension host: a full load runs on a worker thread (with the engine's
 * cache folder), so typing never waits while thousands of files are read and indexed; drafts
 * are checked on a second worker that mirrors the loaded corpus, so a long check never blocks.
 */
export class WorkerLoadedEngine extends SourcedEngine {
  private readonly checker: DraftCheckWorker;

  constructor(private readonly workerOptions: WorkerEngineOptions = {}) {
    super(workerOptions);
    this.checker = new DraftCheckWorker(workerOptions.checkWorkerScript);
  }

  override loadCorpus(options: CorpusLoadOptions): Promise<LoadReport> {
    const { base, roots, onProgress, signal } = options;
    return loadCorpusInWorker(this, { base, roots, cacheDir: this.options.cacheDir, onProgress, signal, workerScript: this.workerOptions.workerScript });
  }

  override restoreSnapshot(bytes: Uint8Array): void {
    super.restoreSnapshot(bytes);
    this.checker.load(bytes);
    // Quote completion on this thread uses what the warm-up builds (the checking worker warms its own copy).
    this.warmUp().catch(() => undefined);
  }

  override async upsertFile(path: string): Promise<SkippedFile | undefined> {
    const skipped = await super.upsertFile(path);
    this.checker.upsert(path);
    this.warmUp().catch(() => undefined);
    return skipped;
  }

  override removeFile(path: string): void {
    super.removeFile(path);
    this.checker.remove(path);
    this.warmUp().catch(() => undefined);
  }

  /** On the checking worker; on this thread only if that worker could not run. */
  override checkDraftLater(markdown: string, key: string, options: Omit<DraftCheckOptions, 'cancelled'> = {}): Promise<StatementResult[] | undefined> {
    if (!this.checker.usable) return super.checkDraftLater(markdown, key, options);
    return this.checker.check(key, markdown, options.visible, options.onPart);
  }

  override dispose(): void {
    super.dispose();
    this.checker.dispose();
  }
}
