// Where the committed format fixtures live, seen from the bundled tests in out/test/unit/.
import * as fs from 'fs';
import * as path from 'path';

export const formatFixtureDir = path.resolve(__dirname, '../../../test/fixtures/formats');

export function readFormatFixture(name: string): Buffer {
  return fs.readFileSync(path.join(formatFixtureDir, name));
}
