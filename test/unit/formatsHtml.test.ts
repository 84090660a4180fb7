import assert from 'node:assert/strict';
import { UnindexableSourceError } from '../../src/core/corpus/unindexable';
import { extractHtml, MAX_HTML_START_TAGS, READER_VIEW_MAX_ELEMENTS } from '../../src/core/formats/html';
import { readFormatFixture } from './formatsFixtures';

const page = (head: string, body: string) => Buffer.from(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`);
const paragraphs = (count: number) =>
  Array.from({ length: count }, (_, i) => `<p>Paragraph ${i + 1} of the story says something long enough to count as real article text for a reader view.</p>`).join('');

describe('formats: HTML', () => {
  it('keeps the article body and drops navigation, ads, teasers, banners, scripts and footers', async () => {
    const source = await extractHtml(readFormatFixture('article.html'));
    assert.equal(source.format, 'html');
    const blocks = source.text.split('\n\n');
    assert.ok(blocks[0].startsWith('The harbor council voted 7 to 2 on Wednesday'), blocks[0]);
    assert.ok(blocks.includes('“We cannot wait for the next storm to make this decision for us,” said Mayor Lena Fischer, who proposed the plan last spring.'));
    assert.equal(blocks[blocks.length - 1], 'Construction is expected to begin in the autumn, once the regional government has approved the environmental permits.');
    for (const junk of ['Home', 'Advertisement', 'Read more', 'Ferry workers', 'More stories', 'Lighthouse', 'newsletter', 'cookies', 'TRACKING', 'trackPageview', 'All rights reserved', 'color: red']) {
      assert.ok(!source.text.includes(junk), `"${junk}" leaked into the text`);
    }
  });

  it('reads title, author, outlet, date and canonical url from the page metadata', async () => {
    const source = await extractHtml(readFormatFixture('article.html'));
    assert.deepEqual(source.metadata, {
      title: 'Harbor council approves flood barrier',
      author: 'Maria Okafor',
      outlet: 'The Coastal Ledger',
      date: '2024-03-14',
      url: 'https://ledger.example/news/flood-barrier',
    });
  });

  it('falls back to Readability for metadata a page only has in its markup', async () => {
    const source = await extractHtml(page('<title>Quiet page</title>', `<article><p class="byline">By Ann Lee</p>${paragraphs(5)}</article>`));
    assert.equal(source.metadata.title, 'Quiet page');
    assert.equal(source.metadata.author, 'Ann Lee');
    assert.equal(source.metadata.url, undefined);
  });

  it('uses JSON-LD graphs and lists of authors, and refuses non-web canonical links', async () => {
    const jsonLd = JSON.stringify({ '@graph': [{ '@type': 'WebSite', name: 'Site' }, { '@type': 'NewsArticle', headline: 'Graph headline', author: [{ name: 'A One' }, 'B Two'], datePublished: '6 May 2023', publisher: { name: 'Graph Times' } }] });
    const head = `<script type="application/ld+json">${jsonLd}</script><script type="application/ld+json">{broken</script><link rel="canonical" href="javascript:alert(1)">`;
    const source = await extractHtml(page(head, `<article>${paragraphs(4)}</article>`));
    assert.deepEqual(source.metadata, { title: 'Graph headline', author: 'A One, B Two', outlet: 'Graph Times', date: '6 May 2023' });
  });

  it('keeps line breaks of <br>, list items as paragraphs, and never runs the page scripts', async () => {
    const body = `<article>${paragraphs(3)}<p>First line<br>second line</p><ul><li>One point made in full words here.</li><li>Another point, also in words.</li></ul><script>document.body.innerHTML = "HACKED"</script></article>`;
    const source = await extractHtml(page('<title>T</title>', body));
    assert.ok(source.text.includes('First line\nsecond line'));
    assert.ok(source.text.includes('One point made in full words here.\n\nAnother point, also in words.'));
    assert.ok(!source.text.includes('HACKED'));
  });

  it('reads the charset the page declares', async () => {
    const latin1 = Buffer.concat([Buffer.from('<html><head><meta charset="iso-8859-1"><title>T</title></head><body><article><p>'), Buffer.from('Caf\xe9 owners in Z\xfcrich said the rent doubled in a year, and several of them closed in the spring.', 'latin1'), Buffer.from(`</p>${paragraphs(3)}</article></body></html>`)]);
    const source = await extractHtml(latin1);
    assert.ok(source.text.includes('Café owners in Zürich'));
  });

  it('reads a page of more elements than a reader view can afford as it is, without scripts, navigation or hidden parts', async function () {
    this.timeout(60_000);
    const count = READER_VIEW_MAX_ELEMENTS + 100;
    const head = '<title>Long report</title><meta name="author" content="Maria Okafor"><script>var tracking = 1;</script>';
    const body = `<nav><a href="/">Home</a></nav><main>${paragraphs(count)}<div aria-hidden="true">Hidden promo</div></main><aside>Other stories</aside>`;
    const source = await extractHtml(page(head, body));
    const blocks = source.text.split('\n\n');
    assert.equal(blocks.length, count);
    assert.equal(blocks[count - 1], `Paragraph ${count} of the story says something long enough to count as real article text for a reader view.`);
    for (const junk of ['Home', 'tracking', 'Hidden promo', 'Other stories']) assert.ok(!source.text.includes(junk), `"${junk}" leaked into the text`);
    assert.equal(source.metadata.author, 'Maria Okafor');
  });

  it('refuses a page of more tags than it parses, before parsing it', async () => {
    await assert.rejects(extractHtml(page('', paragraphs(MAX_HTML_START_TAGS + 1))), (error: unknown) => {
      assert.ok(error instanceof UnindexableSourceError);
      assert.match(error.message, /^a page of [\d,]+ tags \(the limit is 50,000\)/);
      return true;
    });
  });

  it('says so when a page has no readable text', async () => {
    await assert.rejects(extractHtml(page('<title>Empty</title>', '<nav><a href="/">Home</a></nav><script>1</script>')), (error: Error) => {
      assert.ok(error instanceof UnindexableSourceError);
      assert.match(error.message, /no readable text/);
      return true;
    });
  });
});
