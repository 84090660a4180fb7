import * as nodePath from 'node:path';
import type { CorpusLoadOptions, Engine, LoadReport } from './engineApi';
import type { DraftStatement, Passage, PassageHit, SkippedFile, SourceDocument, SourceQuote, StatementResult } from './types';
import { corpusContains, loadFile, OUTSIDE_CORPUS, type FileListing } from './corpus/loadCorpus';
import { extractStatements } from './markdown/statements';
import { PassageIndex } from './search/passageIndex';
import { checkStatement } from './check/checkStatement';
import type { CheckContext } from './check/context';
import { contentTerms } from './search/tokenize';
import { loadCorpusWithCache } from './cache/cachedLoad';
import { decodeEngineState, encodeEngineState, type EngineState } from './cache/engineState';
import { deriveEntry, type DocumentEntry } from './documentEntry';
import { defaultExtractWorker, loadEntries } from './worker/parallelLoad';

const TERM_COUNT_CACHE = 32;

export interface EngineOptions {
  /** Folder for the persistent index cache (CLI `--cache`, extension storage). */
  cacheDir?: string;
  /** Told why the cache could not be used (missing, corrupt, other version) before it is rebuilt. */
  onCacheMiss?: (reason: string) => void;
  /**
   * The extraction helper's bundle (dist/extractWorker.js) for cold loads on two threads;
   * defaults to the one beside the running bundle; without one, a load uses this thread only.
   */
  extractWorkerScript?: string;
}

/** Loads a corpus, indexes its passages and checks drafts against it. */
export class SourcedEngine implements Engine {
  private entries = new Map<string, DocumentEntry>();
  private docs = new Map<string, SourceDocument>();
  private index = new PassageIndex();
  private base = process.cwd();
  /** The roots of the last load: a changed file is indexed only if it really lies under one. */
  protected roots: string[] | undefined;
  private cacheWrite: Promise<void> = Promise.resolve();
  private allQuotes: SourceQuote[] | undefined;
  private readonly termCountCache = new Map<string, Map<string, number>>();

  constructor(readonly options: EngineOptions = {}) {}

  get documents(): ReadonlyMap<string, SourceDocument> {
    return this.docs;
  }

  get passageCount(): number {
    return this.index.size;
  }

  /** Loads through the persistent cache when the engine has a cache folder. */
  loadCorpus(options: CorpusLoadOptions): Promise<LoadReport> {
    this.base = options.base;
    this.roots = options.roots;
    return this.options.cacheDir ? this.loadCached(this.options.cacheDir, options) : this.loadFresh(options);
  }

  private async loadCached(cacheDir: string, options: CorpusLoadOptions): Promise<LoadReport> {
    const report = (entry: string, problem: string, detail: string) => this.options.onCacheMiss?.(`${entry} cache ${problem}: ${detail}`);
    const { report: loaded, saved } = await loadCorpusWithCache(this, cacheDir, options, report);
    this.cacheWrite = saved.catch((error: unknown) => report('engine', 'not saved', error instanceof Error ? error.message : String(error)));
    return loaded;
  }

  /** Settles when the cache written after the last load is on disk (the CLI's process waits for it anyway). */
  cacheSaved(): Promise<void> {
    return this.cacheWrite;
  }

  /** Reads and indexes every file, ignoring any cache (`listing`: the files, when the caller has listed them already). */
  async loadFresh(options: CorpusLoadOptions, listing?: FileListing): Promise<LoadReport> {
    this.base = options.base;
    // Built aside and swapped in whole, so a failed or cancelled load leaves the engine as it was.
    const entries = new Map<string, DocumentEntry>();
    const docs = new Map<string, SourceDocument>();
    const index = new PassageIndex();
    const skipped = await loadEntries(options, this.options.extractWorkerScript ?? defaultExtractWorker(), (entry) => {
      entries.set(entry.doc.id, entry);
      docs.set(entry.doc.id, entry.doc);
      index.setDocument(entry.doc.id, entry.doc.text, entry.passages);
    }, listing);
    this.entries = entries;
    this.docs = docs;
    this.index = index;
    this.termCountCache.clear();
    this.allQuotes = undefined;
    return { documents: this.docs.size, passages: this.index.size, skipped };
  }

  /** Adds (or replaces) one loaded document without touching the others. */
  addDocument(doc: SourceDocument): void {
    const entry = deriveEntry(doc);
    this.entries.set(doc.id, entry);
    this.docs.set(doc.id, doc);
    this.index.setDocument(doc.id, doc.text, entry.passages);
    this.forgetDerived(doc.id);
  }

  /** Everything loaded, as plain data (see cache/engineState). */
  exportState(): EngineState {
    return { base: this.base, documents: [...this.entries.values()], index: this.index.exportState() };
  }

  importState(state: EngineState): void {
    this.base = state.base;
    this.entries.clear();
    this.docs.clear();
    this.termCountCache.clear();
    this.allQuotes = undefined;
    for (const { doc, passages, quotes, mentions } of state.documents) {
      this.entries.set(doc.id, { doc, passages, quotes, mentions });
      this.docs.set(doc.id, doc);
    }
    this.index = PassageIndex.fromState(state.index, (docId) => ({ text: this.docs.get(docId)!.text, passages: this.entries.get(docId)!.passages }));
  }

  /** The loaded state as bytes, for the indexing worker to hand over. */
  snapshot(): Uint8Array {
    return encodeEngineState(this.exportState());
  }

  restoreSnapshot(bytes: Uint8Array): void {
    this.importState(decodeEngineState(bytes));
  }

  async upsertFile(path: string): Promise<SkippedFile | undefined> {
    if (this.roots && !(await corpusContains(path, { base: this.base, roots: this.roots }))) {
      this.removeFile(path);
      return { path, reason: OUTSIDE_CORPUS };
    }
    const loaded = await loadFile(path, this.base);
    if ('reason' in loaded) {
      this.removeFile(path);
      return loaded;
    }
    this.addDocument(loaded);
    return undefined;
  }

  removeFile(path: string): void {
    const absolute = nodePath.resolve(this.base, path);
    for (const [id, entry] of this.entries) {
      if (entry.doc.path !== absolute && id !== path) continue;
      this.index.removeDocument(id);
      this.entries.delete(id);
      this.docs.delete(id);
      this.forgetDerived(id);
    }
  }

  private forgetDerived(docId: string): void {
    this.allQuotes = undefined;
    this.termCountCache.delete(docId);
  }

  passagesOf(docId: string): readonly Passage[] {
    return this.entries.get(docId)?.passages ?? [];
  }

  search(query: string, limit = 10): PassageHit[] {
    return this.index.searchText(query, limit);
  }

  quotes(): SourceQuote[] {
    this.allQuotes ??= [...this.entries.values()].flatMap((entry) => entry.quotes);
    return this.allQuotes;
  }

  extractStatements(markdown: string): DraftStatement[] {
    return extractStatements(markdown);
  }

  checkDraft(markdown: string): StatementResult[] {
    const context = this.checkContext();
    return this.extractStatements(markdown).map((statement) => checkStatement(statement, context));
  }

  private checkContext(): CheckContext {
    return {
      index: this.index,
      documents: this.docs,
      quotesOf: (docId) => this.entries.get(docId)?.quotes ?? [],
      allQuotes: () => this.quotes(),
      mentionsOf: (docId) => this.entries.get(docId)?.mentions ?? [],
      termCountIn: (docId, term) => this.termCounts(docId).get(term) ?? 0,
    };
  }

  /** Term counts of a document, computed on demand for the few documents a check looks at. */
  private termCounts(docId: string): Map<string, number> {
    let counts = this.termCountCache.get(docId);
    if (!counts) {
      counts = new Map();
      for (const term of contentTerms(this.docs.get(docId)?.text ?? '')) counts.set(term, (counts.get(term) ?? 0) + 1);
      if (this.termCountCache.size >= TERM_COUNT_CACHE) this.termCountCache.delete(this.termCountCache.keys().next().value!);
      this.termCountCache.set(docId, counts);
    }
    return counts;
  }
}
