// The seeded quote and figure perturbations of the real articles, as one more set of figures:
// the share of each kind caught with its own code, per quotation style (originals: left unflagged).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { catchRates, caught, checkPerturbations, perturbationSeed, perturbCorpus, realCorporaDir } from '../../test/unit/realPerturbations';
import { ROOT } from './sets';

export async function printPerturbationRates(): Promise<void> {
  const corpora = realCorporaDir(ROOT);
  if (!corpora) {
    console.log('\n== real-article perturbations: skipped (no ../shared/eval/real/corpora beside the repository)');
    return;
  }
  const seed = perturbationSeed();
  const outcomes = [];
  for (const dir of fs.readdirSync(corpora).sort()) {
    const corpusDir = path.join(corpora, dir);
    outcomes.push(...(await checkPerturbations(corpusDir, perturbCorpus(corpusDir, seed))));
  }
  console.log(`\n== real-article perturbations (seed ${seed}): share caught with its own code; originals: share left unflagged`);
  for (const row of catchRates(outcomes)) console.log(`  ${row.kind.padEnd(16)} ${row.style.padEnd(7)} ${(row.right / row.total).toFixed(3)} (${row.right}/${row.total})`);
  const missed = outcomes.filter((o) => !caught(o));
  if (missed.length > 0) console.log('missed:');
  for (const o of missed) console.log(`  ${o.item.kind} (${o.item.style}, ${o.item.change}) got ${o.verdict}: ${o.item.text}\n      ${o.message}`);
}
