// Runs test/integration inside a real VS Code: a desktop VS Code through @vscode/test-electron
// when one is given (VSCODE_EXECUTABLE_PATH) or can be downloaded, otherwise VS Code's server
// from code-server driven by headless Chromium. Prints each test and `integration: N passed, N failed`.
//
// Environment: SOURCED_VSCODE_RUNNER=server|electron forces a runner; SOURCED_TEST_GREP filters
// tests by title; SOURCED_INTEGRATION_TIMEOUT_MS is the overall limit (default 15 minutes);
// SOURCED_VSCODE_VERBOSE=1 echoes the browser console.
const fs = require('fs');
const os = require('os');
const path = require('path');
const paths = require('./paths');
const { build } = require('./build');
const { cleanupAll } = require('./cleanup');
const { createReporter } = require('./results');

const workspace = path.join(paths.repoRoot, 'test', 'workspace');
const testsEntry = path.join(paths.repoRoot, 'out', 'test', 'integration', 'index.js');
const overallTimeoutMs = Number(process.env.SOURCED_INTEGRATION_TIMEOUT_MS) || 15 * 60_000;

/** A desktop VS Code to run in, or undefined to use the server. */
async function desktopVsCode() {
  const forced = process.env.SOURCED_VSCODE_RUNNER;
  if (process.env.VSCODE_EXECUTABLE_PATH) return process.env.VSCODE_EXECUTABLE_PATH;
  if (forced === 'server') return undefined;
  if (forced !== 'electron' && process.platform === 'linux' && !process.env.DISPLAY) {
    console.log('No display: using the VS Code server in headless Chromium.');
    return undefined;
  }
  try {
    const { downloadAndUnzipVSCode } = require('@vscode/test-electron');
    return await downloadAndUnzipVSCode({ version: 'stable', timeout: 15_000 });
  } catch (error) {
    console.log(`Desktop VS Code download failed (${error.message.split('\n')[0]}); using the VS Code server in headless Chromium.`);
    return undefined;
  }
}

async function runInDesktop(executable, resultsFile) {
  const { runTests } = require('@vscode/test-electron');
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-desktop-'));
  try {
    await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: paths.repoRoot,
      extensionTestsPath: testsEntry,
      extensionTestsEnv: { SOURCED_TEST_RESULTS: resultsFile },
      launchArgs: [workspace, '--disable-extensions', '--user-data-dir', userData],
    });
  } catch (error) {
    // Failures are in the results file; only a run that wrote none is a problem of its own.
    if (!fs.existsSync(resultsFile)) return `VS Code exited without results: ${error.message}`;
  } finally {
    fs.rmSync(userData, { recursive: true, force: true });
  }
  return undefined;
}

async function waitForFile(file, isDead, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(file)) {
    const dead = isDead();
    if (dead) return dead;
    if (Date.now() > deadline) return `no results after ${Math.round(timeoutMs / 1000)} s: the suite hung (raise SOURCED_INTEGRATION_TIMEOUT_MS if it is just slow)`;
    await new Promise((r) => setTimeout(r, 250));
  }
  // The file is written in one call; a short pause avoids reading it half-flushed.
  await new Promise((r) => setTimeout(r, 200));
  return undefined;
}

async function runInBrowser(resultsFile, reporter, timeoutMs) {
  const { ensureVsCodeServer } = require('./install');
  const { startServer, remoteUri, workbenchUrl } = require('./server');
  const { launchBrowser } = require('./browser');
  ensureVsCodeServer();
  const server = await startServer({ env: { ...process.env, SOURCED_TEST_RESULTS: resultsFile } });
  let serverGone;
  const { browser } = await launchBrowser();
  const page = await browser.newPage();
  const verbose = process.env.SOURCED_VSCODE_VERBOSE === '1';
  page.on('console', (message) => {
    const text = message.text();
    if (!reporter.consoleLine(text) && verbose) console.log(`  [browser] ${text}`);
  });
  page.on('crash', () => (serverGone = 'the browser page crashed'));
  const url = workbenchUrl(server, workspace, [
    ['extensionDevelopmentPath', remoteUri(server, paths.repoRoot)],
    ['extensionTestsPath', remoteUri(server, testsEntry)],
  ]);
  await page.goto(url);
  const problem = await waitForFile(resultsFile, () => serverGone, timeoutMs);
  if (problem) console.log(`  server log: ${server.logFile}`);
  return problem;
}

async function main() {
  const started = Date.now();
  if (!process.argv.includes('--no-build')) build('--tests');
  if (!fs.existsSync(testsEntry)) throw new Error(`${testsEntry} missing: the build did not produce the integration suite`);
  const resultsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-results-')), 'results.json');
  const reporter = createReporter();
  const executable = await desktopVsCode();
  console.log(`Integration tests in ${executable ? `desktop VS Code (${executable})` : 'VS Code server + headless Chromium'}:`);
  const testsStarted = Date.now();
  const run = executable ? runInDesktop(executable, resultsFile) : runInBrowser(resultsFile, reporter, overallTimeoutMs);
  let problem;
  let timer;
  const hang = new Promise((resolve) => (timer = setTimeout(() => resolve(`overall time limit of ${overallTimeoutMs / 1000} s reached`), overallTimeoutMs)));
  try {
    problem = await Promise.race([run, hang]);
  } catch (error) {
    problem = error.message;
  } finally {
    clearTimeout(timer);
    await cleanupAll();
  }
  if (fs.existsSync(resultsFile)) reporter.file(resultsFile);
  fs.rmSync(path.dirname(resultsFile), { recursive: true, force: true });
  console.log(`integration suite took ${((Date.now() - testsStarted) / 1000).toFixed(1)} s (${((Date.now() - started) / 1000).toFixed(1)} s with build and setup)`);
  return reporter.summary(problem);
}

main().then(
  (failed) => process.exit(failed ? 1 : 0),
  async (error) => {
    console.error(error.message);
    await cleanupAll();
    console.log('integration: 0 passed, 1 failed');
    process.exit(1);
  },
);
