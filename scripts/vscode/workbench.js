// Starts VS Code's server and opens the browser workbench on a folder and file with Sourced
// loaded from the repo in development mode, ready for Playwright to drive.
const paths = require('./paths');
const { ensureVsCodeServer } = require('./install');
const { startServer, remoteUri, workbenchUrl } = require('./server');
const { launchBrowser } = require('./browser');

/** Opens `folder` with `file` in an editor, the repo loaded as the development extension. */
async function openWorkbench({ folder, file }) {
  ensureVsCodeServer();
  const server = await startServer();
  const payload = [
    ['extensionDevelopmentPath', remoteUri(server, paths.repoRoot)],
    ['skipWelcome', 'true'],
    ['openFile', remoteUri(server, file)],
  ];
  const { browser } = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  await page.goto(workbenchUrl(server, folder, payload));
  await page.locator('.monaco-editor .view-line').first().waitFor({ timeout: 60_000 });
  await hideChat(page);
  return { server, browser, page };
}

/** Closes the Chat side bar the workbench opens on the right, so pictures show the extension. */
async function hideChat(page) {
  const chat = page.locator('.part.auxiliarybar');
  if (!(await chat.isVisible().catch(() => false))) return;
  await runCommand(page, 'View: Hide Secondary Side Bar').catch(() => page.keyboard.press('Escape'));
}

/** Runs a command by its title through the command palette (F1). */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

/** The editor line whose text contains `text` (a single word is safest: Monaco may render spaces as nbsp). */
function editorLine(page, text) {
  return page.locator('.monaco-editor .view-line', { hasText: text }).first();
}

/** Moves the mouse over the text of an editor line, `fraction` of the way along it. */
async function hoverLine(page, text, fraction = 0.3) {
  const span = editorLine(page, text).locator('span').first();
  const box = await span.boundingBox();
  if (!box) throw new Error(`no editor line contains "${text}"`);
  await page.mouse.move(box.x + box.width * fraction, box.y + box.height / 2);
}

/** Puts the cursor on an editor line (clicking its text, `fraction` along it). */
async function clickLine(page, text, fraction = 0.3) {
  const span = editorLine(page, text).locator('span').first();
  const box = await span.boundingBox();
  if (!box) throw new Error(`no editor line contains "${text}"`);
  await page.mouse.click(box.x + box.width * fraction, box.y + box.height / 2);
}

module.exports = { openWorkbench, runCommand, editorLine, hoverLine, clickLine, hideChat };
