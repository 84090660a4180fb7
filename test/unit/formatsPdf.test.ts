import assert from 'node:assert/strict';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { buildPdf } from '../../scripts/fixtures/pdfWriter';
import { UnindexableSourceError } from '../../src/core/corpus/unindexable';
import { extractPdf, pageBreak } from '../../src/core/formats/pdf';
import { layoutLines, linesOf, type PdfTextItem } from '../../src/core/formats/pdfLayout';
import { pageOfOffset } from '../../src/core/formats/pages';
import { formatFixtureDir, readFormatFixture } from './formatsFixtures';

const item = (str: string, x: number, y: number, width = str.length * 5, height = 10): PdfTextItem => ({ str, x, y, width, height });

describe('formats: PDF', () => {
  it('extracts both pages with page offsets, paragraphs and the info dictionary', async () => {
    const source = await extractPdf(readFormatFixture('report.pdf'));
    assert.equal(source.format, 'pdf');
    assert.deepEqual(source.metadata, { title: 'Annual Water Quality Report', author: 'Dr. Samuel Reyes', date: '2024-05-02' });
    assert.ok(source.pages);
    assert.equal(source.pages.length, 2);
    assert.equal(source.pages[0], 0);
    assert.equal(source.text.slice(source.pages[1] - pageBreak.length, source.pages[1]), pageBreak);
    const [first, second] = source.text.split(pageBreak);
    assert.deepEqual(first.split('\n\n'), [
      'Annual Water Quality Report',
      'The regional water authority tested 1,240 samples from 36 treatment plants between January and December. All but three samples met the national drinking water standard.',
      'Samples tested 1,240\nSamples failing 3',
      'Nitrate levels fell by 12 percent to 4.1 milligrams per litre, the lowest figure since records began, after farmers in the valley cut their use of nitrogen-based fertiliser and the Ostwald works closed its long-standing phosphate plant.',
    ]);
    assert.deepEqual(second.split('\n\n'), [
      'Outlook',
      '“Our rivers are cleaner than they have been in a generation,” said Dr. Samuel Reyes, the authority’s chief scientist.',
      'The authority plans to replace 18 kilometres of lead pipes by 2026.',
    ]);
    assert.doesNotMatch(source.text, /Page \d of 2/);
  });

  it('gives the page of any offset, for citations', async () => {
    const source = await extractPdf(readFormatFixture('report.pdf'));
    assert.equal(pageOfOffset(source, source.text.indexOf('Nitrate')), 1);
    assert.equal(pageOfOffset(source, source.text.indexOf('Our rivers')), 2);
    assert.equal(pageOfOffset(source, source.text.length), 2);
    assert.equal(pageOfOffset({ pages: [0, 10, 20] }, 10), 2);
    assert.equal(pageOfOffset({ pages: [0, 10, 20] }, 9), 1);
    assert.equal(pageOfOffset({}, 5), undefined);
  });

  it('reports a PDF without a text layer as a scan that needs OCR', async () => {
    await assert.rejects(extractPdf(readFormatFixture('scanned.pdf')), (error: Error) => {
      assert.ok(error instanceof UnindexableSourceError);
      assert.equal(error.message, 'scanned PDF with no text layer: run OCR first');
      return true;
    });
  });

  it('turns broken and non-PDF bytes into a reason the user can act on', async () => {
    for (const bytes of [Buffer.from('hello, not a pdf'), readFormatFixture('report.pdf').subarray(0, 200), Buffer.alloc(0)]) {
      await assert.rejects(extractPdf(bytes), (error: Error) => {
        assert.ok(error instanceof UnindexableSourceError, String(error));
        assert.match(error.message, /PDF/);
        return true;
      });
    }
  });

  it('keeps a page that has no text as an empty page, so later page numbers stay right', async () => {
    const bytes = buildPdf([{ image: true }, { lines: [{ runs: [{ text: 'Only the second page has words.' }] }] }]);
    const source = await extractPdf(bytes);
    assert.deepEqual(source.pages, [0, pageBreak.length]);
    assert.equal(pageOfOffset(source, source.text.indexOf('Only')), 2);
    assert.deepEqual(source.metadata, {});
  });

  it('spells out ligature glyphs a font also reaches from its legacy private-use code points (a Chromium-printed page in Liberation Serif)', async () => {
    // Chromium (Skia) names the fi and fl glyphs U+F001 and U+F002 in the ToUnicode map, the
    // real letters only in an /ActualText span, which pdf.js does not read: the words came out
    // as "\uF001nance of\uF001ce \uF002ows", split at the ligatures by the tokenizer.
    const source = await extractPdf(fs.readFileSync(path.resolve(__dirname, '../../../test/fixtures/pdf/ligatures.pdf')));
    assert.equal(source.text, 'The finance office flows.');
  });

  it("loads where navigator is a getter-only global, as in VS Code's extension host (dist bundle, own process)", () => {
    const bundle = path.resolve(__dirname, '../../../dist/formats/pdf.js');
    const script = [
      "Object.defineProperty(globalThis, 'navigator', { get: () => undefined });",
      `require(${JSON.stringify(bundle)}).extractPdf(require('fs').readFileSync(${JSON.stringify(path.join(formatFixtureDir, 'report.pdf'))}))`,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: this is source code for the child process, template literal included
      '  .then((s) => process.stdout.write(`pages: ${s.pages.length}`), (e) => process.stdout.write(`error: ${e.message}`));',
    ].join('\n');
    assert.equal(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }), 'pages: 2');
  });

  it("leaves Node's own builtins in place: pdfjs's core-js would replace Array.prototype.push and JSON with slower JavaScript (dist bundle, own process)", () => {
    const bundle = path.resolve(__dirname, '../../../dist/formats/pdf.js');
    const script = [
      "const names = ['Array.prototype.push', 'JSON.stringify', 'JSON.parse', 'Function.prototype.toString'];",
      'const builtins = () => [Array.prototype.push, JSON.stringify, JSON.parse, Function.prototype.toString];',
      'const before = builtins();',
      `require(${JSON.stringify(bundle)}).extractPdf(require('fs').readFileSync(${JSON.stringify(path.join(formatFixtureDir, 'report.pdf'))}))`,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: this is source code for the child process, template literal included
      "  .then(() => process.stdout.write(`replaced: ${names.filter((_, i) => builtins()[i] !== before[i]).join(', ') || 'none'}`), (e) => process.stdout.write(`error: ${e.message}`));",
    ].join('\n');
    assert.equal(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }), 'replaced: none');
  });

  describe('layout', () => {
    it('joins runs of a line, spacing them only when they are apart', () => {
      const lines = linesOf([item('inter', 0, 100, 25), item('national', 25, 100, 40), item('law', 70, 100, 15)]);
      assert.deepEqual(lines.map((l) => l.text), ['international law']);
    });

    it('starts a paragraph at a larger gap or a font size change, and keeps table rows on their own lines', () => {
      const text = layoutLines(
        linesOf([
          item('Heading', 0, 200, 70, 16),
          item('First line of a paragraph', 0, 180),
          item('goes on here.', 0, 168),
          item('Second paragraph.', 0, 140),
          item('Name', 0, 128),
          item('Value', 200, 128),
        ]),
      );
      assert.equal(text, 'Heading\n\nFirst line of a paragraph goes on here.\n\nSecond paragraph.\nName Value');
    });

    it('starts a paragraph after a short line that ends a sentence, or at an indented first line', () => {
      const text = layoutLines(
        linesOf([
          item('A full line of running text that reaches the', 0, 200, 300),
          item('margin. Short end.', 0, 188, 90),
          item('Next paragraph, same spacing, runs to the', 0, 176, 300),
          item('margin and on', 0, 164, 60),
          item('Indented paragraph start.', 20, 152, 200),
        ]),
      );
      assert.equal(text, 'A full line of running text that reaches the margin. Short end.\n\nNext paragraph, same spacing, runs to the margin and on\n\nIndented paragraph start.');
    });
  });
});
