// Prints the figures of every size next to their targets and plain minisearch's.
import type { EngineFigures } from './engineSteps';
import { MB } from './measure';
import type { PlainFigures } from './plainMinisearch';

export interface SizeFigures {
  articles: number;
  corpusBytes: number;
  engine: EngineFigures;
  plain: PlainFigures;
}

interface Row {
  label: string;
  value: (f: SizeFigures) => string;
  /** Checked at every size; the issue sets the targets at 10,000 articles. */
  target?: { text: string; met: (f: SizeFigures) => boolean };
}

export const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(n < 10 ? 2 : 0)} ms`);
export const mb = (n: number) => `${(n / MB).toFixed(1)} MB`;

export const ROWS: Row[] = [
  { label: 'documents / passages / quotes', value: (f) => `${f.engine.documents} / ${f.engine.passages} / ${f.engine.quotes}` },
  { label: 'corpus size', value: (f) => mb(f.corpusBytes) },
  { label: 'cold index: indexing step', value: (f) => `${ms(f.engine.indexOnlyMs)} (${(f.engine.indexOnlyMs / f.plain.indexMs).toFixed(2)}x plain)`, target: { text: '<= 0.6x plain', met: (f) => f.engine.indexOnlyMs <= 0.6 * f.plain.indexMs } },
  { label: 'cold load: read, clean, segment, quotes, index', value: (f) => `${ms(f.engine.coldIndexMs)} (${(f.engine.coldIndexMs / f.plain.indexMs).toFixed(2)}x plain)`, target: { text: '<= 0.6x plain', met: (f) => f.engine.coldIndexMs <= 0.6 * f.plain.indexMs } },
  { label: 'cache write (background, after cold index)', value: (f) => ms(f.engine.cacheWriteMs) },
  { label: 'heap after GC', value: (f) => mb(f.engine.heapBytes), target: { text: '<= 300 MB', met: (f) => f.engine.heapBytes <= 300 * MB } },
  { label: 'cache on disk', value: (f) => mb(f.engine.cacheBytes) },
  { label: 'warm start (from cache)', value: (f) => ms(f.engine.warmStartMs), target: { text: '<= 1 s', met: (f) => f.engine.warmStartMs <= 1000 } },
  { label: 'background warm-up after load (quote word index)', value: (f) => ms(f.engine.warmUpMs) },
  { label: 'hover p50', value: (f) => ms(f.engine.hoverP50Ms) },
  { label: 'hover p95', value: (f) => ms(f.engine.hoverP95Ms), target: { text: '<= 30 ms', met: (f) => f.engine.hoverP95Ms <= 30 } },
  { label: 'related passages p95', value: (f) => ms(f.engine.relatedP95Ms), target: { text: '<= 50 ms', met: (f) => f.engine.relatedP95Ms <= 50 } },
  { label: 'quote completion p95', value: (f) => ms(f.engine.completionP95Ms), target: { text: '<= 30 ms', met: (f) => f.engine.completionP95Ms <= 30 } },
  { label: '40-statement draft check', value: (f) => ms(f.engine.draftCheckMs), target: { text: '<= 1 s', met: (f) => f.engine.draftCheckMs <= 1000 } },
  { label: 'one changed file re-indexed', value: (f) => ms(f.engine.changedFileMs), target: { text: '<= 50 ms', met: (f) => f.engine.changedFileMs <= 50 } },
  { label: 'verdicts as intended', value: (f) => verdictSummary(f.engine.verdicts) },
  { label: 'plain minisearch: passages', value: (f) => String(f.plain.passages) },
  { label: 'plain minisearch: index', value: (f) => ms(f.plain.indexMs) },
  { label: 'plain minisearch: heap', value: (f) => mb(f.plain.heapBytes) },
  { label: 'plain minisearch: JSON', value: (f) => mb(f.plain.jsonBytes) },
  { label: 'plain minisearch: load JSON', value: (f) => ms(f.plain.loadMs) },
  { label: 'plain minisearch: 12-word query p50', value: (f) => ms(f.plain.queryP50Ms) },
  { label: 'plain minisearch: fuzzy query p50', value: (f) => ms(f.plain.fuzzyQueryP50Ms) },
];

export function verdictSummary(verdicts: EngineFigures['verdicts']): string {
  const entries = Object.values(verdicts);
  return `${entries.reduce((sum, v) => sum + v.matched, 0)}/${entries.reduce((sum, v) => sum + v.expected, 0)}`;
}

export function formatTable(sizes: readonly SizeFigures[], machine: string): string {
  const header = ['', ...sizes.map((s) => `${s.articles.toLocaleString('en-US')} articles`), 'target'];
  const body = ROWS.map((row) => [
    row.label,
    ...sizes.map((s) => `${row.value(s)}${row.target ? (row.target.met(s) ? ' ok' : ' MISSED') : ''}`),
    row.target?.text ?? '',
  ]);
  const widths = header.map((_, c) => Math.max(...[header, ...body].map((r) => r[c].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  const note = 'Verdicts as intended: statements whose verdict is the one the draft generator meant (per kind in --json).';
  return [`Sourced benchmark on ${machine}`, '', line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line), '', note].join('\n');
}
