// Hostile inputs, generated at any size: sources a stranger (or a careless newsroom) could put in a
// corpus, and drafts that could freeze a check. `npm run bench:hostile` times each at two sizes;
// test/unit/hostileGrowth.test.ts checks that time grows about linearly with size for every one.
import { crc32, deflateRawSync } from 'node:zlib';

export type AttackKind = 'source' | 'draft';

export interface Attack {
  /** Short, unique, usable on the command line (`--only NAME`). */
  name: string;
  /** What the input is, in the words of the issue that reported it. */
  description: string;
  /** 'source': indexed as the only file of a corpus; 'draft': checked against the sample corpus. */
  kind: AttackKind;
  /** The file's name; its extension decides the source format. */
  file: string;
  /** The input at about `size` bytes (for archives, `size` is the unpacked size). */
  make(size: number): Buffer;
  /** The two sizes the bench runs: the size reported in the issue and a smaller one. */
  benchSizes: [number, number];
  /** Two sizes small enough for a unit test, several times apart. */
  testSizes: [number, number];
  /**
   * The largest input of its kind Sourced accepts, run by the bench after the two sizes: a source
   * just under 10 MB on disk (or just under what it may unpack to), a draft of 1 MB. No file
   * that size may take over 10 s or 1 GB, nor a draft of 1 MB over 2 s.
   */
  limitSize?: number;
}

const KB = 1024;
const MB = 1024 * KB;
/** Just under the 10 MB a source file may be, the 10 MB a PDF's streams may unpack to and the 20 MB a Word document's parts may. */
const TEXT_LIMIT = 9.95 * MB;
const PDF_LIMIT = 9.9 * MB;
const DOCX_LIMIT = 19.5 * MB;

/** `unit` repeated to about `size` bytes (at least once). */
function repeat(unit: string, size: number): Buffer {
  const bytes = Buffer.byteLength(unit);
  return Buffer.alloc(Math.max(1, Math.round(size / bytes)) * bytes, unit);
}

/** Ordinary sentences, distinct from each other, so passages and terms do not collapse. */
function sentence(i: number): string {
  return `Officials in district ${i} said the council approved ${i % 97} new permits for the harbour on Tuesday.`;
}

function sentences(size: number, separator: string): Buffer {
  const parts: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < size; i++) {
    const s = sentence(i) + separator;
    parts.push(s);
    bytes += s.length;
  }
  return Buffer.from(parts.join(''));
}

/** A base64 line of pseudo-random bytes (deterministic). */
function base64Line(size: number): Buffer {
  const raw = Buffer.alloc(Math.ceil((size * 3) / 4));
  let seed = 12345;
  for (let i = 0; i < raw.length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    raw[i] = seed >>> 24;
  }
  return Buffer.from(raw.toString('base64').slice(0, size));
}

/** A saved web page of about `size` bytes: one article of paragraphs, each with a link. */
function htmlPage(size: number): Buffer {
  const parts = ['<!doctype html><html><head><title>Harbour permits</title></head><body><article>\n'];
  let bytes = parts[0].length;
  for (let i = 0; bytes < size; i++) {
    const paragraph = `<p>${sentence(i).replace('harbour', `<a href="/story/${i}">harbour</a>`)}</p>\n`;
    parts.push(paragraph);
    bytes += paragraph.length;
  }
  parts.push('</article></body></html>\n');
  return Buffer.from(parts.join(''));
}

// --- PDF --------------------------------------------------------------------------------------

/** A PDF whose pages have the given content streams (already encoded), Helvetica as /F1; pages are 612 points wide unless given a `width`. */
export function pdfFile(pages: Array<{ stream: Buffer; filter?: string; width?: number }>): Buffer {
  const objects: Buffer[] = [];
  const add = (body: Buffer | string) => objects.push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body) ;
  const pageCount = pages.length;
  // 1: catalog, 2: pages, 3: font, then page i at 4 + 2i and its content at 5 + 2i.
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(`<< /Type /Pages /Count ${pageCount} /Kids [${pages.map((_, i) => `${4 + 2 * i} 0 R`).join(' ')}] >>`);
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  pages.forEach(({ stream, filter, width = 612 }, i) => {
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`);
    add(Buffer.concat([Buffer.from(`<< /Length ${stream.length}${filter ? ` /Filter /${filter}` : ''} >>\nstream\n`, 'latin1'), stream, Buffer.from('\nendstream', 'latin1')]));
  });
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  let offset = chunks[0].length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    offsets.push(offset);
    offset += chunk.length;
    chunks.push(chunk);
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(chunks);
}

export function textOperators(lines: string[]): string {
  return lines.map((line, i) => `BT /F1 10 Tf 72 ${760 - (i % 70) * 10} Td (${line}) Tj ET\n`).join('');
}

/** zlib framing around raw deflate (pdf.js reads /FlateDecode as zlib). */
function zlibStream(data: Buffer): Buffer {
  const header = Buffer.from([0x78, 0x9c]);
  let a = 1;
  let b = 0;
  for (const byte of data) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE(((b << 16) | a) >>> 0);
  return Buffer.concat([header, deflateRawSync(data, { level: 9 }), adler]);
}

/** One page whose compressed content stream unpacks to about `size` bytes of text operators. */
function pdfBigStream(size: number): Buffer {
  const block = textOperators(Array.from({ length: 70 }, (_, i) => `Line ${i} of a page that repeats its words again and again.`));
  return pdfFile([{ stream: zlibStream(repeat(block, size)), filter: 'FlateDecode' }]);
}

/**
 * One page whose content stream unpacks to about `size` bytes: a single baseline of one-word runs
 * set a little apart, on a page wide enough to hold them all (pdf.js drops text off the page), so
 * pdf.js gives two items a word (the word, then a space) for one line of text.
 */
function pdfLongLine(size: number): Buffer {
  const run = '(word) Tj 4 0 Td\n';
  const runs = repeat(run, size);
  const width = Math.ceil((runs.length / run.length) * 4 + 100);
  return pdfFile([{ stream: zlibStream(Buffer.concat([Buffer.from('BT /F1 1 Tf 50 400 Td\n'), runs, Buffer.from('ET\n')])), filter: 'FlateDecode', width }]);
}

/** Many pages of one short line each, all children of one Pages node. */
function pdfFlatPages(size: number): Buffer {
  const count = Math.max(1, Math.round(size / 200));
  return pdfFile(Array.from({ length: count }, (_, i) => ({ stream: Buffer.from(textOperators([`Page ${i + 1}: ${sentence(i)}`]), 'latin1') })));
}

// --- DOCX -------------------------------------------------------------------------------------

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/** A Word document whose document.xml is `paragraph` repeated to about `size` bytes. */
function docxOf(paragraph: string, size: number): Buffer {
  const document = Buffer.concat([
    Buffer.from('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'),
    repeat(paragraph, size),
    Buffer.from('</w:body></w:document>'),
  ]);
  return zipFile([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(RELS) },
    { name: 'word/document.xml', data: document },
  ]);
}

/** A Word document whose document.xml unpacks to about `size` bytes of repeated paragraphs. */
function docxBomb(size: number): Buffer {
  return docxOf(`<w:p><w:r><w:t>${'The council approved the harbour permits on Tuesday. '.repeat(20)}</w:t></w:r></w:p>`, size);
}

/** A Word document of paragraphs of one-word bold runs, its document.xml about `size` bytes (a tree node per word for mammoth). */
function docxRuns(size: number): Buffer {
  return docxOf(`<w:p>${sentence(0).split(' ').map((w) => `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${w} </w:t></w:r>`).join('')}</w:p>`, size);
}

/** A zip archive of deflated entries (local headers, central directory, end record). */
function zipFile(entries: Array<{ name: string; data: Buffer }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const packed = deflateRawSync(data, { level: 9 });
    const nameBytes = Buffer.from(name);
    const fields = (header: Buffer, at: number) => {
      header.writeUInt16LE(20, at); // version needed
      header.writeUInt16LE(0, at + 2); // flags
      header.writeUInt16LE(8, at + 4); // deflate
      header.writeUInt32LE(0, at + 6); // time and date
      header.writeUInt32LE(crc32(data), at + 10);
      header.writeUInt32LE(packed.length, at + 14);
      header.writeUInt32LE(data.length, at + 18);
      header.writeUInt16LE(nameBytes.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    fields(central, 6);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

// --- The attacks --------------------------------------------------------------------------------

const sourceAttacks: Attack[] = [
  { name: 'capitals', description: '.txt of "A" repeated (names with appositives)', kind: 'source', file: 'a.txt', make: (n) => repeat('A ', n), benchSizes: [40 * KB, 300 * KB], testSizes: [4 * KB, 32 * KB], limitSize: TEXT_LIMIT },
  { name: 'capital-run', description: '.txt of one run of "A"', kind: 'source', file: 'a.txt', make: (n) => repeat('A', n), benchSizes: [40 * KB, 300 * KB], testSizes: [4 * KB, 32 * KB], limitSize: TEXT_LIMIT },
  { name: 'open-quotes', description: '.txt of unclosed “', kind: 'source', file: 'q.txt', make: (n) => repeat('“', n), benchSizes: [300 * KB, 3 * MB], testSizes: [8 * KB, 64 * KB], limitSize: TEXT_LIMIT },
  { name: 'open-quotes-words', description: '.txt of unclosed “ between words', kind: 'source', file: 'q.txt', make: (n) => repeat('“He said ', n), benchSizes: [300 * KB, 3 * MB], testSizes: [16 * KB, 128 * KB], limitSize: TEXT_LIMIT },
  { name: 'md-emphasis', description: '.md of "*_" repeated', kind: 'source', file: 'e.md', make: (n) => repeat('*_', n), benchSizes: [40 * KB, 3 * MB], testSizes: [4 * KB, 32 * KB], limitSize: TEXT_LIMIT },
  { name: 'md-brackets', description: '.md of "[" repeated', kind: 'source', file: 'b.md', make: (n) => repeat('[', n), benchSizes: [40 * KB, 3 * MB], testSizes: [4 * KB, 32 * KB], limitSize: TEXT_LIMIT },
  { name: 'md-links', description: '.md of link syntax repeated', kind: 'source', file: 'l.md', make: (n) => repeat('[a](', n), benchSizes: [40 * KB, 3 * MB], testSizes: [4 * KB, 32 * KB], limitSize: TEXT_LIMIT },
  { name: 'md-newlines', description: '.md of only newlines', kind: 'source', file: 'n.md', make: (n) => repeat('\n', n), benchSizes: [300 * KB, 3 * MB], testSizes: [16 * KB, 128 * KB], limitSize: TEXT_LIMIT },
  { name: 'md-cr', description: '.md of "x\\r" repeated', kind: 'source', file: 'r.md', make: (n) => repeat('x\r', n), benchSizes: [300 * KB, 3 * MB], testSizes: [16 * KB, 128 * KB], limitSize: TEXT_LIMIT },
  { name: 'md-short-lines', description: '.md of "x\\n" repeated (a paragraph of 5 million lines at 10 MB)', kind: 'source', file: 'x.md', make: (n) => repeat('x\n', n), benchSizes: [300 * KB, 3 * MB], testSizes: [16 * KB, 128 * KB], limitSize: TEXT_LIMIT },
  { name: 'section-ends', description: '.txt of "Tags" lines (each a section end that junks the lines after it)', kind: 'source', file: 't.txt', make: (n) => repeat('Tags\n', n), benchSizes: [300 * KB, 3 * MB], testSizes: [16 * KB, 128 * KB], limitSize: TEXT_LIMIT },
  { name: 'md-lines', description: '.md, one sentence per line, no blank lines', kind: 'source', file: 's.md', make: (n) => sentences(n, '\n'), benchSizes: [1 * MB, 9.9 * MB], testSizes: [32 * KB, 256 * KB], limitSize: TEXT_LIMIT },
  { name: 'md-paragraphs', description: '.md of ordinary paragraphs (the baseline)', kind: 'source', file: 'p.md', make: (n) => sentences(n, '\n\n'), benchSizes: [1 * MB, 9.9 * MB], testSizes: [32 * KB, 256 * KB], limitSize: TEXT_LIMIT },
  { name: 'html-paragraphs', description: '.html page of ordinary paragraphs with links (about 15,000 elements a MB)', kind: 'source', file: 'page.html', make: htmlPage, benchSizes: [1 * MB, 3 * MB], testSizes: [16 * KB, 128 * KB], limitSize: TEXT_LIMIT },
  { name: 'base64', description: '.txt of one base64 line', kind: 'source', file: 'b64.txt', make: base64Line, benchSizes: [1 * MB, 9.8 * MB], testSizes: [256 * KB, 2 * MB], limitSize: TEXT_LIMIT },
  { name: 'pdf-stream', description: 'PDF with a huge compressed stream (size unpacked)', kind: 'source', file: 'stream.pdf', make: pdfBigStream, benchSizes: [10 * MB, 200 * MB], testSizes: [64 * KB, 512 * KB], limitSize: PDF_LIMIT },
  { name: 'pdf-long-line', description: 'PDF of one line of one-word runs (600,000 at 9.9 MB unpacked)', kind: 'source', file: 'line.pdf', make: pdfLongLine, benchSizes: [1 * MB, 4 * MB], testSizes: [128 * KB, 1 * MB], limitSize: PDF_LIMIT },
  { name: 'pdf-pages', description: 'PDF of flat pages (200 bytes a page)', kind: 'source', file: 'pages.pdf', make: pdfFlatPages, benchSizes: [400 * KB, 4 * MB], testSizes: [8 * KB, 64 * KB], limitSize: 1_990 * 200 },
  { name: 'docx-runs', description: 'DOCX of one-word bold runs (size unpacked; 0.1 MB on disk at 19.5 MB)', kind: 'source', file: 'runs.docx', make: docxRuns, benchSizes: [4 * MB, 10 * MB], testSizes: [64 * KB, 512 * KB], limitSize: DOCX_LIMIT },
  { name: 'docx-bomb', description: 'DOCX unzipping to far more XML (size unpacked)', kind: 'source', file: 'bomb.docx', make: docxBomb, benchSizes: [60 * MB, 1024 * MB], testSizes: [64 * KB, 512 * KB], limitSize: DOCX_LIMIT },
];

/** Lines from `line(i)`, i = 0, 1, ..., until about `size` bytes. */
function lines(size: number, line: (i: number) => string): Buffer {
  const parts: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < size; i++) {
    const text = line(i);
    parts.push(text);
    bytes += Buffer.byteLength(text);
  }
  return Buffer.from(parts.join(''));
}

/** Draft attacks, checked against the sample corpus (what the extension does on every edit). */
const draftAttacks: Attack[] = [
  { name: 'draft-nested-list', description: 'draft of list items each nested in the one before (1,000 deep at 1 MB)', kind: 'draft', file: 'nested.md', make: (n) => lines(n, (i) => `${'  '.repeat(i)}- Item ${i} says the minister spoke.\n`), benchSizes: [100 * KB, 1 * MB], testSizes: [8 * KB, 64 * KB] },
  { name: 'draft-quote-depth', description: 'draft of paragraphs in ever deeper block quotes (1,000 deep at 540 KB)', kind: 'draft', file: 'quotes.md', make: (n) => lines(n, (i) => `${'>'.repeat(i + 1)} Paragraph ${i} says the mayor spoke.\n\n`), benchSizes: [54 * KB, 540 * KB], testSizes: [8 * KB, 64 * KB], limitSize: 1 * MB },
  { name: 'draft-paragraph', description: 'draft of one paragraph with no full stop', kind: 'draft', file: 'paragraph.md', make: (n) => repeat('The mayor said the budget rose by 5 percent in 2019 and the council agreed ', n), benchSizes: [500 * KB, 5 * MB], testSizes: [16 * KB, 128 * KB] },
  { name: 'draft-paragraphs', description: 'draft of short paragraphs (20,000 at 470 KB)', kind: 'draft', file: 'paragraphs.md', make: (n) => lines(n, (i) => `Short paragraph ${i}.\n\n`), benchSizes: [47 * KB, 470 * KB], testSizes: [4 * KB, 32 * KB], limitSize: 1 * MB },
  { name: 'draft-emphasis', description: 'draft of "*_" repeated', kind: 'draft', file: 'emphasis.md', make: (n) => repeat('*_', n), benchSizes: [40 * KB, 1 * MB], testSizes: [4 * KB, 32 * KB] },
  { name: 'draft-math', description: 'draft of lines opening $$ display math, never closed', kind: 'draft', file: 'math.md', make: (n) => repeat('$$ x\n', n), benchSizes: [100 * KB, 1 * MB], testSizes: [8 * KB, 64 * KB] },
  { name: 'draft-prose', description: 'draft of ordinary paragraphs (the baseline)', kind: 'draft', file: 'prose.md', make: (n) => lines(n, (i) => `${sentence(i)}${i % 4 === 3 ? '\n\n' : ' '}`), benchSizes: [100 * KB, 1 * MB], testSizes: [8 * KB, 64 * KB] },
];

export const attacks: Attack[] = [...sourceAttacks, ...draftAttacks];
