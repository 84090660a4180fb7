// `node scripts/vscode/csp-check.js`: opens VS Code in headless Chromium on a workspace whose
// corpus is test/fixtures/hostile, and checks IN THE BROWSER that hostile source text stays
// inert where Sourced renders it:
//   - Related Passages webview: the hostile passage shows as text (no <img>/<script> made from
//     it), and its Content-Security-Policy blocks inline script: an injected `onerror` handler
//     and an inline <script> do not run, and the browser reports CSP violations for them;
//   - hover cards: the rendered card holds no element from source text and no link but
//     Sourced's own "Open source" command links, even for a passage that spells out a forged one.
// Prints one line per check and `csp-check: N passed, N failed`; exits 1 on any failure.
const fs = require('fs');
const os = require('os');
const path = require('path');
const paths = require('./paths');
const { build } = require('./build');
const { cleanupAll, onCleanup } = require('./cleanup');
const { openWorkbench, runCommand, clickLine, hoverLine } = require('./workbench');

const HOSTILE = path.join(paths.repoRoot, 'test', 'fixtures', 'hostile');
// Each line is a claim one hostile source supports, so cards and the view show that source.
const DRAFT = `# Hostile sources

The regional hospital opened a new cancer ward with 36 beds on Friday.

The water company was fined 90 million pounds on Tuesday for releasing raw sewage into rivers on hundreds of occasions.
`;

function workspace() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-csp-'));
  onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.cpSync(HOSTILE, path.join(dir, 'corpus'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'drafts'));
  fs.writeFileSync(path.join(dir, 'drafts', 'hostile.md'), DRAFT);
  return { dir, draft: path.join(dir, 'drafts', 'hostile.md') };
}

async function until(what, probe, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** The webview frame that holds the Related Passages page (VS Code nests it in two iframes). */
async function relatedPassagesFrame(page) {
  return until('the Related Passages webview', async () => {
    for (const frame of page.frames()) {
      if (await frame.$('#results').catch(() => null)) return frame;
    }
    return undefined;
  });
}

/** Injects inline script into the view the way a hostile passage would try to, and reports what ran and what the CSP blocked. */
async function injectInlineScript(frame) {
  return frame.evaluate(async () => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`));
    window.__sourcedInjected = [];
    const results = document.getElementById('results');
    results.insertAdjacentHTML('beforeend', '<img src="x" onerror="window.__sourcedInjected.push(\'onerror\')">');
    results.insertAdjacentHTML('beforeend', '<svg><image href="x" onerror="window.__sourcedInjected.push(\'svg onerror\')"></image></svg>');
    const script = document.createElement('script');
    script.textContent = "window.__sourcedInjected.push('inline script')";
    document.body.appendChild(script);
    const link = document.createElement('a');
    link.href = "javascript:window.__sourcedInjected.push('javascript: link')";
    document.body.appendChild(link);
    link.click();
    await new Promise((r) => setTimeout(r, 1500));
    return { ran: window.__sourcedInjected, violations, csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '' };
  });
}

const checks = [];
function check(name, fn) {
  checks.push({ name, fn });
}

check('Related Passages shows the hostile passage as text, with no element made from it', async ({ page }) => {
  await runCommand(page, 'Sourced: Focus on Related Passages View');
  await clickLine(page, 'cancer');
  const frame = await relatedPassagesFrame(page);
  const text = await until('the hostile passage in the view', async () => {
    const body = await frame.locator('body').innerText();
    return body.includes('onerror') ? body : undefined;
  });
  if (!text.includes(`<img src=x onerror="alert('ward')">`)) throw new Error(`the markup is not shown literally: ${text.slice(0, 300)}`);
  const made = await frame.evaluate(() => [...document.querySelectorAll('#results *')].filter((e) => !['SECTION', 'HEADER', 'H2', 'DIV', 'UL', 'LI', 'P', 'MARK', 'SPAN', 'BUTTON'].includes(e.tagName) || [...e.attributes].some((a) => a.name.startsWith('on'))).map((e) => e.outerHTML.slice(0, 80)));
  if (made.length) throw new Error(`elements made from source text: ${made.join(' | ')}`);
});

check('the webview CSP blocks inline script and handlers, and the browser reports the violations', async ({ page, consoleLines }) => {
  const frame = await relatedPassagesFrame(page);
  const { ran, violations, csp } = await injectInlineScript(frame);
  if (!/script-src 'nonce-/.test(csp) || !/default-src 'none'/.test(csp)) throw new Error(`unexpected CSP: ${csp}`);
  if (ran.length) throw new Error(`inline script ran in the webview: ${ran.join(', ')}`);
  if (violations.filter((v) => /^script-src/.test(v)).length < 2) throw new Error(`expected CSP violation reports for the handlers and the script, got: ${violations.join('; ') || 'none'}`);
  const logged = consoleLines.filter((l) => /Content Security Policy/i.test(l));
  console.log(`       ${violations.length} violation reports (${[...new Set(violations)].join('; ')}); ${logged.length} CSP console messages`);
});

check('control: the same injection does run in a page without that CSP (so the check above can fail)', async ({ page }) => {
  const context = await page.context().browser().newContext();
  try {
    const plain = await context.newPage();
    await plain.setContent('<!DOCTYPE html><body><main id="results"></main></body>');
    const { ran } = await injectInlineScript(plain.mainFrame());
    if (ran.length < 3) throw new Error(`only ${ran.join(', ') || 'nothing'} ran without a CSP`);
    console.log(`       without the CSP: ${ran.join(', ')} ran`);
  } finally {
    await context.close();
  }
});

check('the view page itself runs only its nonce script: no console errors but CSP reports', async ({ consoleLines }) => {
  const errors = consoleLines.filter((l) => /sourced|relatedPassages/i.test(l) && /error|uncaught/i.test(l) && !/Content Security Policy/i.test(l));
  if (errors.length) throw new Error(errors.join('\n'));
});

for (const [word, what] of [['cancer', 'raw HTML in a passage'], ['sewage', 'a passage that spells out a forged "Open source" command link']]) {
  check(`the hover card over a claim backed by ${what} renders no element from it and only Sourced's links`, async ({ page, docIds }) => {
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 5);
    await page.waitForTimeout(300);
    const hover = page.locator('.monaco-hover:visible').first();
    await until(`the hover card over "${word}"`, async () => {
      await hoverLine(page, word, 0.2);
      await hover.waitFor({ state: 'visible', timeout: 4000 });
      return /Sourced/.test(await hover.innerText());
    });
    const card = await hover.evaluate((root) => ({
      text: root.innerText,
      links: [...root.querySelectorAll('a')].map((a) => a.getAttribute('data-href') || a.getAttribute('href') || ''),
      foreign: [...root.querySelectorAll('img, script, iframe, svg image, object, embed, form, input')].map((e) => e.outerHTML.slice(0, 80)),
      handlers: [...root.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${e.tagName} ${a.name}`)),
    }));
    if (!/onerror|command:sourced/.test(card.text)) throw new Error(`the card does not show the hostile passage: ${card.text.slice(0, 300)}`);
    if (card.foreign.length || card.handlers.length) throw new Error(`card elements from source text: ${[...card.foreign, ...card.handlers].join(' | ')}`);
    const links = card.links.filter((href) => href && !href.startsWith('#'));
    if (!links.length) throw new Error('the card has no "Open source" link');
    for (const href of links) {
      const match = /^command:sourced\.openSource\?(.+)$/.exec(href);
      if (!match) throw new Error(`foreign link in the card: ${href}`);
      const args = JSON.parse(decodeURIComponent(match[1]));
      if (!docIds.has(args[1])) throw new Error(`a link opens something that is no indexed source: ${JSON.stringify(args)}`);
    }
    console.log(`       ${links.length} link(s), all sourced.openSource to indexed sources`);
  });
}

async function main() {
  if (!process.argv.includes('--no-build')) build();
  const { dir, draft } = workspace();
  const docIds = new Set(fs.readdirSync(path.join(dir, 'corpus')).map((f) => `corpus/${f}`));
  const { page } = await openWorkbench({ folder: dir, file: draft });
  const consoleLines = [];
  page.on('console', (message) => consoleLines.push(message.text()));
  const status = page.locator('.statusbar-item', { hasText: /Sourced/ }).first();
  await until('the corpus to be indexed', async () => /\d+ sources?/.test(await status.innerText()), 90_000);
  let failed = 0;
  for (const { name, fn } of checks) {
    try {
      await fn({ page, consoleLines, docIds });
      console.log(`  ok   ${name}`);
    } catch (error) {
      failed++;
      console.log(`  FAIL ${name}: ${error.message.split('\n')[0]}`);
      await page.screenshot({ path: path.join(os.tmpdir(), `sourced-csp-FAILED-${checks.findIndex((c) => c.name === name)}.png`) }).catch(() => undefined);
    }
  }
  return failed;
}

main()
  .then(async (failed) => {
    await cleanupAll();
    console.log(`csp-check: ${checks.length - failed} passed, ${failed} failed`);
    process.exit(failed ? 1 : 0);
  })
  .catch(async (error) => {
    console.error(error.message);
    await cleanupAll();
    console.log(`csp-check: 0 passed, ${checks.length} failed`);
    process.exit(1);
  });
