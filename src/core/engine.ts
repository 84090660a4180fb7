import * as nodePath from 'node:path';
import { CHECK_PART_MS, type CorpusLoadOptions, type DraftCheckOptions, type Engine, type LoadReport } from './engineApi';
import type { DraftStatement, Passage, PassageHit, SkippedFile, SourceDocument, SourceQuote, StatementResult } from './types';
import { compare, corpusContains, OUTSIDE_CORPUS, type FileListing } from './corpus/loadCorpus';
import { extractStatements } from './markdown/statements';
import { PassageIndex } from './search/passageIndex';
import { checkStatement } from './check/checkStatement';
import { RecheckCache } from './check/recheck';
import type { CheckContext } from './check/context';
import { contentTerms } from './search/tokenize';
import { loadCorpusWithCache } from './cache/cachedLoad';
import { decodeEngineState, encodeEngineState, type EngineState } from './cache/engineState';
import { deriveEntry, type DocumentEntry } from './documentEntry';
import { defaultExtractWorker, ExtractHelpers, loadEntries, type ExtractBudget } from './worker/parallelLoad';
import { buildQuoteIndex } from './quotes/quoteFilter';

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
  /** Time and memory each file may take in the extraction helper (default: DEFAULT_BUDGET). */
  extractBudget?: ExtractBudget;
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
  /** Moves on with every change of the corpus: results checked at one version hold until the next. */
  private version = 0;
  /** For checkDraftLater, the editor's check of a draft after each edit. */
  private readonly editorRechecks = new RecheckCache();
  /** Started on the first load that needs them, kept for the next (a changed file re-read). */
  private helpers: ExtractHelpers | undefined;

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
    let rebuilt: string | undefined;
    const report = (entry: string, problem: string, detail: string) => {
      if (problem === 'corrupt' || problem === 'other-version') rebuilt = `the index cache was ${problem === 'corrupt' ? 'damaged' : 'made by another version of Sourced'} (${detail}): rebuilt from the sources`;
      this.options.onCacheMiss?.(`${entry} cache ${problem}: ${detail}`);
    };
    const { report: loaded, saved } = await loadCorpusWithCache(this, cacheDir, options, report);
    this.cacheWrite = saved.catch((error: unknown) => report('engine', 'not saved', error instanceof Error ? error.message : String(error)));
    return rebuilt ? { ...loaded, cacheRebuilt: rebuilt } : loaded;
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
    const byContent = new Map<string, string>();
    const copies: SkippedFile[] = [];
    const skipped = await this.extractEntries(options, listing, (entry) => {
      const original = byContent.get(entry.doc.contentHash);
      if (original !== undefined) {
        copies.push(identicalTo(entry.doc, original));
        return;
      }
      byContent.set(entry.doc.contentHash, entry.doc.id);
      entries.set(entry.doc.id, entry);
      docs.set(entry.doc.id, entry.doc);
      index.setDocument(entry.doc.id, entry.doc.text, entry.passages);
    });
    this.entries = entries;
    this.docs = docs;
    this.index = index;
    this.termCountCache.clear();
    this.corpusChanged();
    if (copies.length) {
      skipped.push(...copies);
      skipped.sort((a, b) => compare(a.path, b.path));
    }
    return { documents: this.docs.size, passages: this.index.size, skipped };
  }

  /**
   * Reads and extracts the listed files (all under the roots when there is no listing) in the
   * extraction helper, with its time and memory budget per file; returns the skipped files.
   */
  extractEntries(options: CorpusLoadOptions, listing: FileListing | undefined, onEntry: (entry: DocumentEntry) => void): Promise<SkippedFile[]> {
    const script = this.options.extractWorkerScript ?? defaultExtractWorker();
    this.helpers ??= script === undefined ? undefined : new ExtractHelpers(script, this.options.extractBudget);
    return loadEntries(options, this.helpers, onEntry, listing);
  }

  /**
   * Adds (or replaces) one loaded document without touching the others; a copy of a document
   * already indexed is not added (and why is returned).
   */
  addDocument(doc: SourceDocument): SkippedFile | undefined {
    return this.addEntry(doc, () => deriveEntry(doc));
  }

  addEntry(doc: SourceDocument, derive: () => DocumentEntry): SkippedFile | undefined {
    const original = [...this.docs.values()].find((other) => other.contentHash === doc.contentHash && other.id !== doc.id);
    if (original) {
      this.removeFile(doc.path);
      return identicalTo(doc, original.id);
    }
    const entry = derive();
    this.entries.set(doc.id, entry);
    this.docs.set(doc.id, doc);
    this.index.setDocument(doc.id, doc.text, entry.passages);
    this.forgetDerived(doc.id);
    return undefined;
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
    this.corpusChanged();
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
    // Read in the extraction helper, with its budgets: a file dropped in later cannot stall the editor either.
    let added: SkippedFile | undefined;
    const [unreadable] = await this.extractEntries({ base: this.base, roots: [] }, { files: [nodePath.resolve(this.base, path)], skipped: [] }, (entry) => {
      added = this.addEntry(entry.doc, () => entry);
    });
    if (unreadable) this.removeFile(path);
    return unreadable ?? added;
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
    this.corpusChanged();
    this.termCountCache.delete(docId);
  }

  /** What every change of the corpus outdates: the quote list, and (through the version) earlier check results. */
  private corpusChanged(): void {
    this.allQuotes = undefined;
    this.version++;
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

  /**
   * What the first check or completion after a load would otherwise build, built in the
   * background a few milliseconds at a time (the word index over every quotation of the corpus,
   * about half a second of CPU at 10,000 articles); the editor's engines start it after each load and file change.
   * Resolves when done; a check that comes first finishes it at once.
   */
  warmUp(): Promise<void> {
    const quotes = this.quotes();
    return buildQuoteIndex(quotes, () => this.allQuotes === quotes);
  }

  extractStatements(markdown: string): DraftStatement[] {
    return extractStatements(markdown);
  }

  checkDraft(markdown: string, options?: Omit<DraftCheckOptions, 'cancelled'>): StatementResult[];
  checkDraft(markdown: string, options: DraftCheckOptions): StatementResult[] | undefined;
  checkDraft(markdown: string, options: DraftCheckOptions = {}): StatementResult[] | undefined {
    return this.checkStatements(markdown, this.checkContext(), options, options.rechecks);
  }

  /** Checks against `context`: this engine's own, or one that adds archived passages to it (core/archive). */
  checkDraftWith(markdown: string, context: CheckContext): StatementResult[];
  checkDraftWith(markdown: string, context: CheckContext, options: DraftCheckOptions): StatementResult[] | undefined;
  checkDraftWith(markdown: string, context: CheckContext, options: DraftCheckOptions = {}): StatementResult[] | undefined {
    return this.checkStatements(markdown, context, options);
  }

  /** `rechecks`: earlier results to reuse, only against this engine's own corpus (not one an archive adds to). */
  private checkStatements(markdown: string, context: CheckContext, options: DraftCheckOptions, rechecks?: RecheckCache): StatementResult[] | undefined {
    const statements = this.extractStatements(markdown);
    const { visible, onPart, cancelled, partMs = CHECK_PART_MS } = options;
    const shown = (s: DraftStatement) => visible !== undefined && s.start < visible.end && s.end > visible.start;
    // The statements' indices in the order they are checked: those on screen first.
    const order: number[] = [];
    if (visible) for (let i = 0; i < statements.length; i++) if (shown(statements[i])) order.push(i);
    const firstCount = order.length;
    for (let i = 0; i < statements.length; i++) if (!visible || !shown(statements[i])) order.push(i);
    // By statement index (filled with undefined first, so the array is packed).
    const results: Array<StatementResult | undefined> = new Array(statements.length).fill(undefined);
    let partStart = 0;
    let partStarted = performance.now();
    for (let k = 0; k < order.length; k++) {
      if (cancelled?.()) return undefined;
      const statement = statements[order[k]];
      results[order[k]] = rechecks ? rechecks.check(statement, this.version, () => checkStatement(statement, context)) : checkStatement(statement, context);
      const partDone = k + 1 === firstCount || (k + 1 > firstCount && performance.now() - partStarted >= partMs);
      if (onPart && partDone && k + 1 < order.length) {
        const part: StatementResult[] = [];
        for (let p = partStart; p <= k; p++) part.push(results[order[p]]!);
        onPart(part);
        partStart = k + 1;
        partStarted = performance.now();
      }
    }
    return results as StatementResult[];
  }

  /** On this engine's own thread: the check runs now, and nothing can supersede it (the sentences an edit left alone keep their results). */
  checkDraftLater(markdown: string, _key: string, options: Omit<DraftCheckOptions, 'cancelled'> = {}): Promise<StatementResult[] | undefined> {
    return Promise.resolve(this.checkDraft(markdown, { rechecks: this.editorRechecks, ...options }));
  }

  dispose(): void {
    this.helpers?.dispose();
  }

  /** What checking reads from the loaded corpus (the CLI and the fit script check through it). */
  checkContext(): CheckContext {
    return {
      index: this.index,
      documents: this.docs,
      passagesOf: (docId) => this.passagesOf(docId),
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

/**
 * Identical copies of a source are indexed once: 100 copies of one article made every term in it
 * look common (and its passages crowd out every other), so a statement it supports was flagged.
 */
function identicalTo(copy: SourceDocument, originalId: string): SkippedFile {
  return { path: copy.path, reason: `identical to ${originalId}: indexed once`, copyOf: originalId };
}
