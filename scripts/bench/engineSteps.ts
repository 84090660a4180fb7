// The engine's side of the benchmark: cold index, memory, cache, warm start, and the queries the
// editor makes (hover, related passages, quote completion, whole-draft check, a changed file).
import * as fs from 'fs';
import * as path from 'path';
import { filterQuotes } from '../../src/core/quotes/quoteFilter';
import type { SourcedEngine } from '../../src/core/engine';
import { PassageIndex } from '../../src/core/search/passageIndex';
import type { Verdict } from '../../src/core/types';
import { typedQuotePrefixes, type BenchFiles } from './benchCorpus';
import type { StatementKind } from './draft';
import { liveBytes, percentile, sampleTimes, timed } from './measure';

export interface EngineFigures {
  documents: number;
  passages: number;
  quotes: number;
  /** The whole cold load: list, read, clean, segment, find quotes and speakers, index. */
  coldIndexMs: number;
  /** The indexing step alone (what plain minisearch's index time measures): the same passages into a new index. */
  indexOnlyMs: number;
  /** Writing the cache after the cold load (in the background: the index answers before it ends). */
  cacheWriteMs: number;
  heapBytes: number;
  cacheBytes: number;
  warmStartMs: number;
  /** What the editor builds in the background after a load (SourcedEngine.warmUp), before the first hover here. */
  warmUpMs: number;
  hoverP50Ms: number;
  hoverP95Ms: number;
  relatedP95Ms: number;
  completionP95Ms: number;
  draftCheckMs: number;
  changedFileMs: number;
  /** Statements whose verdict was the one the draft generator intended, per kind. */
  verdicts: Record<StatementKind, { expected: number; matched: number }>;
}

export type EngineMaker = (cacheDir: string) => SourcedEngine;

const CHANGED_FILES = 9;
const COMPLETIONS = 40;

export async function measureEngine(corpus: BenchFiles, makeEngine: EngineMaker): Promise<EngineFigures> {
  const loadOptions = { base: corpus.folder, roots: ['corpus'] };
  const before = liveBytes();
  let cold: SourcedEngine | undefined = makeEngine(corpus.cacheDir);
  const coldLoad = await timed(() => cold!.loadCorpus(loadOptions));
  failOnSkipped(coldLoad.value.skipped);
  const cacheWrite = await timed(() => cold!.cacheSaved());
  const heapBytes = liveBytes() - before;
  cold = undefined;

  const cacheBytes = folderBytes(corpus.cacheDir);
  const engine = makeEngine(corpus.cacheDir);
  const warm = await timed(() => engine.loadCorpus(loadOptions));
  const warmUp = await timed(() => engine.warmUp());

  const hovers = sampleTimes(corpus.statements, (s) => engine.checkDraft(s.text));
  const related = sampleTimes(corpus.statements, (s) => engine.search(s.paragraph, 10));
  const typed = typedQuotePrefixes(engine.quotes().map((q) => q.text), COMPLETIONS);
  const completions = sampleTimes(typed, (prefix) => filterQuotes(engine.quotes(), prefix));
  const draft = await timed(() => engine.checkDraft(corpus.draft));
  const indexOnly = await timed(() => {
    const index = new PassageIndex();
    for (const [id, doc] of engine.documents) index.setDocument(id, doc.text, engine.passagesOf(id));
    return index.size;
  });
  const changed = await changeFiles(corpus, engine);

  return {
    documents: warm.value.documents,
    passages: warm.value.passages,
    quotes: engine.quotes().length,
    coldIndexMs: coldLoad.ms,
    cacheWriteMs: cacheWrite.ms,
    indexOnlyMs: indexOnly.ms,
    heapBytes,
    cacheBytes,
    warmStartMs: warm.ms,
    warmUpMs: warmUp.ms,
    hoverP50Ms: percentile(hovers, 0.5),
    hoverP95Ms: percentile(hovers, 0.95),
    relatedP95Ms: percentile(related, 0.95),
    completionP95Ms: percentile(completions, 0.95),
    draftCheckMs: draft.ms,
    changedFileMs: percentile(changed, 0.5),
    verdicts: verdictAgreement(corpus, draft.value),
  };
}

/** Rewrites a few articles (one sentence appended) and times re-indexing each; the median is reported. */
async function changeFiles(corpus: BenchFiles, engine: SourcedEngine): Promise<number[]> {
  const names = fs.readdirSync(corpus.corpusDir).sort();
  const step = Math.max(1, Math.floor(names.length / CHANGED_FILES));
  const times: number[] = [];
  for (let i = 0; i < names.length && times.length < CHANGED_FILES; i += step) {
    const file = path.join(corpus.corpusDir, names[i]);
    fs.appendFileSync(file, `The editor added this sentence in revision ${i}.\n`);
    const { value: skipped, ms } = await timed(() => engine.upsertFile(file));
    if (skipped) throw new Error(`The benchmark's changed file was skipped: ${skipped.reason}`);
    times.push(ms);
  }
  return times;
}

/** A statement's verdict is its paragraph's: the first problem found in it, else the first verdict. */
export function verdictAgreement(corpus: BenchFiles, results: ReadonlyArray<{ statement: { start: number }; verdict: Verdict }>): EngineFigures['verdicts'] {
  const byKind = {} as EngineFigures['verdicts'];
  let from = 0;
  for (const statement of corpus.statements) {
    const start = corpus.draft.indexOf(statement.text, from);
    from = start + statement.text.length;
    const inside = results.filter((r) => r.statement.start >= start && r.statement.start < from).map((r) => r.verdict);
    const verdict = inside.find((v) => v !== 'supported' && v !== 'not-a-claim') ?? inside[0];
    byKind[statement.kind] ??= { expected: 0, matched: 0 };
    const entry = byKind[statement.kind];
    entry.expected++;
    if (verdict === statement.expected) entry.matched++;
  }
  return byKind;
}

function failOnSkipped(skipped: ReadonlyArray<{ path: string; reason: string }>): void {
  if (skipped.length > 0) throw new Error(`The engine skipped benchmark files, e.g. ${skipped[0].path}: ${skipped[0].reason}`);
}

function folderBytes(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir).reduce((sum, name) => sum + fs.statSync(path.join(dir, name)).size, 0);
}
