// The baseline: minisearch with default options over the same archive, split the common way
// (three sentences a passage), doing the same steps, so ratios hold on a noisy machine.
import MiniSearch from 'minisearch';
import { liveBytes, percentile, sampleTimes, timed } from './measure';

export interface PlainPassage {
  id: number;
  text: string;
}

export interface PlainFigures {
  passages: number;
  indexMs: number;
  heapBytes: number;
  jsonBytes: number;
  loadMs: number;
  queryP50Ms: number;
  fuzzyQueryP50Ms: number;
  queries: number;
  fuzzyQueries: number;
}

const OPTIONS = { fields: ['text'] };

/** `makePassages` runs after the baseline memory reading, so the passages' text counts, as it does for the engine. */
export async function measurePlainMinisearch(makePassages: () => PlainPassage[], queries: readonly string[], fuzzyQueries: readonly string[]): Promise<PlainFigures> {
  const before = liveBytes();
  const passages = makePassages();
  const index = await timed(() => {
    const search = new MiniSearch<PlainPassage>(OPTIONS);
    search.addAll(passages);
    return search;
  });
  const heapBytes = liveBytes() - before;
  const json = JSON.stringify(index.value);
  const loaded = await timed(() => MiniSearch.loadJSON<PlainPassage>(json, OPTIONS));
  const plain = sampleTimes(queries, (q) => loaded.value.search(q));
  const fuzzy = sampleTimes(fuzzyQueries, (q) => loaded.value.search(q, { fuzzy: 0.2 }));
  return {
    passages: passages.length,
    indexMs: index.ms,
    heapBytes,
    jsonBytes: Buffer.byteLength(json),
    loadMs: loaded.ms,
    queryP50Ms: percentile(plain, 0.5),
    fuzzyQueryP50Ms: percentile(fuzzy, 0.5),
    queries: plain.length,
    fuzzyQueries: fuzzy.length,
  };
}
