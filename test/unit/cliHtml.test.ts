// The --format html report, opened in a real browser (Chromium through playwright-core): every
// statement coloured by verdict with its evidence beside it, and nothing run or fetched, even
// from a draft and sources full of HTML.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const REPO = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(REPO, 'dist', 'cli.js');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const HOSTILE_DRAFT = `# <script>alert('heading')</script> Hostile

The regional hospital opened a new cancer ward with 36 beds on Friday. <img src="https://example.com/x.png" onerror="alert(1)">

The water company was fined 90 million pounds on Tuesday for releasing raw sewage into rivers on hundreds of occasions.

<iframe src="https://example.com"></iframe><link rel="stylesheet" href="https://example.com/x.css">
`;

function report(args: string[], cwd: string): string {
  const out = spawnSync(process.execPath, [CLI, 'check', '--format', 'html', ...args], { cwd, encoding: 'utf8' });
  assert.ok(out.status === 0 || out.status === 1, out.stderr);
  return out.stdout;
}

interface Opened {
  page: Page;
  requests: string[];
  dialogs: string[];
  violations: string[];
}

describe('sourced check --format html, in a browser', function () {
  this.timeout(60_000);
  let dir: string;
  let browser: Browser;

  async function open(file: string): Promise<Opened> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const opened: Opened = { page, requests: [], dialogs: [], violations: [] };
    page.on('request', (r) => opened.requests.push(r.url()));
    page.on('dialog', (d) => {
      opened.dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) opened.violations.push(m.text());
    });
    await page.goto(`file://${file}`);
    return opened;
  }

  before(async () => {
    assert.ok(fs.existsSync(CLI), 'build first: node esbuild.js --tests');
    assert.ok(fs.existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-html-'));
    fs.cpSync(path.join(REPO, 'sample', 'drafts'), path.join(dir, 'drafts'), { recursive: true });
    fs.cpSync(path.join(REPO, 'corpus'), path.join(dir, 'corpus'), { recursive: true });
    fs.cpSync(path.join(REPO, 'test', 'fixtures', 'hostile'), path.join(dir, 'hostile-sources'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'hostile.md'), HOSTILE_DRAFT);
    fs.writeFileSync(path.join(dir, 'sample.html'), report(['drafts'], dir));
    fs.writeFileSync(path.join(dir, 'hostile.html'), report(['--corpus', 'hostile-sources', 'hostile.md'], dir));
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  });
  after(async () => {
    await browser?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is one self-contained file: no script, nothing to fetch, a CSP that allows only its own style sheet', () => {
    const html = fs.readFileSync(path.join(dir, 'sample.html'), 'utf8');
    assert.doesNotMatch(html, /<script|\bsrc=|<link\b|@import|url\(/i);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; img-src 'none'; base-uri 'none'; form-action 'none'">/);
  });

  it('colours every statement by its verdict, with its evidence beside it', async () => {
    const { page, requests, violations } = await open(path.join(dir, 'sample.html'));
    // The style sheet applied (its hash matches the CSP): rows are a two-column grid.
    assert.equal(await page.$eval('.row', (row) => getComputedStyle(row).display), 'grid');
    const marks = await page.$$eval('mark[title]', (all) =>
      all.map((m) => {
        const row = m.closest('.row')!;
        const note = row.querySelector('.note')!.getBoundingClientRect();
        return { verdict: m.className, colour: getComputedStyle(m).backgroundColor, markRight: m.getBoundingClientRect().right, noteLeft: note.left, noteTop: note.top, rowTop: row.getBoundingClientRect().top, noteText: row.textContent ?? '' };
      }),
    );
    assert.deepEqual(marks.map((m) => m.verdict), ['supported', 'problem number-mismatch', 'supported', 'problem misquote', 'problem misattribution', 'unsupported-claim', 'supported', 'supported', 'supported']);
    const colour = (verdict: string) => new Set(marks.filter((m) => m.verdict.split(' ')[0] === verdict).map((m) => m.colour));
    for (const verdict of ['supported', 'problem', 'unsupported-claim']) assert.equal(colour(verdict).size, 1, verdict);
    assert.equal(new Set(marks.map((m) => m.colour)).size, 3, 'supported, problems and unsupported claims share colours');
    for (const m of marks) {
      assert.ok(m.noteLeft > m.markRight, `the evidence for a ${m.verdict} statement is not beside it`);
      assert.ok(Math.abs(m.noteTop - m.rowTop) < 20, `the evidence for a ${m.verdict} statement does not start at its row`);
    }
    const misquote = await page.$eval('.note.misquote', (n) => n.textContent ?? '');
    assert.match(misquote, /Misquote: the source says "Chinese diplomacy has enough tools to make a difference"/);
    assert.match(misquote, /Can China help bring Russia to the negotiating table\?.* corpus\/004_05a684ad6713b8ee\.txt, line \d+/);
    // The part in question (the figure) stands out inside its statement.
    assert.equal(await page.$eval('mark.number-mismatch strong', (s) => s.textContent), '15');
    assert.deepEqual(requests.filter((r) => !r.startsWith('file://')), []);
    assert.deepEqual(violations, []);
    await page.close();
  });

  it('shows a draft and sources full of HTML as text: nothing runs, nothing loads', async () => {
    const { page, requests, dialogs } = await open(path.join(dir, 'hostile.html'));
    await page.waitForTimeout(300);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(requests, [`file://${path.join(dir, 'hostile.html')}`]);
    assert.deepEqual(await page.$$eval('body script, body img, body iframe, body link, body object, body embed, body [onerror], body [style]', (all) => all.map((e) => e.outerHTML)), []);
    assert.ok((await page.$$eval('a[href]', (all) => all.map((a) => a.getAttribute('href')!))).every((href) => /^https?:\/\//.test(href)), 'a link that is not a web address');
    assert.match(await page.textContent('body') ?? '', /<img src="https:\/\/example\.com\/x\.png" onerror="alert\(1\)">/);
    await page.close();
  });
});
