import assert from 'node:assert/strict';
import { formatFixtures } from '../../scripts/fixtures/formatFixtures';
import { readFormatFixture } from './formatsFixtures';

describe('formats: committed fixtures', () => {
  it('are exactly what scripts/fixtures generates (regenerate with out/scripts/fixtures/generateFormatFixtures.js)', () => {
    for (const [name, contents] of Object.entries(formatFixtures())) {
      assert.ok(readFormatFixture(name).equals(Buffer.from(contents)), `${name} is stale`);
    }
  });
});
