// The inverted index behind PassageIndex, in flat typed arrays: each passage's sentence is
// indexed once, and its context field (the sentence with its neighbours) is scored from the
// neighbours' postings. Scoring is minisearch's (BM25+ with k 1.2, b 0.7, d 0.5 per field,
// field boosts, score times matched query terms), so rankings are those of the minisearch index
// it replaces, at a fraction of the indexing time and memory, and it serializes as raw arrays.
import { IntList } from './intList';
import { bestIndices } from '../kthLargest';

const K = 1.2;
const B = 0.7;
const D = 0.5;
const TEXT_BOOST = 2;
const CONTEXT_BOOST = 0.5;
/**
 * Candidate stage for large archives: a query term in more passages than this only adds to the
 * scores of passages that rarer query terms already found (once there are enough of them),
 * instead of making tens of thousands of new candidates ("first" -> "1" is in 40,000 sentences).
 * Smaller corpora never reach it, so their rankings are exactly minisearch's.
 */
export const COMMON_TERM_PASSAGES = 2000;

export interface PostingsHit {
  slot: number;
  score: number;
}

/** Everything the postings hold, as plain arrays, for the cache and the indexing worker. */
export interface PostingsState {
  terms: string[];
  /** listStarts[t]..listStarts[t+1] is term t's run of (slot, tf) pairs in `lists`. */
  listStarts: Int32Array;
  lists: Int32Array;
  textLength: Int32Array;
  contextLength: Int32Array;
  contextFrom: Int32Array;
  contextTo: Int32Array;
  live: Uint8Array;
}

export class Postings {
  private readonly termIds = new Map<string, number>();
  private terms: string[] = [];
  /** Per term: (slot, term frequency) pairs, slots ascending; undefined while still in `base`. */
  private lists: Array<IntList | undefined> = [];
  /** Restored postings, read in place; a term's list is copied out only when it changes. */
  private base: { listStarts: Int32Array; lists: Int32Array } | undefined;
  /** Per slot: unique terms in the sentence, and in its context. */
  private readonly textLength = new IntList();
  private readonly contextLength = new IntList();
  /** Per slot: the first and last slot whose sentence lies in this passage's context. */
  private readonly contextFrom = new IntList();
  private readonly contextTo = new IntList();
  private readonly live = new IntList();
  /** How many passages away any context reaches (a sentence's context is usually its direct neighbours). */
  private reach = 0;
  private liveCount = 0;
  private deadCount = 0;
  private textLengthSum = 0;
  private contextLengthSum = 0;
  /** Sum over live passages of how many sentences their context spans. */
  private contextSpanSum = 0;
  private scratch = new Scratch(0, 0);

  get slotCount(): number {
    return this.live.length;
  }

  get passageCount(): number {
    return this.liveCount;
  }

  /**
   * Adds one document's passages, each given as its sentence's terms (with repeats) and its
   * context as a range of indices into `sentences`; returns the first passage's slot.
   */
  addDocument(sentences: ReadonlyArray<readonly string[]>, contexts: ReadonlyArray<readonly [number, number]>): number {
    const first = this.slotCount;
    const ids = sentences.map((terms) => terms.map((term) => this.idOf(term)));
    this.scratch = this.scratch.fit(first + sentences.length, this.terms.length);
    const { seen } = this.scratch;
    ids.forEach((termIds, i) => {
      const slot = first + i;
      const stamp = this.scratch.nextStamp();
      let unique = 0;
      for (const id of termIds) {
        if (seen[id] === stamp) continue;
        seen[id] = stamp;
        unique++;
        let tf = 0;
        for (const other of termIds) if (other === id) tf++;
        this.mutableList(id).push(slot, tf);
      }
      const [from, to] = contexts[i];
      this.reach = Math.max(this.reach, i - from, to - i);
      const contextStamp = this.scratch.nextStamp();
      let contextUnique = 0;
      for (let s = from; s <= to; s++) {
        for (const id of ids[s]) {
          if (seen[id] === contextStamp) continue;
          seen[id] = contextStamp;
          contextUnique++;
        }
      }
      this.textLength.push(unique);
      this.contextLength.push(contextUnique);
      this.contextFrom.push(first + from);
      this.contextTo.push(first + to);
      this.live.push(1);
      this.liveCount++;
      this.textLengthSum += unique;
      this.contextLengthSum += contextUnique;
      this.contextSpanSum += to - from + 1;
    });
    return first;
  }

  /** Removes passages [first, first + count); their postings are dropped lazily. */
  removeSlots(first: number, count: number): void {
    for (let slot = first; slot < first + count; slot++) {
      if (!this.live.data[slot]) continue;
      this.live.data[slot] = 0;
      this.liveCount--;
      this.deadCount++;
      this.textLengthSum -= this.textLength.data[slot];
      this.contextLengthSum -= this.contextLength.data[slot];
      this.contextSpanSum -= this.contextTo.data[slot] - this.contextFrom.data[slot] + 1;
    }
    if (this.deadCount > 1000 && this.deadCount > this.liveCount) this.compact();
  }

  /** Passages matching any of the terms, best first, at most `limit`. */
  search(terms: readonly string[], limit: number): PostingsHit[] {
    const n = this.liveCount;
    if (n === 0) return [];
    this.scratch = this.scratch.fit(this.slotCount, this.terms.length);
    const scratch = this.scratch;
    const query = scratch.startQuery();
    const avgText = this.textLengthSum / n;
    const avgContext = this.contextLengthSum / n;
    // The loops below run over every posting of every query term: typed arrays are read from locals.
    const live = this.live.data;
    const textLength = this.textLength.data;
    const contextLength = this.contextLength.data;
    const contextFrom = this.contextFrom.data;
    const contextTo = this.contextTo.data;
    const { queryOf, contextTf } = scratch;
    // Documents are removed whole and contexts stay inside their document, so a live posting's
    // neighbours that take it into their context are live too; postings hold dead slots only until compaction.
    const maybeDead = this.deadCount > 0;
    const reach = this.reach;
    const lastSlot = this.slotCount - 1;
    const found: Array<{ id: number; termIndex: number; df: number }> = [];
    terms.forEach((term, termIndex) => {
      const id = this.termIds.get(term);
      if (id !== undefined) found.push({ id, termIndex, df: this.liveCountOf(id) });
    });
    const hasCommon = found.some((t) => t.df > COMMON_TERM_PASSAGES);
    // With a common term, rarer terms go first so they pick the candidates.
    if (hasCommon) found.sort((a, b) => a.df - b.df);
    for (const { id, termIndex, df } of found) {
      if (df === 0) continue;
      const { pairs, from, to } = this.pairsOf(id);
      const onlyKnown = df > COMMON_TERM_PASSAGES && scratch.touchedCount >= limit;
      const textIdf = idf(n, df);
      const touched = scratch.contextTouched;
      let touchedCount = 0;
      for (let i = from; i < to; i += 2) {
        const slot = pairs[i];
        if (maybeDead && !live[slot]) continue;
        const tf = pairs[i + 1];
        if (!onlyKnown || queryOf[slot] === query) {
          scratch.add(query, slot, TEXT_BOOST * bm25(textIdf, tf, textLength[slot], avgText), termIndex);
        }
        // Every live passage whose context holds this sentence gets its term frequency.
        const low = Math.max(0, slot - reach);
        const high = Math.min(lastSlot, slot + reach);
        for (let p = low; p <= high; p++) {
          // A common term only counts for passages already found: the cheapest test first.
          if (onlyKnown && queryOf[p] !== query) continue;
          if (contextFrom[p] > slot || contextTo[p] < slot) continue;
          if (contextTf[p] === 0) touched[touchedCount++] = p;
          contextTf[p] += tf;
        }
      }
      // A common term's context frequency is estimated from its sentence frequency (it was not fully counted).
      const contextDf = onlyKnown ? Math.min(n, Math.round((df * this.contextSpanSum) / n)) : touchedCount;
      const contextIdf = idf(n, contextDf);
      for (let t = 0; t < touchedCount; t++) {
        const p = touched[t];
        scratch.add(query, p, CONTEXT_BOOST * bm25(contextIdf, contextTf[p], contextLength[p], avgContext), termIndex);
        contextTf[p] = 0;
      }
    }
    return scratch.best(limit);
  }

  /** The live slots in [from, to) whose sentence has the term, ascending. */
  slotsWith(term: string, from: number, to: number): number[] {
    const id = this.termIds.get(term);
    if (id === undefined) return [];
    const { pairs, from: start, to: end } = this.pairsOf(id);
    // Pairs are (slot, tf), slots ascending: the first pair at or after `from` by binary search.
    let low = 0;
    let high = (end - start) / 2;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (pairs[start + 2 * mid] < from) low = mid + 1;
      else high = mid;
    }
    const slots: number[] = [];
    const live = this.live.data;
    for (let i = start + 2 * low; i < end && pairs[i] < to; i += 2) if (live[pairs[i]]) slots.push(pairs[i]);
    return slots;
  }

  toState(): PostingsState {
    this.compact();
    const listStarts = new Int32Array(this.terms.length + 1);
    let total = 0;
    for (let t = 0; t < this.terms.length; t++) {
      const { from, to } = this.pairsOf(t);
      listStarts[t] = total;
      total += to - from;
    }
    listStarts[this.terms.length] = total;
    const lists = new Int32Array(total);
    for (let t = 0; t < this.terms.length; t++) {
      const { pairs, from, to } = this.pairsOf(t);
      lists.set(pairs.subarray(from, to), listStarts[t]);
    }
    return {
      terms: [...this.terms],
      listStarts,
      lists,
      textLength: this.textLength.toArray(),
      contextLength: this.contextLength.toArray(),
      contextFrom: this.contextFrom.toArray(),
      contextTo: this.contextTo.toArray(),
      live: Uint8Array.from(this.live.data.subarray(0, this.live.length)),
    };
  }

  static fromState(state: PostingsState): Postings {
    const postings = new Postings();
    postings.terms = [...state.terms];
    state.terms.forEach((term, t) => {
      postings.termIds.set(term, t);
    });
    postings.base = { listStarts: state.listStarts, lists: state.lists };
    postings.lists = new Array(state.terms.length);
    postings.textLength.setAll(state.textLength);
    postings.contextLength.setAll(state.contextLength);
    postings.contextFrom.setAll(state.contextFrom);
    postings.contextTo.setAll(state.contextTo);
    postings.live.setAll(state.live);
    for (let slot = 0; slot < state.live.length; slot++) {
      postings.reach = Math.max(postings.reach, slot - state.contextFrom[slot], state.contextTo[slot] - slot);
      if (!state.live[slot]) continue;
      postings.liveCount++;
      postings.textLengthSum += state.textLength[slot];
      postings.contextLengthSum += state.contextLength[slot];
      postings.contextSpanSum += state.contextTo[slot] - state.contextFrom[slot] + 1;
    }
    postings.deadCount = state.live.length - postings.liveCount;
    return postings;
  }

  private idOf(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.termIds.set(term, id);
      this.terms.push(term);
      this.lists.push(new IntList(2));
    }
    return id;
  }

  /** How many live passages hold a term. */
  private liveCountOf(id: number): number {
    const { pairs, from, to } = this.pairsOf(id);
    if (this.deadCount === 0) return (to - from) / 2;
    let count = 0;
    for (let i = from; i < to; i += 2) if (this.live.data[pairs[i]]) count++;
    return count;
  }

  /** A term's pairs wherever they live: its own list, or its run in the restored arrays. */
  private pairsOf(id: number): { pairs: Int32Array; from: number; to: number } {
    const list = this.lists[id];
    if (list) return { pairs: list.data, from: 0, to: list.length };
    const base = this.base!;
    return { pairs: base.lists, from: base.listStarts[id], to: base.listStarts[id + 1] };
  }

  private mutableList(id: number): IntList {
    let list = this.lists[id];
    if (!list) {
      const { pairs, from, to } = this.pairsOf(id);
      list = IntList.view(pairs.slice(from, to));
      this.lists[id] = list;
    }
    return list;
  }

  /** Drops the postings of removed passages (slots keep their numbers). */
  private compact(): void {
    if (this.deadCount === 0) return;
    const live = this.live.data;
    for (let t = 0; t < this.terms.length; t++) this.mutableList(t).filterPairs((slot) => live[slot] === 1);
    this.base = undefined;
    this.deadCount = 0;
  }
}

function idf(total: number, matching: number): number {
  return Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
}

function bm25(inverseFrequency: number, tf: number, fieldLength: number, averageLength: number): number {
  return inverseFrequency * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * fieldLength) / averageLength)));
}

/** Per-slot and per-term work arrays reused across queries, so a query allocates almost nothing. */
class Scratch {
  readonly seen: Int32Array;
  readonly score: Float64Array;
  readonly quality: Int32Array;
  readonly lastTerm: Int32Array;
  readonly queryOf: Int32Array;
  readonly contextTf: Int32Array;
  /** The touched slots' final scores (reused: a query would otherwise allocate them). */
  readonly ranked: Float64Array;
  /** The slots a query has scored (touchedCount of them), and those one term's context reaches: counted, not truncated, so a query allocates neither. */
  readonly touched: Int32Array;
  touchedCount = 0;
  readonly contextTouched: Int32Array;
  private stamp = 0;
  private query = 0;

  constructor(readonly slots: number, readonly termCount: number) {
    this.seen = new Int32Array(termCount);
    this.score = new Float64Array(slots);
    this.quality = new Int32Array(slots);
    this.lastTerm = new Int32Array(slots);
    this.queryOf = new Int32Array(slots);
    this.contextTf = new Int32Array(slots);
    this.ranked = new Float64Array(slots);
    this.touched = new Int32Array(slots);
    this.contextTouched = new Int32Array(slots);
  }

  /** This scratch if it is big enough, else a bigger one (with room to grow). */
  fit(slots: number, termCount: number): Scratch {
    if (slots <= this.slots && termCount <= this.termCount) return this;
    const grown = (needed: number, had: number) => (needed <= had ? had : Math.max(needed, Math.ceil(had * 1.5), 1024));
    return new Scratch(grown(slots, this.slots), grown(termCount, this.termCount));
  }

  nextStamp(): number {
    return ++this.stamp;
  }

  startQuery(): number {
    this.touchedCount = 0;
    return ++this.query;
  }

  add(query: number, slot: number, score: number, termIndex: number): void {
    if (this.queryOf[slot] !== query) {
      this.queryOf[slot] = query;
      this.score[slot] = 0;
      this.quality[slot] = 0;
      this.lastTerm[slot] = -1;
      this.touched[this.touchedCount++] = slot;
    }
    this.score[slot] += score;
    if (this.lastTerm[slot] !== termIndex) {
      this.lastTerm[slot] = termIndex;
      this.quality[slot]++;
    }
  }

  /** The top `limit` touched slots by score times matched terms; ties keep first-touched order. */
  best(limit: number): PostingsHit[] {
    const { touched, touchedCount, ranked } = this;
    for (let i = 0; i < touchedCount; i++) ranked[i] = this.score[touched[i]] * this.quality[touched[i]];
    // A query touches up to tens of thousands of slots: only the few kept become objects.
    const hits: PostingsHit[] = [];
    for (const i of bestIndices(ranked, limit, touchedCount)) hits.push({ slot: touched[i], score: ranked[i] });
    return hits;
  }
}
