import assert from 'node:assert/strict';
import { extractStatements } from '../../src/core/markdown/statements';
import type { DraftStatement } from '../../src/core/types';

const texts = (markdown: string) => extractStatements(markdown).map((s) => s.text);

/** Every non-space character of a statement's text is the draft's character at its offset. */
function assertRoundTrip(markdown: string, statements: DraftStatement[]): void {
  for (const s of statements) {
    assert.equal(s.textOffsets.length, s.text.length);
    for (let i = 0; i < s.text.length; i++) {
      if (/\s/u.test(s.text[i])) continue;
      assert.equal(markdown.slice(s.textOffsets[i], s.textOffsets[i] + 1), s.text[i], `${s.text} @${i}`);
    }
    assert.ok(s.blockStart <= s.start && s.start < s.end && s.end <= s.blockEnd);
    assert.equal(markdown[s.start], s.text[0]);
  }
}

describe('extractStatements', () => {
  it('splits paragraphs into sentences with draft offsets', () => {
    const md = 'First claim here. Second claim, with Mr. Smith.\n\nAnother paragraph.\n';
    const statements = extractStatements(md);
    assert.deepEqual(statements.map((s) => s.text), ['First claim here.', 'Second claim, with Mr. Smith.', 'Another paragraph.']);
    assert.deepEqual(statements.map((s) => md.slice(s.start, s.end)), statements.map((s) => s.text));
    assert.equal(statements[0].blockStart, 0);
    assert.equal(statements[1].blockEnd, md.indexOf('\n'));
    assertRoundTrip(md, statements);
  });

  it('checks list items, block quotes and table body cells', () => {
    const md = [
      '- A list claim.',
      '- Nested:',
      '  1. An ordered claim.',
      '',
      '> A quoted claim',
      '> over two lines.',
      '',
      '| Who | What |',
      '|-----|------|',
      '| Xi | Met Putin in Moscow. |',
    ].join('\n');
    const statements = extractStatements(md);
    assert.deepEqual(statements.map((s) => s.text), ['A list claim.', 'Nested:', 'An ordered claim.', 'A quoted claim over two lines.', 'Xi', 'Met Putin in Moscow.']);
    assertRoundTrip(md, statements);
    const quote = statements[3];
    assert.equal(md.slice(quote.start, quote.end), 'A quoted claim\n> over two lines.');
  });

  it('removes inline markup but keeps link text and inline code text', () => {
    const md = 'The **report** by _Kirby_ says [China](https://example.com "t") ~~never~~ acts with `rock-solid` ties.';
    const [statement] = extractStatements(md);
    assert.equal(statement.text, 'The report by Kirby says China never acts with rock-solid ties.');
    assertRoundTrip(md, [statement]);
    assert.ok(!statement.text.includes('example.com'));
  });

  it('drops images, footnote references (defined or not) and HTML', () => {
    const md = 'A claim [^1] with ![photo](p.png) an image <b>bold</b>.[^2]\n\n[^1]: The footnote text is not a claim.\n';
    const statements = extractStatements(md);
    assert.deepEqual(statements.map((s) => s.text), ['A claim with an image bold.']);
    assertRoundTrip(md, statements);
  });

  it('skips headings, code, front matter, HTML blocks and reference definitions', () => {
    const md = [
      '---',
      'title: Not a claim.',
      '---',
      '# A heading. Not a claim',
      '',
      '```js',
      'const x = "Not a claim.";',
      '```',
      '',
      '    indented code. Not a claim.',
      '',
      '<div>',
      'Raw HTML. Not a claim.',
      '</div>',
      '',
      '[ref]: https://example.com "Not a claim."',
      '',
      '***',
      '',
      'The only claim.',
    ].join('\n');
    assert.deepEqual(texts(md), ['The only claim.']);
  });

  it('gives nothing for an empty draft or one that is all code', () => {
    assert.deepEqual(texts(''), []);
    assert.deepEqual(texts('```\nall code.\n```\n'), []);
    assert.deepEqual(texts('\n\n   \n'), []);
  });

  it('keeps soft line breaks inside a sentence', () => {
    const md = 'A sentence that is wrapped\nover two lines. And a second.';
    assert.deepEqual(texts(md), ['A sentence that is wrapped over two lines.', 'And a second.']);
  });

  it('maps entities and escapes back to the draft', () => {
    const md = 'Tom &amp; Jerry said \\*hi\\* to A&#66;C.';
    const [s] = extractStatements(md);
    assert.equal(s.text, 'Tom & Jerry said *hi* to ABC.');
    assert.equal(md.slice(s.textOffsets[4], s.textOffsets[4] + 5), '&amp;');
    assert.equal(md[s.textOffsets[17]], '*');
    assert.equal(s.end, md.length);
    const [adjacent] = extractStatements('&amp;&#66;B');
    assert.equal(adjacent.text, '&BB');
    assert.deepEqual(adjacent.textOffsets, [0, 5, 10]);
  });

  it('marks a sentence followed by a sourced: checked comment', () => {
    const md = 'First. <!-- sourced: checked --> Second.\n\nThird.<!--SOURCED:CHECKED-->\n\nFourth.\n<!--   Sourced :  checked   -->\n\nFifth.\n\n<!-- sourced: checked -->\n\nSixth <!-- sourced: checked --> continues.';
    const statements = extractStatements(md);
    assert.deepEqual(statements.map((s) => [s.text, s.checked]), [
      ['First.', true],
      ['Second.', false],
      ['Third.', true],
      ['Fourth.', true],
      ['Fifth.', false], // the comment is a separate block after a blank line
      ['Sixth continues.', false], // the comment sits inside the sentence
    ]);
  });

  it('works with CRLF line endings', () => {
    const md = '# Title\r\n\r\nA first claim\r\nwrapped. A second one.\r\n\r\n- An item.\r\n';
    const statements = extractStatements(md);
    assert.deepEqual(statements.map((s) => s.text), ['A first claim wrapped.', 'A second one.', 'An item.']);
    assertRoundTrip(md, statements);
    assert.equal(md.slice(statements[0].start, statements[0].end), 'A first claim\r\nwrapped.');
  });

  it('never throws on malformed Markdown', () => {
    const inputs = ['[unclosed](', '**bold', '<!--', '```', '| a |\n|--', '> > >', '[^]: x', '\u0000\uFFFF\uD800', '*'.repeat(5000), '[a]'.repeat(2000)];
    for (const md of inputs) {
      const statements = extractStatements(md);
      for (const s of statements) assert.ok(s.start >= 0 && s.end <= md.length && s.start < s.end);
    }
  });

  it('checks a run-on sentence of pages in pieces of at most 600 characters, cut after a comma where it can be', () => {
    const clause = (i: number) => `the council approved ${i} permits for the harbour`;
    const md = `${Array.from({ length: 200 }, (_, i) => clause(i)).join(', and ')} on Tuesday.`;
    const statements = extractStatements(md);
    assert.ok(statements.length >= md.length / 600);
    for (const s of statements) assert.ok(s.text.length <= 600, `${s.text.length} characters`);
    assert.ok(statements.slice(0, -1).every((s) => s.text.endsWith(',')));
    assert.equal(statements.map((s) => s.text).join(' '), md);
    assertRoundTrip(md, statements);
  });

  it('reads a paragraph far longer than one parse window with its markup and offsets intact', () => {
    // Inline content is parsed in windows of some tens of KB: a paragraph of 2,000 wrapped lines, and one of a single line.
    const sentence = (i: number) => `Clause ${i} of the **report** cites [the mayor](https://example.org/${i}) on _permits_.`;
    const plain = (i: number) => `Clause ${i} of the report cites the mayor on permits.`;
    const count = 2000;
    for (const separator of ['\n', ' ']) {
      const md = Array.from({ length: count }, (_, i) => sentence(i)).join(separator);
      const statements = extractStatements(md);
      assert.deepEqual(statements.map((s) => s.text), Array.from({ length: count }, (_, i) => plain(i)));
      assertRoundTrip(md, statements);
      assert.equal(new Set(statements.map((s) => s.blockStart)).size, 1);
    }
  });
});
