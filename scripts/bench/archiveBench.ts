// `npm run bench -- --archive [--sizes 10000,100000]`: the newsroom archive on a throwaway
// PostgreSQL cluster: ingest rate and database size, then hover and whole-draft latency through
// the archive (an editor with no local sources), beside the local index at the same size, and
// the editor-side memory with the archive (bounded caches: the same at every archive size).
import * as path from 'path';
import { ArchiveReader } from '../../src/core/archive/archiveReader';
import { checkWithArchives } from '../../src/core/archive/archiveCheck';
import { openPool } from '../../src/core/archive/connection';
import { SourcedEngine } from '../../src/core/engine';
import type { StatementResult } from '../../src/core/types';
import { startCluster } from '../../test/unit/archive/cluster';
import { ingestInto } from '../../test/unit/archive/fixtures';
import { readBenchFiles } from './benchCorpus';
import { verdictAgreement, type EngineFigures } from './engineSteps';
import { liveBytes, now, percentile, timed } from './measure';
import { mb, ms, verdictSummary } from './report';

export interface ArchiveFigures {
  documents: number;
  passages: number;
  ingestMs: number;
  databaseBytes: number;
  hoverP50Ms: number;
  hoverP95Ms: number;
  draftCheckMs: number;
  /** Editor-side heap (engine with no local sources, the archive reader and its caches) after every check. */
  editorHeapBytes: number;
  verdicts: EngineFigures['verdicts'];
}

/** An editor's deadline is shorter; the bench waits so every figure is a real answer. */
const DEADLINE_MS = 30_000;

export async function measureArchive(folder: string, extractWorkerScript: string): Promise<ArchiveFigures> {
  const corpus = readBenchFiles(folder);
  const cluster = startCluster();
  try {
    cluster.psql('CREATE DATABASE bench');
    const url = cluster.url('bench');
    const ingest = await timed(() => ingestInto(url, { roots: [corpus.corpusDir], extractWorkerScript }));
    const databaseBytes = Number((await withPool(url, 'SELECT pg_database_size(current_database()) AS n')).n);
    const before = liveBytes();
    const engine = new SourcedEngine();
    const reader = new ArchiveReader({ name: 'bench', url });
    try {
      const check = (text: string) => checkWithArchives(engine, text, [reader], { deadlineMs: DEADLINE_MS });
      await check(corpus.statements[0].text);
      const hovers: number[] = [];
      for (const statement of corpus.statements) {
        const start = now();
        const checked = await check(statement.text);
        if (checked.problems.length > 0) throw new Error(checked.problems[0].problem.message);
        hovers.push(now() - start);
      }
      const draft = await timed(() => check(corpus.draft));
      const editorHeapBytes = liveBytes() - before;
      return {
        documents: ingest.value.added,
        passages: ingest.value.passages,
        ingestMs: ingest.ms,
        databaseBytes,
        hoverP50Ms: percentile(hovers, 0.5),
        hoverP95Ms: percentile(hovers, 0.95),
        draftCheckMs: draft.ms,
        editorHeapBytes,
        verdicts: verdictAgreement(corpus, draft.value.results as StatementResult[]),
      };
    } finally {
      await reader.close();
    }
  } finally {
    cluster.destroy();
  }
}

async function withPool(url: string, sql: string): Promise<Record<string, unknown>> {
  const pool = openPool(url);
  try {
    return (await pool.query(sql)).rows[0];
  } finally {
    await pool.end();
  }
}

export interface ArchiveSizeFigures {
  articles: number;
  archive: ArchiveFigures;
  local?: EngineFigures;
  localSkipped?: string;
}

export function formatArchiveTable(results: readonly ArchiveSizeFigures[], machine: string): string {
  const rows: Array<[string, (f: ArchiveSizeFigures) => string, string?]> = [
    ['documents / passages', (f) => `${f.archive.documents} / ${f.archive.passages}`],
    ['ingest (extract, segment, quotes, write)', (f) => `${ms(f.archive.ingestMs)}, ${Math.round(f.archive.documents / (f.archive.ingestMs / 1000))} articles/s`, '>= 300 articles/s'],
    ['database size', (f) => mb(f.archive.databaseBytes)],
    ['hover p50: archive | local index', (f) => `${ms(f.archive.hoverP50Ms)} | ${f.local ? ms(f.local.hoverP50Ms) : '-'}`],
    ['hover p95: archive | local index', (f) => `${ms(f.archive.hoverP95Ms)} | ${f.local ? ms(f.local.hoverP95Ms) : '-'}`, '<= 80 ms (archive)'],
    ['40-statement draft: archive | local index', (f) => `${ms(f.archive.draftCheckMs)} | ${f.local ? ms(f.local.draftCheckMs) : '-'}`, '<= 2 s (archive)'],
    ['editor heap: archive | local index', (f) => `${mb(f.archive.editorHeapBytes)} | ${f.local ? mb(f.local.heapBytes) : '-'}`, 'archive: same at every size'],
    ['verdicts as intended: archive | local', (f) => `${verdictSummary(f.archive.verdicts)} | ${f.local ? verdictSummary(f.local.verdicts) : '-'}`],
  ];
  const header = ['', ...results.map((r) => `${r.articles.toLocaleString('en-US')} articles`), 'target'];
  const lines = rows.map(([label, value, target]) => [label, ...results.map(value), target ?? '']);
  const table = [header, ...lines];
  const widths = header.map((_, c) => Math.max(...table.map((row) => row[c].length)));
  const format = (row: string[]) => `| ${row.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  const notes = results.filter((r) => r.localSkipped).map((r) => `local index at ${r.articles}: ${r.localSkipped}`);
  return [`Newsroom archive on PostgreSQL (${machine})`, '', format(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...lines.map(format), ...notes].join('\n');
}

export const ARCHIVE_DEFAULT_SIZES = [10_000, 100_000];
export const benchFolder = (root: string, name: string) => path.join(root, name);
