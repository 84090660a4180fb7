// `npm test` (and `.ci/run`): runs every check and suite, each even when an earlier one failed,
// shows their output, then a table per step and one last line `N passed, N failed`; exits 1 if
// anything failed. Typecheck and lint count as one check each; a suite counts its tests, and a
// suite that fails without reporting a failed test (a crash, a build error) counts as one failure.
// `node scripts/run-tests.js unit lint` runs only the named steps.
const { spawn } = require('child_process');
const path = require('path');

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const repoRoot = path.resolve(__dirname, '..');

/** Each step: the npm script it runs and how to read its counts (the last match wins). */
const STEPS = [
  { name: 'typecheck', script: 'typecheck' },
  { name: 'lint', script: 'lint' },
  { name: 'unit', script: 'test:unit', passed: /^ *(\d+) passing/gm, failed: /^ *(\d+) failing/gm },
  { name: 'integration', script: 'test:integration', passed: /^integration: (\d+) passed/gm, failed: /^integration: \d+ passed, (\d+) failed$/gm },
  { name: 'browser', script: 'test:browser', passed: /^csp-check: (\d+) passed/gm, failed: /^csp-check: \d+ passed, (\d+) failed$/gm },
];

function lastCount(pattern, output) {
  const matches = [...output.matchAll(pattern)];
  return matches.length ? Number(matches[matches.length - 1][1]) : 0;
}

/** Runs `npm run <script>`, echoing its output as it comes; resolves to the exit code and the output. */
function runScript(script) {
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', script], { cwd: repoRoot, stdio: ['inherit', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
      process.stderr.write(chunk);
    });
    child.on('error', (error) => resolve({ status: 1, output: `${output}\n${error.message}` }));
    child.on('close', (status) => resolve({ status: status ?? 1, output }));
  });
}

/** Passed and failed counts of one finished step. */
function countStep(step, { status, output }) {
  if (!step.passed) return status === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
  const passed = lastCount(step.passed, output);
  const failed = lastCount(step.failed, output);
  return { passed, failed: status !== 0 && failed === 0 ? 1 : failed };
}

async function main() {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !STEPS.some((step) => step.name === name));
  if (unknown.length) {
    console.error(`unknown step ${unknown.join(', ')}: choose from ${STEPS.map((s) => s.name).join(', ')}`);
    return 2;
  }
  const steps = wanted.length ? STEPS.filter((step) => wanted.includes(step.name)) : STEPS;
  const rows = [];
  for (const step of steps) {
    console.log(`\n== ${step.name} (npm run ${step.script})`);
    const started = Date.now();
    const counts = countStep(step, await runScript(step.script));
    rows.push({ name: step.name, ...counts, seconds: Math.round((Date.now() - started) / 1000) });
  }
  const total = rows.reduce((sum, row) => ({ passed: sum.passed + row.passed, failed: sum.failed + row.failed }), { passed: 0, failed: 0 });
  console.log('\nstep          passed  failed  time');
  for (const row of rows) {
    console.log(`${row.name.padEnd(12)} ${String(row.passed).padStart(7)} ${String(row.failed).padStart(7)}  ${row.seconds} s${row.failed ? '  FAILED' : ''}`);
  }
  console.log(`${total.passed} passed, ${total.failed} failed`);
  return total.failed ? 1 : 0;
}

main().then((code) => process.exit(code));
