// Reads what test/integration/runSuite.ts reports (console marker lines and a JSON file) and
// prints one line per test plus the summary line `integration: N passed, N failed`.
const fs = require('fs');

const MARKER = 'SOURCED-TEST ';

function createReporter(label = 'integration') {
  const seen = new Map();
  const problems = [];
  const print = (result) => {
    if (seen.has(result.title + result.state)) return;
    seen.set(result.title + result.state, result);
    const mark = { passed: 'ok  ', failed: 'FAIL', pending: 'skip' }[result.state] || result.state;
    const time = result.durationMs !== undefined ? ` (${result.durationMs} ms)` : '';
    console.log(`  ${mark} ${result.title}${time}`);
    if (result.error) console.log(result.error.replace(/^/gm, '       '));
  };
  return {
    /** Handles one console line; returns true when it was a result marker. */
    consoleLine(text) {
      const at = text.indexOf(MARKER);
      if (at < 0) return false;
      try {
        print(JSON.parse(text.slice(at + MARKER.length)));
      } catch {
        return false;
      }
      return true;
    },
    /** Prints results from the JSON file that were not already seen live. */
    file(resultsFile) {
      JSON.parse(fs.readFileSync(resultsFile, 'utf8')).tests.forEach(print);
    },
    /** Records a problem that kept a suite from reporting (a hang, a crash); it counts as a failure. */
    problem(text) {
      console.log(`  FAIL ${text}`);
      problems.push(text);
    },
    /** Prints the summary of every result seen (live or from the file) and returns the number of failures. */
    summary() {
      const tests = [...seen.values()];
      const passed = tests.filter((t) => t.state === 'passed').length;
      let failed = tests.filter((t) => t.state === 'failed').length + problems.length;
      if (tests.length === 0 && problems.length === 0) {
        console.log('  FAIL no tests ran');
        failed += 1;
      }
      console.log(`${label}: ${passed} passed, ${failed} failed`);
      return failed;
    },
  };
}

module.exports = { createReporter };
