import type * as vscode from 'vscode';
import type { StatementResult } from '../core/types';
import type { CorpusManager, FolderIndex } from './corpusManager';

interface CachedCheck {
  version: number;
  generation: number;
  results: StatementResult[];
}

/** A draft's check results, computed once per document version and index generation. */
export interface DraftCheck {
  document: vscode.TextDocument;
  version: number;
  index: FolderIndex;
  results: StatementResult[];
}

/** Shares one check of each draft version between hover, diagnostics and quick fixes. */
export class DraftResults {
  private readonly cache = new Map<string, CachedCheck>();

  constructor(private readonly corpus: CorpusManager) {}

  /** Checks the draft as it is now, after the corpus has loaded; undefined when the draft changed meanwhile. */
  async check(document: vscode.TextDocument): Promise<DraftCheck | undefined> {
    const version = document.version;
    const index = this.corpus.indexFor(document.uri);
    await index.ready;
    if (document.version !== version || document.isClosed) return undefined;
    return { document, version, index, results: this.resultsNow(document, index) };
  }

  private resultsNow(document: vscode.TextDocument, index: FolderIndex): StatementResult[] {
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.version === document.version && cached.generation === index.generation) return cached.results;
    const results = index.engine.checkDraft(document.getText());
    this.cache.set(key, { version: document.version, generation: index.generation, results });
    return results;
  }

  forget(document: vscode.TextDocument): void {
    this.cache.delete(document.uri.toString());
  }
}

/** The result whose statement covers the offset. */
export function resultAt(results: readonly StatementResult[], offset: number): StatementResult | undefined {
  return results.find((r) => r.statement.start <= offset && offset < r.statement.end);
}
