// `npm run bench [-- --json] [-- --sizes 10,1000]`: builds the Brown-corpus archives and measures
// Sourced and plain minisearch on each. The archive is built in one Node process, and Sourced and
// plain minisearch are each measured in a fresh process of their own (after a JIT warm-up on a
// tiny archive), so neither pays for the other's garbage or for the Brown corpus in memory.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SourcedEngine } from '../../src/core/engine';
import { createBenchCorpus, readBenchFiles, readPlainPassages, saveBenchFiles, twelveWordQueries } from './benchCorpus';
import { measureEngine, type EngineFigures } from './engineSteps';
import { formatLexicon, measureLexicon, type LexiconFigures } from './lexicon';
import { measurePlainMinisearch, type PlainFigures } from './plainMinisearch';
import { formatTable, type SizeFigures } from './report';
import { ARCHIVE_DEFAULT_SIZES, formatArchiveTable, measureArchive, type ArchiveSizeFigures } from './archiveBench';

const DEFAULT_SIZES = [10, 1000, 10000];
/** Plain minisearch takes ~0.6 s a query (1 s fuzzy) at 10,000 articles: enough samples for a median. */
const PLAIN_QUERIES = 10;
const FUZZY_QUERIES = 3;
const WARM_UP = 'warm-up';
const WARM_UP_ARTICLES = 10;

/** The extraction helper the extension and CLI find beside their bundles in dist/ (this script runs from out/). */
const EXTRACT_WORKER = path.resolve(__dirname, '../../../dist/extractWorker.js');
const makeEngine = (cacheDir: string) => new SourcedEngine({ cacheDir, extractWorkerScript: EXTRACT_WORKER });

function folderFor(name: string): string {
  return path.join(os.tmpdir(), 'sourced-bench', name);
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function engineFigures(folder: string): Promise<EngineFigures> {
  fs.rmSync(readBenchFiles(folder).cacheDir, { recursive: true, force: true });
  return measureEngine(readBenchFiles(folder), makeEngine);
}

function plainFigures(folder: string): Promise<PlainFigures> {
  const queries = twelveWordQueries(readBenchFiles(folder).statements);
  return measurePlainMinisearch(() => readPlainPassages(folder), queries.slice(0, PLAIN_QUERIES), queries.slice(0, FUZZY_QUERIES));
}

/** Runs one phase in this process; phases print their result as JSON. */
async function runPhase(phase: string, name: string): Promise<unknown> {
  const folder = folderFor(name);
  if (phase === 'corpus') {
    const corpus = createBenchCorpus(folder, Number(name));
    saveBenchFiles(corpus);
    return corpus.bytes;
  }
  if (phase === 'lexicon') return measureLexicon();
  if (phase === 'archive') return measureArchive(folder, EXTRACT_WORKER);
  if (phase === 'engine') {
    await engineFigures(folderFor(WARM_UP));
    return engineFigures(folder);
  }
  await plainFigures(folderFor(WARM_UP));
  return plainFigures(folder);
}

function inChild(phase: string, name: string, nodeOptions: string[] = []): unknown {
  const output = execFileSync(process.execPath, ['--expose-gc', ...nodeOptions, __filename, '--phase', phase, name], { maxBuffer: 16 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(output.toString('utf8'));
}

function machine(): string {
  return `${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.versions.node}, ${Math.round(os.totalmem() / 2 ** 30)} GB`;
}

async function main(): Promise<void> {
  const phase = argument('--phase');
  if (phase) {
    process.stdout.write(JSON.stringify(await runPhase(phase, process.argv[process.argv.indexOf('--phase') + 2])));
    return;
  }
  const archive = process.argv.includes('--archive');
  const sizes = (argument('--sizes')?.split(',').map(Number) ?? (archive ? ARCHIVE_DEFAULT_SIZES : DEFAULT_SIZES)).filter((n) => n > 0);
  inChild('corpus', String(WARM_UP_ARTICLES));
  fs.rmSync(folderFor(WARM_UP), { recursive: true, force: true });
  fs.renameSync(folderFor(String(WARM_UP_ARTICLES)), folderFor(WARM_UP));
  if (archive) return archiveBench(sizes);
  const results: SizeFigures[] = [];
  for (const size of sizes) {
    process.stderr.write(`bench: ${size} articles...\n`);
    const corpusBytes = inChild('corpus', String(size)) as number;
    const engine = inChild('engine', String(size)) as EngineFigures;
    const plain = inChild('plain', String(size)) as PlainFigures;
    results.push({ articles: size, corpusBytes, engine, plain });
    fs.rmSync(folderFor(String(size)), { recursive: true, force: true });
  }
  fs.rmSync(folderFor(WARM_UP), { recursive: true, force: true });
  const lexicon = inChild('lexicon', '') as LexiconFigures;
  if (process.argv.includes('--json')) console.log(JSON.stringify({ machine: machine(), sizes: results, lexicon }, null, 2));
  else console.log(`${formatTable(results, machine())}\n${formatLexicon(lexicon)}`);
}

/** The local index past 50,000 articles needs more heap than Node's default; the bench gives it room to compare. */
const LOCAL_HEAP = ['--max-old-space-size=12288'];

function archiveBench(sizes: readonly number[]): void {
  const results: ArchiveSizeFigures[] = [];
  for (const size of sizes) {
    process.stderr.write(`bench: archive of ${size} articles...\n`);
    inChild('corpus', String(size));
    const archiveFigures = inChild('archive', String(size)) as ArchiveSizeFigures['archive'];
    process.stderr.write(`bench: local index of ${size} articles...\n`);
    let local: ArchiveSizeFigures['local'];
    let localSkipped: string | undefined;
    try {
      local = inChild('engine', String(size), LOCAL_HEAP) as ArchiveSizeFigures['local'];
    } catch (error) {
      localSkipped = `not measured (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
    }
    results.push({ articles: size, archive: archiveFigures, local, localSkipped });
    fs.rmSync(folderFor(String(size)), { recursive: true, force: true });
  }
  fs.rmSync(folderFor(WARM_UP), { recursive: true, force: true });
  if (process.argv.includes('--json')) console.log(JSON.stringify({ machine: machine(), archive: results }, null, 2));
  else console.log(formatArchiveTable(results, machine()));
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  process.exit(1);
});
