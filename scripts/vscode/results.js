// Reads what test/integration/index.ts reports (console marker lines and a JSON file) and
// prints one line per test plus the summary line `integration: N passed, N failed`.
const fs = require('fs');

const MARKER = 'SOURCED-TEST ';

function createReporter(label = 'integration') {
  const seen = new Map();
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
    /**
     * Prints the summary of every result seen (live or from the file) and returns the number
     * of failures; a run problem (hang, crash) or a run without tests counts as one more.
     */
    summary(problem) {
      const tests = [...seen.values()];
      const passed = tests.filter((t) => t.state === 'passed').length;
      let failed = tests.filter((t) => t.state === 'failed').length;
      if (problem) {
        console.log(`  FAIL ${problem}`);
        failed += 1;
      } else if (tests.length === 0) {
        console.log('  FAIL no tests ran');
        failed += 1;
      }
      console.log(`${label}: ${passed} passed, ${failed} failed`);
      return failed;
    },
  };
}

module.exports = { createReporter };
