import assert from 'node:assert/strict';
import { extractMarkdown } from '../../src/core/formats/text';
import { buildPassages } from '../../src/core/text/passages';

const source = [
  '# Summit notes',
  '',
  'The **minister** said [the plan](https://example.org/plan "Plan") was *approved* on Monday, with `no` changes. ![photo](a.png)',
  '',
  '> “We will act,” she said.',
  '',
  '- First point here.',
  '- Second point[^1].',
  '',
  '```',
  'const code = "not prose.";',
  '```',
  '',
  '<div class="ad">Buy now.</div>',
  '',
  '[^1]: A footnote.',
  '',
].join('\n');

describe('Markdown sources', () => {
  it('keep the words and the offsets, without the syntax', async () => {
    const extracted = await extractMarkdown(Buffer.from(source));
    assert.equal(extracted.text.length, source.length);
    const doc = { id: 'notes.md', path: '/notes.md', format: extracted.format, metadata: extracted.metadata, text: extracted.text, junk: extracted.junk ?? [], contentHash: '' };
    const passages = buildPassages(doc).map((p) => p.text.replace(/\s+/gu, ' '));
    assert.deepEqual(passages, [
      'Summit notes',
      'The minister said the plan was approved on Monday, with no changes.',
      '“We will act,” she said.',
      'First point here.',
      'Second point .',
      'A footnote.',
    ]);
    for (const p of buildPassages(doc)) {
      for (const word of p.text.split(/\s+/u)) assert.ok(source.slice(p.start, p.end).includes(word));
    }
    assert.equal(extracted.metadata.title, 'Summit notes');
  });
});
