import assert from 'node:assert/strict';
import { blankJunk } from '../../src/core/corpus/blank';
import { buildPassages } from '../../src/core/text/passages';
import type { OffsetRange, SourceDocument } from '../../src/core/types';

function doc(text: string, junk: OffsetRange[] = []): SourceDocument {
  const source = { text, junk: [] as OffsetRange[] };
  blankJunk(source, junk);
  return { id: 'corpus/a.txt', path: '/x/corpus/a.txt', format: 'text', metadata: {}, text: source.text, junk: source.junk, contentHash: '' };
}

describe('buildPassages', () => {
  it('makes one passage per sentence with ids and exact offsets', () => {
    const d = doc('One. Two. Three.\nFour.');
    const passages = buildPassages(d);
    assert.deepEqual(passages.map((p) => p.id), ['corpus/a.txt#0', 'corpus/a.txt#1', 'corpus/a.txt#2', 'corpus/a.txt#3']);
    for (const p of passages) {
      assert.equal(d.text.slice(p.start, p.end), p.text);
      assert.equal(p.docId, 'corpus/a.txt');
    }
  });

  it('gives the previous and next sentence of the same line as context', () => {
    const d = doc('One. Two. Three.\nFour. Five.');
    const context = buildPassages(d).map((p) => d.text.slice(p.contextStart, p.contextEnd));
    assert.deepEqual(context, ['One. Two.', 'One. Two. Three.', 'Two. Three.', 'Four. Five.', 'Four. Five.']);
  });

  it('leaves junk out, even in the middle of a line', () => {
    const text = 'Real sentence here. I am Jane Doe, a writer. Another real one.\nJunk line.';
    const bio = { start: text.indexOf('I am'), end: text.indexOf('Another') - 1 };
    const junkLine = { start: text.indexOf('Junk'), end: text.length };
    const passages = buildPassages(doc(text, [bio, junkLine]));
    assert.deepEqual(passages.map((p) => p.text), ['Real sentence here.', 'Another real one.']);
  });

  it('treats junk as a sentence boundary', () => {
    const text = 'Left side of a line [promo block] right side of it.';
    const promo = { start: text.indexOf('['), end: text.indexOf(']') + 1 };
    assert.deepEqual(buildPassages(doc(text, [promo])).map((p) => p.text), ['Left side of a line', 'right side of it.']);
  });

  it('gives nothing for an all-junk document', () => {
    assert.deepEqual(buildPassages(doc('All junk.', [{ start: 0, end: 9 }])), []);
  });
});
