import assert from 'node:assert/strict';
import { parseFrontMatter } from '../../src/core/formats/frontMatter';
import { readFormatFixture } from './formatsFixtures';

describe('formats: front matter', () => {
  it('reads title, authors, outlet, date and url, and gives the whole block as its range', () => {
    const text = readFormatFixture('notes.md').toString('utf8');
    const { metadata, range } = parseFrontMatter(text);
    assert.deepEqual(metadata, {
      title: 'Flood barrier: background notes',
      author: 'Maria Okafor, Jonas Berg',
      outlet: 'The Coastal Ledger',
      date: '2024-03-12',
      url: 'https://ledger.example/notes/flood-barrier',
    });
    assert.ok(range);
    assert.equal(range.start, 0);
    assert.equal(text.slice(range.end - 4, range.end), '---\n');
    assert.ok(text.slice(range.end).startsWith('\n# Background'));
  });

  it('finds nothing in text without front matter, or with a rule further down', () => {
    assert.deepEqual(parseFrontMatter('Just an article.\n---\ntitle: no\n---\n'), { metadata: {} });
    assert.deepEqual(parseFrontMatter(''), { metadata: {} });
  });

  it('still blanks broken YAML, an empty block and CRLF blocks, and takes "..." as the closing line', () => {
    const broken = '---\ntitle: [unclosed\n---\nBody';
    assert.deepEqual(parseFrontMatter(broken), { metadata: {}, range: { start: 0, end: broken.indexOf('Body') } });
    assert.deepEqual(parseFrontMatter('---\n---\nBody').range, { start: 0, end: 8 });
    const crlf = '---\r\ntitle: Windows notes\r\n...\r\nBody';
    assert.deepEqual(parseFrontMatter(crlf), { metadata: { title: 'Windows notes' }, range: { start: 0, end: crlf.indexOf('Body') } });
  });

  it('keeps only web links as url, reads `source` as outlet or url by its shape, and dates as written', () => {
    const unsafe = parseFrontMatter('---\nurl: "javascript:alert(1)"\nsource: Der Spiegel\ndate: 6 May\n---\n').metadata;
    assert.deepEqual(unsafe, { outlet: 'Der Spiegel', date: '6 May' });
    const linked = parseFrontMatter('---\nsource: https://example.org/a\nPublished: 2023-04-26T10:00:00Z\nAuthor: {name: Ann Lee}\n---\n').metadata;
    assert.deepEqual(linked, { url: 'https://example.org/a', date: '2023-04-26', author: 'Ann Lee' });
  });

  it('survives alias bombs and non-mapping YAML', () => {
    const bomb = '---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ntitle: T\n---\n';
    assert.ok(parseFrontMatter(bomb).range);
    assert.deepEqual(parseFrontMatter('---\n- a list\n---\n').metadata, {});
  });
});
