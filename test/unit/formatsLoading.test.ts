import assert from 'node:assert/strict';
import * as path from 'path';
import { loadCorpus } from '../../src/core/corpus/loadCorpus';
import { extractorFor, supportedExtensions } from '../../src/core/formats/index';
import { formatFixtureDir, readFormatFixture } from './formatsFixtures';

describe('formats: loading through the registry', () => {
  it('registers HTML, PDF and DOCX beside text and Markdown', () => {
    for (const extension of ['.html', '.htm', '.pdf', '.docx', '.md', '.txt']) assert.ok(supportedExtensions().includes(extension), extension);
    assert.ok(extractorFor('/a/B.PDF'));
  });

  it('loads every fixture but the scan, which is listed with its reason', async () => {
    const { documents, skipped } = await loadCorpus({ base: formatFixtureDir, roots: ['.'] });
    assert.deepEqual(
      documents.map((d) => [d.id, d.format]),
      [['article.html', 'html'], ['interview.md', 'markdown'], ['interview.txt', 'text'], ['memo.docx', 'docx'], ['notes.md', 'markdown'], ['report.pdf', 'pdf']],
    );
    assert.deepEqual(skipped, [{ path: path.join(formatFixtureDir, 'scanned.pdf'), reason: 'scanned PDF with no text layer: run OCR first' }]);
    const report = documents.find((d) => d.id === 'report.pdf');
    assert.equal(report?.pages?.length, 2);
    assert.equal(report?.metadata.title, 'Annual Water Quality Report');
  });

  it('blanks Markdown front matter as junk, keeps the file offsets, and merges its metadata', async () => {
    const raw = readFormatFixture('notes.md').toString('utf8');
    const notes = await extractorFor('notes.md')!(Buffer.from(raw), 'notes.md');
    assert.equal(notes.text.length, raw.length);
    const end = raw.indexOf('\n# Background');
    assert.equal(notes.text.slice(0, end).trim(), '');
    assert.ok(notes.junk?.some((range) => range.start === 0 && range.end >= end));
    assert.equal(notes.metadata.title, 'Flood barrier: background notes');
    assert.equal(notes.metadata.url, 'https://ledger.example/notes/flood-barrier');
    assert.equal(notes.metadata.author, 'Maria Okafor, Jonas Berg');
    assert.equal(notes.turns, undefined);
  });

  it('gives transcripts their speaker turns, in .txt and in Markdown with front matter', async () => {
    for (const name of ['interview.txt', 'interview.md']) {
      const bytes = readFormatFixture(name);
      const source = await extractorFor(name)!(bytes, name);
      assert.ok(source.turns && source.turns.length >= 4, name);
      for (const turn of source.turns) assert.ok(source.text.slice(turn.start, turn.end).trim().length > 0);
    }
    const txt = await extractorFor('interview.txt')!(readFormatFixture('interview.txt'), 'interview.txt');
    assert.equal(txt.metadata.title, undefined, 'the first turn is not a headline');
    const md = await extractorFor('interview.md')!(readFormatFixture('interview.md'), 'interview.md');
    assert.equal(md.metadata.outlet, 'The Coastal Ledger');
    assert.deepEqual(md.turns?.map((t) => t.speaker), ['Q', 'A', 'Q', 'A']);
  });
});
