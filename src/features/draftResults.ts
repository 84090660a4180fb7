import * as vscode from 'vscode';
import type { StatementResult } from '../core/types';
import { SourcedEngine } from '../core/engine';
import { MAX_DRAFT_CHARS } from '../core/engineApi';
import type { Archives } from './archives';
import type { CorpusManager, FolderIndex } from './corpusManager';

interface CachedCheck {
  version: number;
  generation: number;
  results: Promise<StatementResult[] | undefined>;
}

/** A draft's check results, computed once per document version and index generation. */
export interface DraftCheck {
  document: vscode.TextDocument;
  version: number;
  index: FolderIndex;
  results: StatementResult[];
  /** The draft is over MAX_DRAFT_CHARS and was not checked. */
  tooLarge?: boolean;
}

/**
 * Shares one check of each draft version between hover, diagnostics and quick fixes. Checks run
 * on the engine's worker; a new version supersedes the check of the one before, whose callers
 * get undefined (the draft changed meanwhile).
 */
export class DraftResults {
  private readonly cache = new Map<string, CachedCheck>();

  constructor(
    private readonly corpus: CorpusManager,
    private readonly archives?: Archives,
  ) {}

  /**
   * Checks the draft as it is now, after the corpus has loaded; undefined when the draft changed
   * meanwhile. `onPart` gets the results so far as the check goes: the part of the draft on
   * screen first, then more every CHECK_PART_MS of a long check.
   */
  async check(document: vscode.TextDocument, onPart?: (check: DraftCheck) => void): Promise<DraftCheck | undefined> {
    const version = document.version;
    const index = this.corpus.indexFor(document.uri);
    await index.ready;
    if (document.version !== version || document.isClosed) return undefined;
    if (document.getText().length > MAX_DRAFT_CHARS) return { document, version, index, results: [], tooLarge: true };
    const results = await this.resultsOf(document, index, (soFar) => onPart?.({ document, version, index, results: soFar }));
    if (!results || document.version !== version || document.isClosed) return undefined;
    return { document, version, index, results };
  }

  private resultsOf(document: vscode.TextDocument, index: FolderIndex, onPart: (soFar: StatementResult[]) => void): Promise<StatementResult[] | undefined> {
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.version === document.version && cached.generation === index.generation) return cached.results;
    const text = document.getText();
    const soFar: StatementResult[] = [];
    const addPart = (part: StatementResult[]) => {
      soFar.push(...part);
      onPart([...soFar].sort((a, b) => a.statement.start - b.statement.start));
    };
    const local = index.engine.checkDraftLater(text, key, { visible: visibleRange(document), onPart: addPart });
    const results = local.then((found) => (found ? this.withArchives(index, text, found) : found));
    this.cache.set(key, { version: document.version, generation: index.generation, results });
    return results;
  }

  /** The local results, or the results over the local corpus and the archives when they answer within their deadline. */
  private async withArchives(index: FolderIndex, text: string, local: StatementResult[]): Promise<StatementResult[]> {
    const archives = this.archives;
    if (!archives?.configured || !(index.engine instanceof SourcedEngine)) return local;
    const archived = await archives.check(index.engine, text).catch(() => undefined);
    return archived?.results ?? local;
  }

  /** Drops every cached check (the archives changed: results may differ). */
  forgetAll(): void {
    this.cache.clear();
  }

  forget(document: vscode.TextDocument): void {
    this.cache.delete(document.uri.toString());
  }
}

/** The part of the draft its editors show, as offsets (checked first). */
function visibleRange(document: vscode.TextDocument): { start: number; end: number } | undefined {
  const ranges = vscode.window.visibleTextEditors.filter((e) => e.document === document).flatMap((e) => e.visibleRanges);
  if (ranges.length === 0) return undefined;
  return { start: Math.min(...ranges.map((r) => document.offsetAt(r.start))), end: Math.max(...ranges.map((r) => document.offsetAt(r.end))) };
}

/** The result whose statement covers the offset. */
export function resultAt(results: readonly StatementResult[], offset: number): StatementResult | undefined {
  return results.find((r) => r.statement.start <= offset && offset < r.statement.end);
}
