// Which sentences of a source a statement is read against: those that share most of its words,
// names and figures, the retrieved ones, and the neighbours they may be read with.
import type { ScoredPassage } from '../search/passageIndex';
import type { StatementAnalysis } from './analysis';
import type { ReadDocument, SentencesWithTerm } from './documentReading';
import { sameNumber, type NumberMention } from './numbers';

// Sentences read together stand within this many sentences of each other.
export const LINK_REACH = 2;

// Reading a sentence for meaning costs a lexicon lookup per pair of words: only the sentences
// that share most words, names and figures with the statement (and the retrieved ones), with the
// neighbours they may be read with, are read that way.
const SENTENCES_BY_WORDS = 3;

/** The sentences to read (see above), and for each of the statement's figures the sentences that give it. */
export function sentencesToRead(analysis: StatementAnalysis, doc: ReadDocument, candidates: readonly ScoredPassage[], indexed: SentencesWithTerm): { read: Set<number>; giving: number[][] } {
  // Each sentence scores the weights of the statement's words it uses, then 1 for each figure it gives.
  const score = new Map<number, number>();
  for (const w of analysis.words) for (const j of doc.sentencesWith(w.term, indexed)) score.set(j, (score.get(j) ?? 0) + w.weight);
  const giving: number[][] = [];
  for (const f of analysis.figures) giving.push(sentencesGiving(f, doc));
  for (const at of giving) for (const j of at) score.set(j, (score.get(j) ?? 0) + 1);
  // The best-scoring few, ties to the earlier sentence.
  const best: Array<[j: number, score: number]> = [];
  for (const entry of score) {
    if (!(entry[1] > 0)) continue;
    let at = best.length;
    while (at > 0 && (entry[1] > best[at - 1][1] || (entry[1] === best[at - 1][1] && entry[0] < best[at - 1][0]))) at--;
    if (at < SENTENCES_BY_WORDS) best.splice(at, 0, entry);
    if (best.length > SENTENCES_BY_WORDS) best.pop();
  }
  const seeds = new Set(best.map(([j]) => j));
  const retrieved: number[] = [];
  for (const c of candidates) {
    const j = doc.sentenceOf.get(c.passage.id);
    if (j !== undefined) retrieved.push(j);
  }
  for (const j of retrieved.sort((a, b) => a - b)) seeds.add(j);
  for (const q of analysis.quotes) {
    const at = q.passage ? doc.sentenceOf.get(q.passage.id) : undefined;
    if (at !== undefined) seeds.add(at);
  }
  const read = new Set<number>();
  for (const j of seeds) for (let k = Math.max(0, j - LINK_REACH); k <= Math.min(doc.sentences.length - 1, j + LINK_REACH); k++) read.add(k);
  return { read, giving };
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
  const found = new Set<number>();
  for (let i = low; i < byValue.length && byValue[i].value <= figure.value + tolerance; i++) if (sameNumber(figure, byValue[i].figure)) found.add(byValue[i].at);
  return [...found].sort((a, b) => a - b);
}
