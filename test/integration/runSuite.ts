// Runs the mocha tests built into one folder inside the extension host and reports each result
// both as console marker lines (live progress) and as a JSON file the outer runner reads
// (scripts/vscode/results.js parses both).
import * as fs from 'fs';
import * as path from 'path';
import type MochaType from 'mocha';

// mocha 12's package root is an ES module; lib/mocha.cjs is its CommonJS build.
const Mocha: typeof MochaType = require('mocha/lib/mocha.cjs');

/** Prefix of the console lines the outer runner parses; keep in sync with scripts/vscode/results.js. */
const MARKER = 'SOURCED-TEST ';

export interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

function testFiles(dir: string, suffix: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(full, suffix);
    return entry.name.endsWith(suffix) ? [full] : [];
  });
}

function writeResults(tests: TestResult[], error?: string): void {
  const file = process.env.SOURCED_TEST_RESULTS;
  if (file) fs.writeFileSync(file, JSON.stringify({ tests, error }, null, 2));
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? error.message;
  return String(error);
}

/** Runs every file under `dir` whose name ends with `suffix`; rejects when any test fails. */
export async function runSuite(dir: string, suffix: string): Promise<void> {
  const tests: TestResult[] = [];
  const record = (result: TestResult) => {
    tests.push(result);
    console.log(MARKER + JSON.stringify(result));
  };
  try {
    const mocha = new Mocha({ ui: 'bdd', color: false, timeout: Number(process.env.SOURCED_TEST_TIMEOUT_MS) || 30_000 });
    const grep = process.env.SOURCED_TEST_GREP;
    if (grep) mocha.grep(grep);
    for (const file of testFiles(dir, suffix).sort()) mocha.addFile(file);
    const failures = await new Promise<number>((resolve) => {
      const runner = mocha.run(resolve);
      runner.on('pass', (test) => record({ title: test.fullTitle(), state: 'passed', durationMs: test.duration }));
      runner.on('fail', (test, error) => record({ title: test.fullTitle(), state: 'failed', error: describeError(error) }));
      runner.on('pending', (test) => record({ title: test.fullTitle(), state: 'pending' }));
    });
    writeResults(tests);
    if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
  } catch (error) {
    // A suite that cannot even load must still reach the outer runner as a failure.
    if (!tests.some((t) => t.state === 'failed')) {
      record({ title: 'integration suite', state: 'failed', error: describeError(error) });
      writeResults(tests, describeError(error));
    }
    throw error;
  }
}
