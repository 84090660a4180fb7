/** Document frequencies of index terms over passages, kept current on add/remove, for IDF. */
export class TermStats {
  private readonly df = new Map<string, number>();
  private passages = 0;

  add(terms: Iterable<string>): void {
    this.passages++;
    for (const term of new Set(terms)) this.df.set(term, (this.df.get(term) ?? 0) + 1);
  }

  remove(terms: Iterable<string>): void {
    this.passages = Math.max(0, this.passages - 1);
    for (const term of new Set(terms)) {
      const count = (this.df.get(term) ?? 0) - 1;
      if (count > 0) this.df.set(term, count);
      else this.df.delete(term);
    }
  }

  documentFrequency(term: string): number {
    return this.df.get(term) ?? 0;
  }

  /** BM25-style IDF; a term the corpus has never seen gets the highest weight. */
  idf(term: string): number {
    const df = this.df.get(term) ?? 0;
    return Math.log(1 + (this.passages - df + 0.5) / (df + 0.5));
  }

  get passageCount(): number {
    return this.passages;
  }
}
