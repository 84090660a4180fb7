import assert from 'node:assert/strict';
import { buildDocx } from '../../scripts/fixtures/docxWriter';
import { buildZip } from '../../scripts/fixtures/zipWriter';
import { UnindexableSourceError } from '../../src/core/corpus/unindexable';
import { extractDocx, MAMMOTH_MAX_UNPACKED_BYTES } from '../../src/core/formats/docx';
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

  it('reads a document too large for mammoth in one pass, with the text mammoth gives (runs, tabs, tables, entities; no deleted text or field codes)', async () => {
    const body =
      '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>Budget</w:t></w:r><w:r><w:t xml:space="preserve"> hearing </w:t></w:r><w:r><w:t>notes</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t>Item</w:t></w:r><w:r><w:tab/><w:t>Cost &amp; time</w:t></w:r><w:r><w:br/><w:t>Second line &lt;ok&gt;</w:t></w:r></w:p>' +
      '<w:p><w:r><w:delText>removed words</w:delText></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>Kept words.</w:t></w:r></w:p>' +
      '<w:p/><w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cell one</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Cell two</w:t></w:r></w:p></w:tc></w:tr></w:tbl>' +
      '<w:p><w:r><w:t>Last paragraph.</w:t></w:r></w:p>';
    const parts = (padding: boolean) => [
      { name: '[Content_Types].xml', data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>' },
      { name: '_rels/.rels', data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>' },
      { name: 'word/document.xml', data: `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>` },
      // A part that only makes the package large: the same document is then read without mammoth.
      ...(padding ? [{ name: 'word/settings.xml', data: `<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${' '.repeat(MAMMOTH_MAX_UNPACKED_BYTES)}</w:settings>` }] : []),
    ];
    const byMammoth = await extractDocx(buildZip(parts(false)));
    const inOnePass = await extractDocx(buildZip(parts(true)));
    assert.equal(inOnePass.text, byMammoth.text);
    assert.ok(byMammoth.text.includes('Item\tCost & timeSecond line <ok>') && !byMammoth.text.includes('removed') && byMammoth.text.includes('Cell two'), byMammoth.text);
  });

  it('refuses non-zip bytes, a zip that is not a Word document, and an empty document, with reasons', async () => {
    assert.match(await rejection(Buffer.from('PK not really a zip')), /not a readable Word document.*\.docx/);
    assert.match(await rejection(buildZip([{ name: 'hello.txt', data: 'hi' }])), /not a readable Word document/);
    assert.match(await rejection(buildDocx([])), /has no text/);
  });
});
