// Which sentences of a source a statement is read against: those that share most of its words,
// names and figures, the retrieved ones, and the neighbours they may be read with.
import type { ScoredPassage } from '../search/passageIndex';
import type { StatementAnalysis } from './analysis';
import type { ReadDocument, SentencesIndexed } from './documentReading';
import { sameNumber, type NumberMention } from './numbers';

// Sentences read together stand within this many sentences of each other.
export const LINK_REACH = 2;

// Reading a sentence for meaning costs a lexicon lookup per pair of words: only the sentences
// that share most words, names and figures with the statement (and the retrieved ones), with the
// neighbours they may be read with, are read that way.
const SENTENCES_BY_WORDS = 3;

/**
 * The sentences to read (see above), in the order a statement's choice meets them (the best-scoring
 * few first, then the retrieved ones, then the quotes', each with its neighbours), and for each of
 * the statement's figures the sentences that give it.
 */
export function sentencesToRead(analysis: StatementAnalysis, doc: ReadDocument, candidates: readonly ScoredPassage[], index: SentencesIndexed): { read: number[]; giving: number[][] } {
  scratch = scratch.fit(doc.sentences.length);
  const marks = scratch;
  marks.start();
  // Each sentence scores the weights of the statement's words it uses, then 1 for each figure it gives.
  for (const w of analysis.words) for (const j of doc.sentencesWith(w.term, index)) marks.addScore(j, w.weight);
  const giving: number[][] = [];
  for (const f of analysis.figures) giving.push(sentencesGiving(f, doc));
  for (const at of giving) for (const j of at) marks.addScore(j, 1);
  const read: number[] = [];
  const last = doc.sentences.length - 1;
  // (A sentence met again adds nothing: its neighbours are read already.)
  const best = marks.bestScored();
  for (let b = 0; b < best; b++) marks.takeAround(marks.best[b], last, read);
  marks.fitRetrieved(candidates.length);
  for (const c of candidates) {
    const j = doc.sentenceOf.get(c.passage.id);
    if (j !== undefined) marks.addRetrieved(j);
  }
  for (let i = 0; i < marks.retrievedCount; i++) marks.takeAround(marks.retrieved[i], last, read);
  for (const q of analysis.quotes) {
    const at = q.passage ? doc.sentenceOf.get(q.passage.id) : undefined;
    if (at !== undefined) marks.takeAround(at, last, read);
  }
  return { read, giving };
}

/** Work arrays by sentence index, reused from one statement to the next, so a read allocates no map or set. */
class SentenceMarks {
  /** The sentences scored (`scoredCount` of them), in the order first scored. */
  private readonly scored: Int32Array;
  private scoredCount = 0;
  private readonly score: Float64Array;
  /** The stamp of the read that last scored, and that last took, each sentence. */
  private readonly scoredIn: Int32Array;
  private readonly takenIn: Int32Array;
  private stamp = 0;
  /** The best-scoring few (see bestScored), best first. */
  readonly best = new Int32Array(SENTENCES_BY_WORDS);
  /** The retrieved sentences (`retrievedCount` of them), ascending. */
  retrieved = new Int32Array(16);
  retrievedCount = 0;

  constructor(readonly size: number) {
    this.scored = new Int32Array(size);
    this.score = new Float64Array(size);
    this.scoredIn = new Int32Array(size);
    this.takenIn = new Int32Array(size);
  }

  /** These marks if they have room for that many sentences, else bigger ones. */
  fit(size: number): SentenceMarks {
    return size <= this.size ? this : new SentenceMarks(Math.max(size, this.size * 2, 256));
  }

  /** Starts a read: no sentence scored, taken or retrieved yet. */
  start(): void {
    this.scoredCount = 0;
    this.retrievedCount = 0;
    this.stamp++;
  }

  addScore(j: number, weight: number): void {
    if (this.scoredIn[j] !== this.stamp) {
      this.scoredIn[j] = this.stamp;
      this.score[j] = 0;
      this.scored[this.scoredCount++] = j;
    }
    this.score[j] += weight;
  }

  /** Adds to `read` the sentences within LINK_REACH of j (up to `last`) that this read has not taken yet. */
  takeAround(j: number, last: number, read: number[]): void {
    for (let k = Math.max(0, j - LINK_REACH); k <= Math.min(last, j + LINK_REACH); k++) {
      if (this.takenIn[k] === this.stamp) continue;
      this.takenIn[k] = this.stamp;
      read.push(k);
    }
  }

  /** Puts in `best` the best-scoring few sentences with a score above 0, best first, ties to the earlier sentence; returns how many. */
  bestScored(): number {
    const best = this.best;
    let count = 0;
    for (let i = 0; i < this.scoredCount; i++) {
      const j = this.scored[i];
      const s = this.score[j];
      if (!(s > 0)) continue;
      let at = count;
      while (at > 0 && (s > this.score[best[at - 1]] || (s === this.score[best[at - 1]] && j < best[at - 1]))) at--;
      if (at >= best.length) continue;
      if (count < best.length) count++;
      for (let k = count - 1; k > at; k--) best[k] = best[k - 1];
      best[at] = j;
    }
    return count;
  }

  /** Room for this many retrieved sentences. */
  fitRetrieved(candidates: number): void {
    if (this.retrieved.length < candidates) this.retrieved = new Int32Array(candidates * 2);
  }

  /** Adds a retrieved sentence, keeping them ascending (a sentence retrieved twice adds nothing to the read, so it may stay twice). */
  addRetrieved(j: number): void {
    let at = this.retrievedCount++;
    for (; at > 0 && this.retrieved[at - 1] > j; at--) this.retrieved[at] = this.retrieved[at - 1];
    this.retrieved[at] = j;
  }
}

let scratch = new SentenceMarks(0);

/** Inserts a sentence index into an ascending list of distinct ones (a figure's sentences: searched from the end, they mostly come in order). */
function insertAscending(list: number[], j: number): void {
  let at = list.length;
  while (at > 0 && list[at - 1] > j) at--;
  if (at > 0 && list[at - 1] === j) return;
  list.push(j);
  for (let k = list.length - 1; k > at; k--) list[k] = list[k - 1];
  list[at] = j;
}

/** The sentences (indices, ascending) that give the figure: those with a figure of about its value that sameNumber() accepts. */
export function sentencesGiving(figure: NumberMention, doc: ReadDocument): number[] {
  // An unbounded figure ("1e999") is compared with every figure, as sameNumber() decides (never the index's bounds).
  if (!Number.isFinite(figure.value)) return doc.sentences.flatMap((s, j) => (s.figures.some((g) => sameNumber(figure, g)) ? [j] : []));
  const byValue = doc.figuresByValue;
  // sameNumber() accepts values within 1e-9 of the statement's figure, relatively (searched a little wider; it decides).
  const tolerance = 2e-9 * Math.max(1, Math.abs(figure.value));
  let low = 0;
  let high = byValue.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (byValue[mid].value < figure.value - tolerance) low = mid + 1;
    else high = mid;
  }
  const found: number[] = [];
  for (let i = low; i < byValue.length && byValue[i].value <= figure.value + tolerance; i++) if (sameNumber(figure, byValue[i].figure)) insertAscending(found, byValue[i].at);
  return found;
}
