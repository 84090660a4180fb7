// `npm run screenshots`: drives VS Code in headless Chromium on sample/ as a person would and
// saves PNGs in docs/images/. Each shot asserts on the text its widget shows, so an empty or
// broken widget fails the run; all shots are attempted, failures are listed at the end.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const paths = require('./paths');
const { build } = require('./build');
const { cleanupAll, onCleanup } = require('./cleanup');
const { openWorkbench, runCommand, hoverLine, clickLine, hideChat } = require('./workbench');

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
  // Some commands open the Chat side bar again; it would squeeze the draft in the pictures.
  await hideChat(page);
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

/** Waits until the command palette has faded out, so it is not in the picture. */
async function paletteGone(page) {
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.waitForTimeout(500);
}

/** Hides the bottom panel (left open by the Problems shot) so a picture shows the draft and the sidebar. */
async function hidePanel(page) {
  if (await page.locator('.part.panel').isVisible().catch(() => false)) await runCommand(page, 'View: Hide Panel');
}

/** Brings the sample draft to the front (Quick Open), opening it again if it was closed. */
async function reopenDraft(page) {
  // F1 reaches the workbench from anywhere (also from inside a webview); without ">" it opens files.
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill(path.basename(draft));
  await page.locator('.quick-input-list .monaco-list-row', { hasText: path.basename(draft) }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-line', { hasText: 'neutral' }).first().waitFor({ timeout: 10_000 });
}

/** The page inside the Related Passages webview. */
function relatedPassagesFrame(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

async function showRelatedPassagesFor(page, lineWord) {
  await closeWidgets(page);
  await runCommand(page, 'Sourced: Focus on Related Passages View');
  await clickLine(page, lineWord);
  const body = relatedPassagesFrame(page).locator('body');
  await body.waitFor({ timeout: 20_000 });
  const text = await textUntil(body, /neutral player/i);
  await paletteGone(page);
  return text;
}

/**
 * Sets workbench.colorTheme in the user settings of the browser workbench's profile, as a user
 * would in Preferences: Open User Settings (JSON), and waits until the workbench has switched.
 */
async function useTheme(page, theme, workbenchClass) {
  await closeWidgets(page);
  await hidePanel(page);
  await runCommand(page, 'Preferences: Open User Settings (JSON)');
  await page.locator('.tabs-container .tab.active', { hasText: 'settings.json' }).waitFor({ timeout: 10_000 });
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+Shift+End');
  await page.keyboard.press('Delete');
  // One line typed as a paste: the JSON editor adds no closing quotes, braces or indentation of its own.
  await page.keyboard.insertText(JSON.stringify({ 'workbench.colorTheme': theme }));
  await page.keyboard.press('Control+S');
  await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: 10_000 });
  await page.locator(`.monaco-workbench.${workbenchClass}`).waitFor({ timeout: 15_000 }).catch(() => {
    throw new Error(`the workbench did not switch to the theme "${theme}" (no .${workbenchClass})`);
  });
  // A middle click closes a tab, as in any VS Code.
  await page.locator('.tabs-container .tab.active', { hasText: 'settings.json' }).click({ button: 'middle' });
  await reopenDraft(page);
  await page.waitForTimeout(800);
}

/** The element focused inside the Related Passages webview, described for assertions. */
async function focusedInView(page) {
  const frame = relatedPassagesFrame(page);
  return frame.locator('body').evaluate(() => {
    const el = document.activeElement;
    const style = el ? getComputedStyle(el) : undefined;
    const focusBorder = getComputedStyle(document.documentElement).getPropertyValue('--vscode-focusBorder').trim();
    return {
      tag: el ? el.tagName.toLowerCase() : '',
      id: el ? el.id : '',
      label: el ? (el.textContent || '').trim() : '',
      outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : '',
      outlineColor: style ? style.outlineColor : '',
      focusBorder,
    };
  });
}

function expectVisibleFocus(focused) {
  if (/^none|0px$/.test(focused.outline) || / 0px$/.test(focused.outline)) {
    throw new Error(`the focused ${focused.tag} "${focused.label || focused.id}" has no visible outline (${focused.outline})`);
  }
}

/** Hover and Related Passages shots under one theme. */
function themeShots(theme, slug, workbenchClass) {
  return [
    {
      name: `related-passages-${slug}`,
      what: `Related Passages view in ${theme}`,
      async take(page) {
        await useTheme(page, theme, workbenchClass);
        const text = await showRelatedPassagesFor(page, 'neutral');
        expectText('the Related Passages view', text, [/neutral player/i, /Open/, /Insert as quote/]);
      },
    },
    {
      name: `hover-supported-${slug}`,
      what: `hover card in ${theme}`,
      async take(page) {
        const text = await hoverCard(page, 'neutral');
        expectText('the hover card', text, [/support/i, /neutral player/i]);
      },
    },
  ];
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
    name: 'hover-two-sentences',
    what: 'hover card on a sentence two sentences of one source support together',
    async take(page) {
      const text = await hoverCard(page, 'medal');
      // The envoy's title is in one sentence of the source, the medal in the next ("He is a former ...").
      expectText('the two-sentence hover', text, [/2 sentences|support/i, /special representative/i, /friendship medal/i]);
    },
  },
  {
    name: 'hover-paraphrase',
    what: 'hover card on a paraphrase, with the pairs matched by meaning',
    async take(page) {
      const text = await hoverCard(page, 'dismissed');
      expectText('the paraphrase hover', text, [/Matched by meaning/, /dismissed ≈ rejected/]);
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
      // Typing after the mark already there opens the list by itself (Ctrl+Space would too).
      await page.keyboard.type('storytelling');
      const text = await visibleText(page.locator('.suggest-widget.visible'), 'the completion list');
      expectText('the completion list', text, [/diplomatic storytelling game/]);
      // Ctrl+Space on the open list shows the details of the selected quote: speaker, source and passage.
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
      const text = await showRelatedPassagesFor(page, 'neutral');
      expectText('the Related Passages view', text, [/neutral player/i, /\.txt|CNN|Carnegie|China/]);
    },
  },
  {
    name: 'related-passages-keyboard',
    what: 'Related Passages view driven by the keyboard (Tab, Enter)',
    async take(page) {
      await showRelatedPassagesFor(page, 'neutral');
      await runCommand(page, 'Sourced: Focus on Related Passages View');
      await page.waitForTimeout(500);
      // Tab from the top of the view reaches the search box first.
      let focused = await focusedInView(page);
      for (let i = 0; i < 3 && focused.id !== 'query'; i += 1) {
        await page.keyboard.press('Tab');
        focused = await focusedInView(page);
      }
      if (focused.id !== 'query') throw new Error(`Tab did not reach the search box (focus on ${focused.tag} "${focused.label}")`);
      expectVisibleFocus(focused);
      await page.keyboard.type('Lukashenko');
      await page.keyboard.press('Enter');
      const body = relatedPassagesFrame(page).locator('body');
      expectText('the search result', await textUntil(body, /Search: Lukashenko/), [/Search: Lukashenko/, /Lukashenko/]);
      // Then each passage's buttons, in order, each with a visible focus outline.
      const labels = [];
      for (const expected of ['Open', 'Insert as quote', 'Copy citation']) {
        await page.keyboard.press('Tab');
        focused = await focusedInView(page);
        labels.push(focused.label);
        if (focused.tag !== 'button' || focused.label !== expected) throw new Error(`Tab reached ${focused.tag} "${focused.label}", expected the "${expected}" button (so far: ${labels.join(', ')})`);
        expectVisibleFocus(focused);
      }
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Shift+Tab');
      focused = await focusedInView(page);
      if (focused.label !== 'Open') throw new Error(`Shift+Tab reached "${focused.label}", expected "Open"`);
      await page.waitForTimeout(300);
      return async () => {
        // Enter on "Open" opens the source beside the draft, read-only, as a click would.
        await page.keyboard.press('Enter');
        await page.locator('.tabs-container .tab', { hasText: '.txt' }).first().waitFor({ timeout: 10_000 }).catch(() => {
          throw new Error('Enter on the "Open" button opened no source tab');
        });
        await page.locator('.tabs-container .tab', { hasText: '.txt' }).first().click({ button: 'middle' });
        await page.locator('.tabs-container .tab', { hasText: '.txt' }).first().waitFor({ state: 'detached', timeout: 10_000 });
        await reopenDraft(page);
      };
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
    name: 'hover-with-problems',
    what: 'hover card on a misquote with the Problems panel open',
    async take(page) {
      // The Problems panel is still open from the shot before: the editor is half as tall.
      if (!(await page.locator('.markers-panel').isVisible().catch(() => false))) await page.keyboard.press('Control+Shift+M');
      const text = await hoverCard(page, 'tools');
      // VS Code shows the Problems message once; Sourced's card adds the evidence below it.
      expectText('the hover with the Problems panel open', text, [/Misquote: the source says/, /Sourced · source wording/, /Open source/]);
      const repeated = text.split('Misquote: the source says').length - 1;
      if (repeated !== 1) throw new Error(`the hover says the Problems message ${repeated} times`);
      const hover = page.locator('.monaco-hover:visible').first();
      // A hover that scrolls shows a vertical slider shorter than its track.
      const scrolls = await hover.evaluate((el) => {
        const track = el.querySelector('.scrollbar.vertical');
        const slider = track?.querySelector('.slider');
        const height = (e) => (e ? e.getBoundingClientRect().height : 0);
        return height(slider) > 0 && height(slider) < height(track) - 2;
      });
      if (scrolls) throw new Error('the hover card scrolls with the Problems panel open');
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
  // Theme ids as this VS Code names them in workbench.colorTheme ("Default Light Modern" before 1.10x).
  ...themeShots('Dark Modern', 'dark', 'vs-dark'),
  ...themeShots('Default High Contrast', 'high-contrast', 'hc-black'),
  ...themeShots('Light Modern', 'light', 'vs'),
  {
    name: 'related-passages-no-draft',
    what: 'Related Passages view with no draft open',
    async take(page) {
      await closeWidgets(page);
      await hidePanel(page);
      await runCommand(page, 'View: Close All Editors');
      await runCommand(page, 'Sourced: Focus on Related Passages View');
      const body = relatedPassagesFrame(page).locator('body');
      const text = await textUntil(body, /Open a Markdown draft/);
      await paletteGone(page);
      expectText('the Related Passages view with no draft', text, [/Open a Markdown draft/, /search the sources/]);
      return () => reopenDraft(page);
    },
  },
  {
    name: 'html-report',
    what: 'the HTML report of `sourced check --format html` in a browser',
    async capture(page, file) {
      const report = path.join(failedDir, 'sample-report.html');
      const cli = spawnSync(process.execPath, [path.join(paths.repoRoot, 'dist', 'cli.js'), 'check', '--corpus', '../corpus', '--format', 'html', 'drafts'], { cwd: sample, encoding: 'utf8' });
      if (cli.status !== 1) throw new Error(`sourced check exited ${cli.status}: ${cli.stderr}`);
      fs.writeFileSync(report, cli.stdout);
      const context = await page.context().browser().newContext({ viewport: { width: 1280, height: 1000 } });
      const reader = await context.newPage();
      try {
        await reader.goto(`file://${report}`);
        expectText('the HTML report', await reader.locator('body').innerText(), [/Number mismatch/, /Misquote/, /Supported/, /sample-story\.md/]);
        await reader.screenshot({ path: file });
      } finally {
        await context.close();
      }
    },
  },
];

const originalDraft = fs.readFileSync(draft, 'utf8');

/** Fails a shot whose steps left an edit in the draft (the workbench auto-saves, so it shows on disk). */
async function expectDraftUnchanged(what) {
  // An undone edit may reach the disk a moment after the edit itself did.
  const deadline = Date.now() + 5000;
  while (fs.readFileSync(draft, 'utf8') !== originalDraft) {
    if (Date.now() > deadline) throw new Error(`${what} changed the sample draft`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Puts the sample draft back as it was if driving the UI saved an edit into it. */
function protectDraft() {
  const original = originalDraft;
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
      // A shot of something other than the workbench takes its own picture.
      const undo = shot.capture ? await shot.capture(page, file) : await shot.take(page);
      if (!shot.capture) await page.screenshot({ path: file });
      taken += 1;
      console.log(`  ok   ${shot.what} -> ${path.relative(paths.repoRoot, file)}`);
      if (undo) await undo();
      await page.waitForTimeout(1200); // past the workbench's auto-save delay
      await expectDraftUnchanged(`the ${shot.name} shot`);
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
