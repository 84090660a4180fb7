// extensionTestsPath for the multi-root suite: test/multiroot/newsroom.code-workspace, two
// folders with a corpus each (their own "sourced.corpus").
import { runSuite } from '../runSuite';

export function run(): Promise<void> {
  return runSuite(__dirname, '.check.js');
}
