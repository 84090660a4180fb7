// Indexes 100,000 tiny files (generated in a temp folder, removed after) and prints time and
// memory: `node esbuild.js --tests && node --expose-gc out/scripts/hostile/manyFiles.js [COUNT]`.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SourcedEngine } from '../../src/core/engine';

const count = Number(process.argv[2]) || 100_000;

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-many-'));
  try {
    let started = Date.now();
    for (let i = 0; i < count; i++) {
      const folder = path.join(dir, 'corpus', `d${i % 1000}`);
      if (i < 1000) fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(path.join(folder, `n${i}.txt`), `Note ${i} says the ferry left at ${i % 24} o'clock with ${i % 97} passengers.`);
    }
    console.log(`wrote ${count} files in ${Date.now() - started} ms`);
    (globalThis as { gc?: () => void }).gc?.();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
    const engine = new SourcedEngine();
    started = Date.now();
    const report = await engine.loadCorpus({ base: dir, roots: ['corpus'] });
    const loadMs = Date.now() - started;
    clearInterval(sampler);
    const after = process.memoryUsage();
    peakRss = Math.max(peakRss, after.rss); // loading is mostly synchronous work, which the sampler cannot interrupt
    started = Date.now();
    const results = engine.checkDraft('The ferry left at nine o\'clock with 40 passengers.');
    console.log(`indexed ${report.documents} files (${report.passages} passages, ${report.skipped.length} skipped) in ${loadMs} ms`);
    console.log(`memory: rss ${megabytes(before.rss)} -> peak ${megabytes(peakRss)}, rss after ${megabytes(after.rss)}, heap used after ${megabytes(after.heapUsed)} (${(after.heapUsed / report.documents).toFixed(0)} bytes per file)`);
    console.log(`one draft check: ${Date.now() - started} ms (${results.length} statements)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
