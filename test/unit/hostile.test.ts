// Hostile sources (test/fixtures/hostile): whatever a scraped page or a stranger's file holds,
// the cards, citations and messages Sourced builds from it show it as text and carry no link
// but Sourced's own. Cards are also rendered to HTML by a permissive renderer (raw HTML and
// any URL scheme allowed) and inspected as a DOM, so escaping mistakes cannot hide.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { JSDOM } from 'jsdom';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { planCitation, type CitationStyle } from '../../src/core/citations/citation';
import { planQuoteInsertion } from '../../src/core/citations/quoteInsertion';
import { loadFile } from '../../src/core/corpus/loadCorpus';
import { SourcedEngine } from '../../src/core/engine';
import { MAX_PASSAGE_CHARS } from '../../src/core/text/passages';
import { buildHoverCard, MAX_PASSAGES } from '../../src/core/render/hoverCard';
import { escapeMarkdown } from '../../src/core/render/markdownEscape';
import type { PassageHit, SourceDocument, StatementResult } from '../../src/core/types';
import { DISGUISING, markdownHazards, ownLinkCount } from './hostileMarkdown';

const repo = path.resolve(__dirname, '../../..');
const HOSTILE_ROOT = 'test/fixtures/hostile';
const ALLOWED_TAGS = new Set(['P', 'STRONG', 'EM', 'DEL', 'BLOCKQUOTE', 'A', 'HR', 'BR']);

function openLink(hit: PassageHit): string {
  // The same shape as the extension's link (src/features/sourceLocations.ts), which needs vscode.
  return `command:sourced.openSource?${encodeURIComponent(JSON.stringify(['file:///ws', hit.passage.docId, hit.passage.start, hit.passage.end]))}`;
}

const OWN_HREF = /^command:sourced\.openSource\?/u;
/** A web address, or a relative path (no URI scheme before the first colon). */
const WEB_OR_RELATIVE = /^(?:https?:\/\/|(?![a-z][a-z\d+.-]*:))/iu;
let page: JSDOM | undefined;

/** Renders Markdown as permissively as possible and lists what is not inert text. */
function renderedHazards(markdown: string, allowedHref = OWN_HREF): { hazards: string[]; text: string; links: number } {
  const html = micromark(markdown, { allowDangerousHtml: true, allowDangerousProtocol: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
  // Scripts never run in this DOM (jsdom's default); elements and attributes are only inspected.
  page ??= new JSDOM('<body></body>');
  const body = page.window.document.body;
  body.innerHTML = html;
  const hazards: string[] = [];
  const elements = [...body.querySelectorAll('*')];
  for (const element of elements) {
    if (!ALLOWED_TAGS.has(element.tagName)) hazards.push(`<${element.tagName.toLowerCase()}> element`);
    for (const attribute of element.getAttributeNames()) {
      if (element.tagName === 'A' && attribute === 'href') continue;
      hazards.push(`${attribute}= attribute on <${element.tagName.toLowerCase()}>`);
    }
    if (element.tagName === 'A' && !allowedHref.test(element.getAttribute('href') ?? '')) hazards.push(`link to ${element.getAttribute('href')}`);
  }
  return { hazards, text: body.textContent ?? '', links: elements.filter((e) => e.tagName === 'A').length };
}

/** Asserts a card is inert both as parsed Markdown and as rendered HTML, with one own link per hit. */
function assertInertCard(card: string, hits: number, what: string): string {
  assert.deepEqual(markdownHazards(card), [], `${what}: Markdown hazards in\n${card}`);
  const rendered = renderedHazards(card);
  assert.deepEqual(rendered.hazards, [], `${what}: rendered hazards in\n${card}`);
  assert.equal(rendered.links, hits, `${what}: one "Open source" link per passage`);
  assert.equal(ownLinkCount(card), hits, `${what}: own links`);
  assert.doesNotMatch(rendered.text, DISGUISING, `${what}: control or bidi characters reach the reader`);
  return rendered.text;
}

/** Visible words of a text: what must survive escaping (minus characters that are dropped on purpose). */
function visible(text: string): string {
  return text.replace(new RegExp(DISGUISING.source, 'gu'), '').replace(/\s+/g, ' ').trim();
}

describe('hostile sources', () => {
  let engine: SourcedEngine;
  let docs: SourceDocument[];

  before(async function () {
    this.timeout(60_000);
    fs.rmSync('/tmp/sourced-hostile-ran', { force: true });
    engine = new SourcedEngine();
    const report = await engine.loadCorpus({ base: repo, roots: [HOSTILE_ROOT] });
    assert.deepEqual(report.skipped, [], 'every hostile source is still indexed');
    docs = [...engine.documents.values()];
  });

  it('indexes every hostile file, and a saved page\'s scripts and handlers never run', () => {
    const files = fs.readdirSync(path.join(repo, HOSTILE_ROOT));
    assert.equal(docs.length, files.length);
    assert.equal((globalThis as Record<string, unknown>).__sourcedHostileRan, undefined);
    assert.equal(fs.existsSync('/tmp/sourced-hostile-ran'), false);
  });

  it('keeps Markdown sources\' link targets and raw HTML out of passages', () => {
    for (const doc of docs.filter((d) => d.format === 'markdown')) {
      for (const passage of engine.passagesOf(doc.id)) {
        // An autolink's text is its address, so `<command:...>` may stay as words; a link's target never does.
        assert.doesNotMatch(passage.text, /\]\(|command:workbench\.action\.terminal|javascript:|onerror|<script|<img|data:text/i, `${doc.id}: ${passage.text}`);
      }
    }
  });

  it('shows every passage of every hostile source in a hover card as text, with only Sourced\'s link', function () {
    this.timeout(30_000);
    let cards = 0;
    for (const doc of docs) {
      for (const passage of engine.passagesOf(doc.id)) {
        const hit: PassageHit = { passage, score: 1, matchedTerms: passage.text.split(/\s+/).slice(0, 3) };
        const result: StatementResult = { statement: engine.extractStatements('A claim.')[0], verdict: 'supported', message: '', sources: [hit] };
        const card = buildHoverCard({ result, draft: 'A claim.', documents: engine.documents, openLink });
        const text = assertInertCard(card, 1, `${doc.id} passage ${passage.id}`);
        // Inert, not hidden: the reader sees the source's words (long passages are cut at 400 characters).
        const words = visible(passage.text).slice(0, 120);
        assert.ok(visible(text).includes(words.slice(0, Math.max(0, words.lastIndexOf(' ')))), `${doc.id}: the card hides the passage's words:\n${text}`);
        cards++;
      }
    }
    assert.ok(cards >= 50, `only ${cards} cards`);
  });

  it('shows hostile metadata (title, author, outlet, date) literally in cards', () => {
    const doc = docs.find((d) => d.id.endsWith('metadata-injection.md'))!;
    const passage = engine.passagesOf(doc.id)[1];
    const result: StatementResult = { statement: engine.extractStatements('A claim.')[0], verdict: 'supported', message: '', sources: [{ passage, score: 1, matchedTerms: [] }] };
    const text = assertInertCard(buildHoverCard({ result, draft: 'A claim.', documents: engine.documents, openLink }), 1, doc.id);
    assert.ok(text.includes("</title><script>alert('title')</script> *Budget* [vote](https://evil.example)"), text);
    assert.ok(text.includes("<img src=x onerror=alert('outlet')>"), text);
  });

  it('checks a draft copied from the hostile sources, itself full of links and HTML, into inert cards', function () {
    this.timeout(30_000);
    const sentences = docs.flatMap((doc) => engine.passagesOf(doc.id).map((p) => p.text));
    // The writer pasted the sources (links, HTML and all), misquoted some quotes and changed some numbers.
    const draft = sentences
      .map((s, i) => (i % 3 === 1 ? s.replace(/\b(will|the|and)\b/, 'shall') : i % 3 === 2 ? s.replace(/\d+/, '77') : s))
      .concat([
        'The harbour authority [signed](command:workbench.action.terminal.new) a dredging <img src=x onerror=alert(1)> contract.',
        '"The tram will carry twelve thousand passengers a day within three years," Lentini told the council.',
        '"This ward will cut waiting times by a third," said chief surgeon Amara Okoye.',
        '"These spills were accidental," said judge Caroline Reyes.',
      ])
      .join('\n\n');
    const results = engine.checkDraft(draft);
    assert.ok(results.length >= sentences.length, 'every pasted sentence is checked');
    const verdicts = new Set(results.map((r) => r.verdict));
    assert.ok(verdicts.has('supported') && [...verdicts].some((v) => v !== 'supported' && v !== 'not-a-claim'), [...verdicts].join());
    for (const result of results) {
      if (result.verdict === 'not-a-claim') continue;
      const card = buildHoverCard({ result, draft, documents: engine.documents, openLink });
      assertInertCard(card, Math.min(MAX_PASSAGES, result.sources.length), `${result.verdict}: ${result.statement.text}`);
      assert.ok(!result.fix || (result.fix.start >= 0 && result.fix.end <= draft.length), 'fix inside the draft');
    }
  });

  it('never adds a link or HTML to the draft when applying a fix with source wording', () => {
    const draft = [
      '"Everyone should read the report before the final vote," said councillor Priya Nair.',
      '"These spills were deliberate and they were kept from the regulator," said judge Caroline Reyes.',
      '"This ward will cut waiting times by a third," said chief surgeon Amara Okoye.',
      'The central bank raised its main interest rate to six percent on Wednesday.',
    ].join('\n\n');
    const before = markdownHazards(draft, WEB_OR_RELATIVE).length;
    let fixes = 0;
    for (const result of engine.checkDraft(draft)) {
      if (!result.fix) continue;
      fixes++;
      const fixed = draft.slice(0, result.fix.start) + result.fix.replacement + draft.slice(result.fix.end);
      assert.equal(markdownHazards(fixed, WEB_OR_RELATIVE).length, before, `${result.verdict} fix "${result.fix.replacement}"`);
      assert.doesNotMatch(result.fix.replacement, DISGUISING);
      // Source wording goes inside the writer's quotation marks: it must not bring marks (and words after them) of its own.
      if (result.verdict === 'misquote') assert.doesNotMatch(result.fix.replacement, /["“”]/u, `misquote fix "${result.fix.replacement}"`);
      // The fix fixes: checked again, the statement no longer has that problem.
      const again = engine.checkDraft(fixed).find((r) => r.statement.start === result.statement.start);
      assert.notEqual(again?.verdict, result.verdict, `after the ${result.verdict} fix: ${fixed.slice(result.statement.start, result.statement.end + 40)}`);
    }
    assert.ok(fixes >= 1, 'no fix offered');
  });

  it('keeps diagnostics messages free of characters that reorder or hide text', () => {
    const draft = docs
      .filter((d) => d.id.endsWith('bidi-control.txt'))
      .flatMap((d) => engine.passagesOf(d.id).map((p) => p.text.replace(/\d+/, '9')))
      .join('\n\n');
    for (const result of engine.checkDraft(draft)) {
      // Diagnostics show `message` as plain text; the draft's own characters are the writer's business,
      // but words copied from a source must not carry bidi overrides into the Problems panel.
      const fromSources = result.message.replace(result.statement.text, '');
      assert.doesNotMatch(fromSources, /[\u202A-\u202E\u2066-\u2069]/u, result.message);
    }
  });

  it('never writes a non-web link into the draft when citing or inserting a quote from a hostile source', () => {
    assert.equal(docs.find((d) => d.id.endsWith('url-breakout.txt'))?.metadata.url, undefined, 'an address with <, > or quotes is no web address');
    for (const doc of docs) {
      const passage = engine.passagesOf(doc.id).at(-1)!;
      for (const style of ['link', 'footnote', 'pandoc'] as CitationStyle[]) {
        const markdown = 'A claim.';
        const plan = planCitation({ markdown, doc, passage, style, workspaceFolder: repo, draftPath: path.join(repo, 'drafts', 'story.md') });
        const edited = markdown + plan.inline + (plan.definition?.text ?? '');
        assert.deepEqual(markdownHazards(edited, WEB_OR_RELATIVE).filter((h) => !/definition|footnote/.test(h)), [], `${doc.id} ${style}: ${edited}`);
        assert.deepEqual(renderedHazards(edited, WEB_OR_RELATIVE).hazards.filter((h) => !/^(id|href|data-footnote[\w-]*|aria-[\w-]+|class)= |<(sup|section|h2|ol|li)>/.test(h)), [], `${doc.id} ${style}: ${edited}`);
      }
      for (const quote of engine.quotes().filter((q) => q.docId === doc.id)) {
        const markdown = 'She said “';
        const plan = planQuoteInsertion({ markdown, markOffset: markdown.length - 1, cursorOffset: markdown.length, quote, doc, passage, style: 'link' });
        const edited = markdown.slice(0, plan.replaceStart) + plan.text;
        assert.deepEqual(markdownHazards(edited, WEB_OR_RELATIVE), [], `${doc.id}: ${edited}`);
        assert.doesNotMatch(plan.text, DISGUISING, `${doc.id}: inserted text carries hidden or direction-changing characters`);
      }
    }
  });

  it('never writes a foreign link into the draft for a source with a hostile file name', () => {
    const base = docs.find((d) => d.id.endsWith('raw-html.txt'))!;
    for (const name of ['a>[Run](command:workbench.action.terminal.new).txt', 'b)[Run](javascript:alert(1)).txt', 'c]: javascript:alert(1) "t".txt', '<script>alert(1)</script>.txt']) {
      const doc: SourceDocument = { ...base, id: `corpus/${name}`, path: path.join(repo, 'corpus', name), metadata: {} };
      const passage = engine.passagesOf(base.id)[1];
      for (const style of ['link', 'footnote', 'pandoc'] as CitationStyle[]) {
        const plan = planCitation({ markdown: 'A claim.', doc, passage, style, workspaceFolder: repo, draftPath: path.join(repo, 'drafts', 'story.md') });
        const edited = `A claim.${plan.inline}${plan.definition?.text ?? ''}`;
        const hazards = markdownHazards(edited, WEB_OR_RELATIVE).filter((h) => !/^(definition|footnote)/.test(h));
        assert.deepEqual(hazards, [], `${name} ${style}: ${edited}`);
        if (style === 'footnote') {
          const again = planCitation({ markdown: edited, doc, passage, style, workspaceFolder: repo });
          assert.equal(again.definition, undefined, `${name}: the footnote written for it is not found again`);
        }
      }
    }
  });

  it('escapes completion details built from hostile context the same way', function () {
    this.timeout(30_000);
    for (const doc of docs) {
      for (const passage of engine.passagesOf(doc.id)) {
        // src/features/completion.ts: escaped context, then the escaped title and byline.
        const markdown = `${escapeMarkdown(doc.text.slice(passage.contextStart, passage.contextEnd))}\n\n*${escapeMarkdown(doc.metadata.title ?? doc.id)}*`;
        assert.deepEqual(markdownHazards(markdown, /^$/), [], markdown);
        assert.deepEqual(renderedHazards(markdown).hazards, [], markdown);
      }
    }
  });
});

describe('extremely long lines', () => {
  let dir: string;
  let engine: SourcedEngine;
  const words = ['harbour', 'council', 'budget', 'runway', 'ferry', 'ward', 'tram', 'strike'];

  /** One line of about `size` characters: words, hostile markup every 13 words, no full stop. */
  function longLine(size: number): string {
    const parts: string[] = [];
    let length = 0;
    for (let i = 0; length < size; i++) {
      const part = i % 13 === 12 ? '<img src=x onerror=alert(1)> [x](command:workbench.action.terminal.new)' : words[i % words.length];
      parts.push(part);
      length += part.length + 1;
    }
    return parts.join(' ');
  }

  before(async function () {
    this.timeout(120_000);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-long-'));
    fs.writeFileSync(path.join(dir, 'one-line.txt'), `Harbour dump\n\n${longLine(2_000_000)}\n`);
    fs.writeFileSync(path.join(dir, 'no-spaces.txt'), `Minified\n\n${'x'.repeat(300_000)}${'😀'.repeat(1000)}\n`);
    engine = new SourcedEngine();
    const started = Date.now();
    const report = await engine.loadCorpus({ base: dir, roots: ['.'] });
    console.log(`      (2.3 MB of one-line sources indexed in ${Date.now() - started} ms: ${report.passages} passages)`);
    assert.equal(report.documents, 2);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it(`cuts a line with no sentence end into passages of at most ${MAX_PASSAGE_CHARS} characters that map back to the file`, async () => {
    for (const doc of engine.documents.values()) {
      const file = await loadFile(doc.path, dir);
      assert.ok(!('reason' in file));
      let last = 0;
      for (const passage of engine.passagesOf(doc.id)) {
        assert.ok(passage.end - passage.start <= MAX_PASSAGE_CHARS && passage.start >= last, `${doc.id} ${passage.id}`);
        assert.equal(file.text.slice(passage.start, passage.end), passage.text);
        assert.equal(passage.text, passage.text.trim());
        assert.ok(!/[\uD800-\uDBFF]$/u.test(passage.text) && !/^[\uDC00-\uDFFF]/u.test(passage.text), 'no split surrogate pair');
        last = passage.end;
      }
    }
  });

  it('checks and searches against such a line (time printed; it took 37 s before passages were capped)', function () {
    this.timeout(20_000);
    const started = Date.now();
    const results = engine.checkDraft('The harbour council approved the runway budget.\n\n"Harbour council budget runway ferry," said the mayor.');
    const hits = engine.search('harbour council budget', 5);
    const ms = Date.now() - started;
    console.log(`      (check + search over the long line: ${ms} ms)`);
    assert.equal(results.length, 2);
    assert.ok(hits.length > 0);
  });

  it('builds a short, inert card from a passage of the long line', () => {
    const passage = engine.passagesOf('one-line.txt')[7];
    const result: StatementResult = { statement: engine.extractStatements('A claim.')[0], verdict: 'supported', message: '', sources: [{ passage, score: 1, matchedTerms: ['harbour'] }] };
    const card = buildHoverCard({ result, draft: 'A claim.', documents: engine.documents, openLink });
    assertInertCard(card, 1, 'long line');
    assert.ok(card.length < 2_000, `card of ${card.length} characters`);
  });
});
