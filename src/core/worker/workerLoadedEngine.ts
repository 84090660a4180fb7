import { SourcedEngine, type EngineOptions } from '../engine';
import type { CorpusLoadOptions, LoadReport } from '../engineApi';
import { loadCorpusInWorker } from './indexInWorker';

/**
 * The engine for the extension host: a full load runs on a worker thread (with the engine's
 * cache folder), so typing never waits while thousands of files are read and indexed.
 */
export class WorkerLoadedEngine extends SourcedEngine {
  /** `workerScript` defaults to indexWorker.js beside the running bundle (dist/). */
  constructor(private readonly workerOptions: EngineOptions & { workerScript?: string } = {}) {
    super(workerOptions);
  }

  override loadCorpus(options: CorpusLoadOptions): Promise<LoadReport> {
    const { base, roots, onProgress, signal } = options;
    this.roots = roots;
    return loadCorpusInWorker(this, { base, roots, cacheDir: this.options.cacheDir, onProgress, signal, workerScript: this.workerOptions.workerScript });
  }
}
