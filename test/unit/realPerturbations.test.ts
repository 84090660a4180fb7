import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { catchRates, caught, checkPerturbations, perturbationSeed, perturbCorpus, realCorporaDir, type PerturbationOutcome } from './realPerturbations';

const REPO = path.resolve(__dirname, '..', '..', '..');
const TARGET = 0.97;

describe('seeded perturbations of real articles (quotes and figures)', function () {
  this.timeout(240_000);
  const corpora = realCorporaDir(REPO);
  const outcomes: PerturbationOutcome[] = [];

  before(async function () {
    if (!corpora) {
      console.log(`    skipped: no real-news corpora at ${path.join('..', 'shared', 'eval', 'real', 'corpora')} (they sit beside the repo in CI)`);
      this.skip();
    }
    const seed = perturbationSeed();
    for (const dir of fs.readdirSync(corpora!).sort()) {
      const corpusDir = path.join(corpora!, dir);
      outcomes.push(...(await checkPerturbations(corpusDir, perturbCorpus(corpusDir, seed))));
    }
  });

  it(`catches >= ${TARGET} of misquotes, misattributions and changed figures with their own code, and leaves >= ${TARGET} of the originals unflagged, in each quotation style`, () => {
    const rows = catchRates(outcomes);
    assert.ok(rows.some((r) => r.kind === 'misattribution' && r.style === 'single'), 'the generator found no single-quoted misattribution to make');
    const failing = rows.filter((r) => r.right / r.total < TARGET);
    const misses = outcomes.filter((o) => !caught(o) && failing.some((r) => r.kind === o.item.kind && r.style === o.item.style)).slice(0, 12);
    assert.deepEqual(
      failing.map((r) => `${r.kind}/${r.style} ${r.right}/${r.total}`),
      [],
      misses.map((o) => `${o.item.kind}/${o.item.style} (${o.item.change}) got ${o.verdict}: ${o.item.text}\n    ${o.message}`).join('\n'),
    );
  });
});
