// Runs the integration suites inside a real VS Code: a desktop VS Code through
// @vscode/test-electron when one is given (VSCODE_EXECUTABLE_PATH) or can be downloaded,
// otherwise VS Code's server from code-server driven by headless Chromium.
//   1. development: test/integration/**/*.test.ts with the repo as the development extension.
//   2. vsix: `npm run package`, install the .vsix, run test/integration/vsix/*.check.ts.
// Prints each test and a last line `integration: N passed, N failed`.
//
// Flags: --no-build, --skip-vsix. Environment: SOURCED_VSCODE_RUNNER=server|electron forces a
// runner; SOURCED_TEST_GREP filters tests by title; SOURCED_INTEGRATION_TIMEOUT_MS limits each
// suite (default 10 minutes); SOURCED_VSCODE_VERBOSE=1 echoes the browser console.
const fs = require('fs');
const os = require('os');
const path = require('path');
const paths = require('./paths');
const { build } = require('./build');
const { cleanupAll } = require('./cleanup');
const { createReporter } = require('./results');
const { packageVsix, installVsix } = require('./package-vsix');

const suiteTimeoutMs = Number(process.env.SOURCED_INTEGRATION_TIMEOUT_MS) || 10 * 60_000;
const outTests = path.join(paths.repoRoot, 'out', 'test', 'integration');

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

function tempDir(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  require('./cleanup').onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
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

async function runInDesktop(executable, suite, resultsFile) {
  const { runTests, resolveCliArgsFromVSCodeExecutablePath } = require('@vscode/test-electron');
  const launchArgs = [suite.folder, '--user-data-dir', tempDir('sourced-desktop-')];
  if (suite.vsix) {
    const extensionsDir = tempDir('sourced-extensions-');
    installVsix(suite.vsix, extensionsDir, resolveCliArgsFromVSCodeExecutablePath(executable));
    launchArgs.push('--extensions-dir', extensionsDir);
  } else {
    launchArgs.push('--disable-extensions');
  }
  try {
    await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: suite.developmentPath,
      extensionTestsPath: suite.testsEntry,
      extensionTestsEnv: { SOURCED_TEST_RESULTS: resultsFile },
      launchArgs,
    });
  } catch (error) {
    // Failures are in the results file; only a run that wrote none is a problem of its own.
    if (!fs.existsSync(resultsFile)) return `VS Code exited without results: ${error.message}`;
  }
  return undefined;
}

async function runInBrowser(suite, resultsFile, reporter) {
  const { startServer, remoteUri, workbenchUrl, tail } = require('./server');
  const { launchBrowser } = require('./browser');
  let extensionsDir;
  if (suite.vsix) {
    extensionsDir = tempDir('sourced-extensions-');
    installVsix(suite.vsix, extensionsDir);
  }
  const server = await startServer({ extensionsDir, env: { ...process.env, SOURCED_TEST_RESULTS: resultsFile } });
  let crashed;
  const { browser } = await launchBrowser();
  const page = await browser.newPage();
  const verbose = process.env.SOURCED_VSCODE_VERBOSE === '1';
  page.on('console', (message) => {
    const text = message.text();
    if (!reporter.consoleLine(text) && verbose) console.log(`  [browser] ${text}`);
  });
  page.on('crash', () => (crashed = 'the browser page crashed'));
  await page.goto(
    workbenchUrl(server, suite.folder, [
      ['extensionDevelopmentPath', remoteUri(server, suite.developmentPath)],
      ['extensionTestsPath', remoteUri(server, suite.testsEntry)],
    ]),
  );
  const problem = await waitForFile(resultsFile, () => crashed, suiteTimeoutMs);
  if (problem) console.log(`  last lines of the server log:\n${tail(server.logFile, 20)}`);
  return problem;
}

/** Runs one suite and returns a problem that kept it from reporting (hang, crash), if any. */
async function runSuite(suite, executable, reporter) {
  console.log(`\n${suite.name}:`);
  const resultsFile = path.join(tempDir('sourced-results-'), 'results.json');
  const started = Date.now();
  let timer;
  const hang = new Promise((resolve) => (timer = setTimeout(() => resolve(`time limit of ${suiteTimeoutMs / 1000} s reached`), suiteTimeoutMs + 30_000)));
  let problem;
  try {
    const run = executable ? runInDesktop(executable, suite, resultsFile) : runInBrowser(suite, resultsFile, reporter);
    problem = await Promise.race([run, hang]);
  } catch (error) {
    problem = error.message;
  } finally {
    clearTimeout(timer);
    if (fs.existsSync(resultsFile)) reporter.file(resultsFile);
    await cleanupAll();
  }
  if (problem) reporter.problem(`${suite.name}: ${problem}`);
  console.log(`  (${suite.name} took ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

async function main() {
  const started = Date.now();
  if (!process.argv.includes('--no-build')) build('--tests');
  const reporter = createReporter();
  const executable = await desktopVsCode();
  if (!executable) require('./install').ensureVsCodeServer();
  console.log(`Integration tests in ${executable ? `desktop VS Code (${executable})` : 'VS Code server + headless Chromium'}`);
  await runSuite(
    {
      name: 'development extension (test/integration/**/*.test.ts)',
      folder: path.join(paths.repoRoot, 'test', 'workspace'),
      developmentPath: paths.repoRoot,
      testsEntry: path.join(outTests, 'index.js'),
    },
    executable,
    reporter,
  );
  await runSuite(
    {
      name: 'multi-root workspace (test/integration/multiroot/*.check.ts)',
      folder: path.join(paths.repoRoot, 'test', 'multiroot', 'newsroom.code-workspace'),
      developmentPath: paths.repoRoot,
      testsEntry: path.join(outTests, 'multiroot', 'index.js'),
    },
    executable,
    reporter,
  );
  if (!process.argv.includes('--skip-vsix')) {
    let vsix;
    try {
      vsix = packageVsix(path.join(tempDir('sourced-vsix-'), 'sourced.vsix'));
    } catch (error) {
      reporter.problem(`packaging the .vsix: ${error.message}`);
    }
    if (vsix) {
      await runSuite(
        {
          name: `installed .vsix (${(fs.statSync(vsix).size / 1e6).toFixed(1)} MB; test/integration/vsix/*.check.ts)`,
          folder: path.join(paths.repoRoot, 'sample'),
          developmentPath: path.join(__dirname, 'vsix-probe'),
          testsEntry: path.join(outTests, 'vsix', 'index.js'),
          vsix,
        },
        executable,
        reporter,
      );
    }
    // `npm run package` left the production build in dist/; put the development build back.
    build();
  }
  await cleanupAll();
  console.log(`\nintegration tests took ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
  return reporter.summary();
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
