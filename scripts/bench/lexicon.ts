// The lexicon's cost before the first check can use it: load time and live memory in a fresh
// process, and how long word comparisons take once it is loaded.
import * as fs from 'fs';
import { getLexicon, lexiconPath } from '../../src/core/lexicon';
import { liveBytes, MB, now } from './measure';

export interface LexiconFigures {
  loadMs: number;
  liveBytes: number;
  fileBytes: number;
  /** Microseconds per relation() + similarity() of a word pair, words seen before. */
  pairMicros: number;
}

const WORDS = 'the defender was involved in a brawl after the German Cup defeat following his fight with security personnel said police minister'.split(' ');

export function measureLexicon(): LexiconFigures {
  const before = liveBytes();
  const start = now();
  const lexicon = getLexicon();
  lexicon.relation('fight', 'brawl');
  const loadMs = now() - start;
  const memory = liveBytes() - before;
  for (const a of WORDS) for (const b of WORDS) lexicon.relation(a, b);
  const rounds = 20;
  const pairsStart = now();
  for (let r = 0; r < rounds; r++) for (const a of WORDS) for (const b of WORDS) { lexicon.relation(a, b); lexicon.similarity(a, b); }
  const pairMicros = ((now() - pairsStart) * 1000) / (rounds * WORDS.length ** 2);
  return { loadMs, liveBytes: memory, fileBytes: fs.statSync(lexiconPath()).size, pairMicros };
}

export function formatLexicon(f: LexiconFigures): string {
  const load = `${f.loadMs.toFixed(0)} ms ${f.loadMs <= 300 ? 'ok' : 'MISSED'} (target <= 300 ms)`;
  const memory = `${(f.liveBytes / MB).toFixed(1)} MB ${f.liveBytes <= 100 * MB ? 'ok' : 'MISSED'} (target <= 100 MB)`;
  return `Lexicon (WordNet + word vectors, ${(f.fileBytes / MB).toFixed(1)} MB file), fresh process: load and first use ${load}, memory ${memory}, ${f.pairMicros.toFixed(1)} µs per word pair compared.`;
}
