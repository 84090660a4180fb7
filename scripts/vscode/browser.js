// Headless Chromium (Debian's package) driven by playwright-core, closed by the cleanup hooks.
const fs = require('fs');
const { chromium } = require('playwright-core');
const paths = require('./paths');
const { onCleanup } = require('./cleanup');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

async function launchBrowser() {
  if (!fs.existsSync(paths.chromiumPath)) {
    throw new Error(`Chromium not found at ${paths.chromiumPath}; install it (apt-get install chromium) or set CHROMIUM_PATH`);
  }
  // Signals are handled by cleanup.js, which also stops the server; Playwright's own handlers
  // would exit the process before that happens.
  const browser = await chromium.launch({
    executablePath: paths.chromiumPath,
    headless: true,
    args: CHROMIUM_ARGS,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const close = onCleanup(() => browser.close().catch(() => undefined));
  return { browser, close };
}

module.exports = { launchBrowser };
