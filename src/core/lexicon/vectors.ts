// Word vectors (GloVe-derived, int8 per component with each vector's inverse norm), for the
// cosine similarity of two words and a word's nearest neighbours.
import type { LexiconData } from './format';

export class WordVectors {
  constructor(private readonly data: LexiconData) {}

  /** The word's row in the vector matrix, or undefined when it has no vector. */
  row(word: string): number | undefined {
    const at = this.data.vectorWords.indexOf(word);
    return at === undefined ? undefined : this.data.vectorRows[at];
  }

  /** Cosine of the vectors in rows i and j. */
  cosine(i: number, j: number): number {
    const { vectors, dims } = this.data;
    let sum = 0;
    for (let d = 0, a = i * dims, b = j * dims; d < dims; d++) sum += vectors[a + d] * vectors[b + d];
    return sum * this.data.vectorInvNorms[i] * this.data.vectorInvNorms[j];
  }

  /** The k words whose vectors are closest to row i's (not that word itself). */
  nearest(i: number, k: number): string[] {
    if (k <= 0) return [];
    const { vectorWords, vectorRows } = this.data;
    const best: Array<[score: number, position: number]> = [];
    for (let p = 0; p < vectorWords.size; p++) {
      if (vectorRows[p] === i) continue;
      const score = this.cosine(i, vectorRows[p]);
      if (best.length < k || score > best[best.length - 1][0]) {
        best.push([score, p]);
        best.sort((x, y) => y[0] - x[0]);
        if (best.length > k) best.pop();
      }
    }
    return best.map(([, p]) => vectorWords.at(p));
  }
}
