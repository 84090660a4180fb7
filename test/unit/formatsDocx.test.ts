import assert from 'node:assert/strict';
import { buildDocx } from '../../scripts/fixtures/docxWriter';
import { buildZip } from '../../scripts/fixtures/zipWriter';
import { UnindexableSourceError } from '../../src/core/corpus/unindexable';
import { extractDocx } from '../../src/core/formats/docx';
import { readFormatFixture } from './formatsFixtures';

async function rejection(bytes: Buffer): Promise<string> {
  try {
    await extractDocx(bytes);
  } catch (error) {
    assert.ok(error instanceof UnindexableSourceError, String(error));
    return error.message;
  }
  assert.fail('expected the document to be refused');
}

describe('formats: DOCX', () => {
  it('gives the paragraphs in order, runs joined, with title, author and date from core.xml', async () => {
    const source = await extractDocx(readFormatFixture('memo.docx'));
    assert.equal(source.format, 'docx');
    assert.deepEqual(source.text.split('\n\n'), [
      'Budget hearing notes',
      'The finance committee met on Tuesday to discuss the library budget.',
      'Councillor Ana Ruiz said the city would keep all four branches open until 2026.',
      '“We will not close a single library,” she said.',
      'The committee will vote on the budget on 3 June.',
    ]);
    assert.deepEqual(source.metadata, { title: 'Budget hearing notes', author: 'Tom Becker', date: '2024-05-21' });
  });

  it('has no metadata when core.xml is missing, and decodes entities when present', async () => {
    const plain = await extractDocx(buildDocx([{ runs: ['Text only.'] }]));
    assert.deepEqual(plain.metadata, {});
    const escaped = await extractDocx(buildDocx([{ runs: ['Body.'] }], { title: 'Tom & Jerry <draft>', creator: 'Zoë Ñúñez' }));
    assert.deepEqual(escaped.metadata, { title: 'Tom & Jerry <draft>', author: 'Zoë Ñúñez' });
  });

  it('refuses non-zip bytes, a zip that is not a Word document, and an empty document, with reasons', async () => {
    assert.match(await rejection(Buffer.from('PK not really a zip')), /not a readable Word document.*\.docx/);
    assert.match(await rejection(buildZip([{ name: 'hello.txt', data: 'hi' }])), /not a readable Word document/);
    assert.match(await rejection(buildDocx([])), /has no text/);
  });
});
