import type { DraftStatement, OffsetRange, PassageHit, SkippedFile, SourceDocument, SourceQuote, StatementResult } from './types';
import type { RecheckCache } from './check/recheck';

export interface CorpusLoadOptions {
  /** Folder that document ids are relative to (workspace folder, or the CLI's cwd). */
  base: string;
  /** Folders or glob patterns, relative to `base` or absolute. */
  roots: string[];
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface LoadReport {
  documents: number;
  passages: number;
  skipped: SkippedFile[];
  /** A cache that was found damaged or from another version, and rebuilt from the sources: worth telling the user. */
  cacheRebuilt?: string;
}

/**
 * Drafts above this many characters are not checked: a book-length file (a check takes a few
 * seconds per million characters); the extension and the CLI both say so and ask for it to be split.
 */
export const MAX_DRAFT_CHARS = 2_000_000;

/** A long check hands over what it has at least this often, so its first problems show while the rest is checked. */
export const CHECK_PART_MS = 500;

export interface DraftCheckOptions {
  /** Polled between statements: true stops the check, which then gives undefined. */
  cancelled?: () => boolean;
  /** Statements in this range (what the editor shows) are checked first. */
  visible?: OffsetRange;
  /**
   * Told each part's results as soon as it is in, before the check ends: the visible statements
   * first, then the rest in parts of about CHECK_PART_MS of checking.
   */
  onPart?: (results: StatementResult[]) => void;
  /** Milliseconds of checking per part after the visible one (default CHECK_PART_MS). */
  partMs?: number;
  /** Results of earlier checks to reuse for statements an edit left as they were (the editor keeps one per session). */
  rechecks?: RecheckCache;
}

/** What the CLI and the extension need from the core. Implemented by `SourcedEngine`. */
export interface Engine {
  readonly documents: ReadonlyMap<string, SourceDocument>;
  readonly passageCount: number;
  loadCorpus(options: CorpusLoadOptions): Promise<LoadReport>;
  /** Adds or re-indexes one file; returns why it was skipped, if it was. */
  upsertFile(path: string): Promise<SkippedFile | undefined>;
  removeFile(path: string): void;
  /** Passages related to free text (a statement, a paragraph or a search box query). */
  search(query: string, limit?: number): PassageHit[];
  /** Every quotation in the corpus, with its speaker when known. */
  quotes(): SourceQuote[];
  extractStatements(markdown: string): DraftStatement[];
  checkDraft(markdown: string): StatementResult[];
  /**
   * Checks a draft without blocking the caller's thread where the engine can (a worker); a newer
   * check with the same `key` supersedes this one, which then gives undefined.
   */
  checkDraftLater(markdown: string, key: string, options?: Omit<DraftCheckOptions, 'cancelled'>): Promise<StatementResult[] | undefined>;
  /** Stops any thread the engine started. */
  dispose(): void;
}
