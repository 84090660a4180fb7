// Per-document extraction results keyed by the file's content hash: a file whose bytes did not
// change is never extracted again, whatever its path or modification time.
import type { CorpusCache } from './corpusCache';

const ENTRY = 'documents';

export class DocumentStore<T> {
  private entries = new Map<string, T>();

  constructor(private readonly cache: CorpusCache) {}

  /** Reads the saved entries; a missing or unusable file leaves the store empty. */
  async load(): Promise<void> {
    const saved = await this.cache.loadJson<Array<[string, T]>>(ENTRY);
    this.entries = new Map(saved ?? []);
  }

  get(contentHash: string): T | undefined {
    return this.entries.get(contentHash);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Saves exactly these entries (the corpus as it is now), so entries of deleted files do not pile up. */
  async save(current: Iterable<[contentHash: string, entry: T]>): Promise<void> {
    this.entries = new Map(current);
    await this.cache.saveJson(ENTRY, [...this.entries]);
  }
}
