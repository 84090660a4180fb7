// `npm run bench [-- --json] [-- --sizes 10,1000]`: builds the Brown-corpus archives and measures
// Sourced and plain minisearch on each. Every size runs in its own Node process, so one size's
// garbage never counts in another's memory figures.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SourcedEngine } from '../../src/core/engine';
import { createBenchCorpus, plainPassages, SentenceSource, twelveWordQueries } from './benchCorpus';
import { measureEngine } from './engineSteps';
import { measurePlainMinisearch } from './plainMinisearch';
import { formatTable, type SizeFigures } from './report';

const DEFAULT_SIZES = [10, 1000, 10000];
/** Plain minisearch takes ~0.6 s a query (1.2 s fuzzy) at 10,000 articles: enough samples for a median. */
const PLAIN_QUERIES = 10;
const FUZZY_QUERIES = 3;
const WARM_UP_ARTICLES = 10;

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const makeEngine = (cacheDir: string) => new SourcedEngine({ cacheDir });

async function measureSize(articles: number, source: SentenceSource): Promise<SizeFigures> {
  const folder = path.join(os.tmpdir(), 'sourced-bench', String(articles));
  const corpus = createBenchCorpus(folder, articles, source);
  const engine = await measureEngine(corpus, makeEngine);
  const queries = twelveWordQueries(corpus.statements);
  const plain = await measurePlainMinisearch(() => plainPassages(corpus), queries.slice(0, PLAIN_QUERIES), queries.slice(0, FUZZY_QUERIES));
  fs.rmSync(folder, { recursive: true, force: true });
  return { articles, corpusBytes: corpus.bytes, engine, plain };
}

/** Runs every step once on a tiny archive, so compiling the code (JIT) never counts as indexing or query time. */
async function warmUp(source: SentenceSource): Promise<void> {
  const folder = path.join(os.tmpdir(), 'sourced-bench', 'warm-up');
  const corpus = createBenchCorpus(folder, WARM_UP_ARTICLES, source);
  await measureEngine(corpus, makeEngine);
  const queries = twelveWordQueries(corpus.statements);
  await measurePlainMinisearch(() => plainPassages(corpus), queries, queries);
  fs.rmSync(folder, { recursive: true, force: true });
}

function machine(): string {
  return `${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.versions.node}, ${Math.round(os.totalmem() / 2 ** 30)} GB`;
}

async function main(): Promise<void> {
  const child = argument('--child');
  if (child) {
    const source = new SentenceSource();
    await warmUp(source);
    process.stdout.write(JSON.stringify(await measureSize(Number(child), source)));
    return;
  }
  const sizes = (argument('--sizes')?.split(',').map(Number) ?? DEFAULT_SIZES).filter((n) => n > 0);
  const results: SizeFigures[] = [];
  for (const size of sizes) {
    process.stderr.write(`bench: ${size} articles...\n`);
    const output = execFileSync(process.execPath, ['--expose-gc', __filename, '--child', String(size)], { maxBuffer: 16 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] });
    results.push(JSON.parse(output.toString('utf8')) as SizeFigures);
  }
  if (process.argv.includes('--json')) console.log(JSON.stringify({ machine: machine(), sizes: results }, null, 2));
  else console.log(formatTable(results, machine()));
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  process.exit(1);
});
