// Every hostile input (scripts/hostile/attacks.ts) costs about linear time in its size: each is run
// at two small sizes several times apart, and the time ratio must stay far below what a quadratic
// step gives. The sizes are small, the bound generous and the time is CPU time (which other
// processes' load barely moves), so a slow or busy machine does not fail it; the absolute targets
// (10 MB in 10 s) live in `npm run bench:hostile`.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { attacks } from '../../scripts/hostile/attacks';
import { runAttack, writeInput } from '../../scripts/hostile/runAttack';

/** Linear growth gives about the size ratio; quadratic gives its square. Three times the ratio allows for noise. */
const SLACK = 3;
/** Times below this are mostly noise; the smaller run is counted as at least this long. */
const FLOOR_MS = 20;

async function fastest(runs: number, run: () => Promise<number>): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < runs; i++) best = Math.min(best, await run());
  return best;
}

describe('hostile inputs grow linearly', function () {
  this.timeout(120_000);
  for (const attack of attacks) {
    it(`${attack.name}: ${attack.description}`, async () => {
      const folders = attack.testSizes.map((size) => {
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-growth-'));
        writeInput(attack, folder, attack.make(size));
        return folder;
      });
      try {
        // In-thread, without the extraction helper's time budget, so a slow step cannot hide behind it.
        const [small, large] = [await fastest(3, async () => (await runAttack(attack, folders[0])).cpuMs), await fastest(2, async () => (await runAttack(attack, folders[1])).cpuMs)];
        const [smallBytes, largeBytes] = attack.testSizes;
        const sizeRatio = largeBytes / smallBytes;
        const timeRatio = large / Math.max(small, FLOOR_MS);
        assert.ok(timeRatio <= SLACK * sizeRatio, `${attack.name}: ${smallBytes} bytes took ${small.toFixed(1)} ms of CPU, ${largeBytes} bytes ${large.toFixed(1)} ms: ${timeRatio.toFixed(1)}x the time for ${sizeRatio.toFixed(1)}x the size`);
      } finally {
        for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
      }
    });
  }
});
