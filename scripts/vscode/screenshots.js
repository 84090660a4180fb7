// `npm run screenshots`: drives VS Code in headless Chromium on sample/ as a person would and
// saves PNGs in docs/images/. Each shot asserts on the text its widget shows, so an empty or
// broken widget fails the run; all shots are attempted, failures are listed at the end.
const fs = require('fs');
const path = require('path');
const paths = require('./paths');
const { build } = require('./build');
const { cleanupAll, onCleanup } = require('./cleanup');
const { openWorkbench, runCommand, hoverLine, clickLine } = require('./workbench');

const sample = path.join(paths.repoRoot, 'sample');
const draft = path.join(sample, 'drafts', 'sample-story.md');
const imagesDir = path.join(paths.repoRoot, 'docs', 'images');
// Pictures of failed shots go outside docs/ so they are never committed or packaged.
const failedDir = path.join(paths.repoRoot, 'out', 'screenshots-failed');

function expectText(what, text, patterns) {
  const missing = patterns.filter((pattern) => !pattern.test(text));
  if (missing.length) {
    throw new Error(`${what} lacks ${missing.join(', ')}; it showed: ${JSON.stringify(text.slice(0, 400))}`);
  }
}

async function visibleText(locator, what, timeout = 20_000) {
  await locator.first().waitFor({ state: 'visible', timeout }).catch(() => {
    throw new Error(`${what} did not appear within ${timeout / 1000} s`);
  });
  return (await locator.first().innerText()).trim();
}

async function closeWidgets(page) {
  await page.keyboard.press('Escape');
  await page.mouse.move(5, 5);
  await page.waitForTimeout(300);
}

/** Polls the text of `locator` until it matches `pattern` (or time runs out) and returns the last text seen. */
async function textUntil(locator, pattern, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  let text = (await locator.first().innerText()).trim();
  while (!pattern.test(text) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    text = (await locator.first().innerText()).trim();
  }
  return text;
}

async function waitForIndex(page) {
  const status = page.locator('.statusbar-item', { hasText: /Sourced/ });
  await visibleText(status, 'the Sourced status bar item', 60_000);
  expectText('the status bar item', await textUntil(status, /\d+ sources?/, 90_000), [/\d+ sources?/]);
}

async function hoverCard(page, lineWord) {
  await closeWidgets(page);
  await hoverLine(page, lineWord);
  const hover = page.locator('.monaco-hover:visible');
  const text = await visibleText(hover, `the hover over the "${lineWord}" line`);
  await page.waitForTimeout(300); // let the card finish laying out before the picture
  return text;
}

const shots = [
  {
    name: 'hover-supported',
    what: 'hover card on a supported sentence',
    async take(page) {
      const text = await hoverCard(page, 'neutral');
      // The card names the verdict and quotes the supporting passage from the corpus.
      expectText('the hover card', text, [/support/i, /neutral player/i]);
    },
  },
  {
    name: 'hover-misquote',
    what: 'hover card on a misquote',
    async take(page) {
      const text = await hoverCard(page, 'tools');
      // The source says "make a difference"; the draft says "make a change".
      expectText('the misquote hover', text, [/misquot|not verbatim|differ/i, /difference/]);
    },
  },
  {
    name: 'quote-completion',
    what: 'quote completion after a quotation mark',
    async take(page) {
      await closeWidgets(page);
      await clickLine(page, 'blunt', 0.99);
      await page.keyboard.press('End');
      await page.keyboard.type('storytelling');
      await page.keyboard.press('Control+Space');
      const text = await visibleText(page.locator('.suggest-widget.visible'), 'the completion list');
      expectText('the completion list', text, [/diplomatic storytelling game/]);
      // A second Ctrl+Space opens the details of the selected quote: speaker, source and passage.
      await page.keyboard.press('Control+Space');
      const details = await visibleText(page.locator('.suggest-details-container .suggest-details'), 'the quote details');
      await page.waitForTimeout(500);
      expectText('the quote details', details, [/Umarov/, /storytelling/]);
      return async () => {
        await page.keyboard.press('Escape');
        for (let i = 0; i < 'storytelling'.length; i += 1) await page.keyboard.press('Backspace');
      };
    },
  },
  {
    name: 'related-passages',
    what: 'Related Passages view beside the draft',
    async take(page) {
      await closeWidgets(page);
      await runCommand(page, 'Sourced: Focus on Related Passages View');
      await clickLine(page, 'neutral');
      const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
      const body = frame.locator('body');
      await body.waitFor({ timeout: 20_000 });
      const text = await textUntil(body, /neutral player/i);
      expectText('the Related Passages view', text, [/neutral player/i, /\.txt|CNN|Carnegie|China/]);
    },
  },
  {
    name: 'problems-panel',
    what: 'Problems panel with Sourced diagnostics',
    async take(page) {
      await closeWidgets(page);
      await runCommand(page, 'Sourced: Check Unsupported Claims');
      await page.keyboard.press('Control+Shift+M');
      const panel = page.locator('.markers-panel');
      await visibleText(panel, 'the Problems panel');
      const text = await textUntil(panel, /misquote/);
      expectText('the Problems panel', text, [/Sourced/, /misquote/, /misattribution/, /number-mismatch/, /unsupported-claim/]);
    },
  },
  {
    name: 'quick-fix',
    what: 'quick fix menu on the misquote',
    async take(page) {
      await closeWidgets(page);
      await clickLine(page, 'tools', 0.4);
      await page.keyboard.press('Control+.');
      const text = await visibleText(page.locator('.action-widget'), 'the quick fix menu');
      await page.waitForTimeout(300);
      expectText('the quick fix menu', text, [/source|replace|wording/i]);
    },
  },
];

/** Puts the sample draft back as it was if driving the UI saved an edit into it. */
function protectDraft() {
  const original = fs.readFileSync(draft, 'utf8');
  onCleanup(() => {
    if (fs.readFileSync(draft, 'utf8') !== original) fs.writeFileSync(draft, original);
  });
}

async function main() {
  build();
  protectDraft();
  fs.mkdirSync(imagesDir, { recursive: true });
  fs.rmSync(failedDir, { recursive: true, force: true });
  fs.mkdirSync(failedDir, { recursive: true });
  const only = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const { page } = await openWorkbench({ folder: sample, file: draft });
  const failures = [];
  let taken = 0;
  try {
    await waitForIndex(page);
  } catch (error) {
    failures.push(`index: ${error.message}`);
  }
  for (const shot of shots.filter((s) => !only.length || only.includes(s.name))) {
    const file = path.join(imagesDir, `${shot.name}.png`);
    try {
      const undo = await shot.take(page);
      await page.screenshot({ path: file });
      taken += 1;
      console.log(`  ok   ${shot.what} -> ${path.relative(paths.repoRoot, file)}`);
      if (undo) await undo();
    } catch (error) {
      const picture = path.join(failedDir, `${shot.name}.png`);
      await page.screenshot({ path: picture }).catch(() => undefined);
      console.log(`  FAIL ${shot.what}: ${error.message.split('\n')[0]} (picture: ${path.relative(paths.repoRoot, picture)})`);
      failures.push(`${shot.name}: ${error.message}`);
    }
  }
  return { taken, failures };
}

main()
  .then(async ({ taken, failures }) => {
    await cleanupAll();
    console.log(`screenshots: ${taken} taken, ${failures.length} failed`);
    process.exit(failures.length ? 1 : 0);
  })
  .catch(async (error) => {
    console.error(error.message);
    await cleanupAll();
    process.exit(1);
  });
