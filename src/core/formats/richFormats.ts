// Extracted formats live in their own bundles (dist/formats/*.js, built by esbuild.js): jsdom
// and pdfjs are ~17 MB of code, and parsing them would slow every activation and CLI run even
// when no web page or PDF is in the corpus. They are required from disk on first use.
import * as fs from 'fs';
import * as path from 'path';
import { UnindexableSourceError } from '../corpus/unindexable';
import type { ExtractedSource, Extractor } from './index';

type FormatBundle = 'html' | 'pdf' | 'docx';
type BundleExports = { [name: string]: (bytes: Buffer) => Promise<ExtractedSource> };

/** dist/formats/<name>.js: beside this bundle when it runs from dist/, else in the dist/ of an enclosing folder (test and script bundles). */
function bundlePath(name: FormatBundle): string | undefined {
  const candidates = [path.join(__dirname, 'formats', `${name}.js`)];
  for (let dir = __dirname, i = 0; i < 4; i++, dir = path.dirname(dir)) candidates.push(path.join(dir, 'dist', 'formats', `${name}.js`));
  return candidates.find((file) => fs.existsSync(file));
}

const loaded = new Map<FormatBundle, BundleExports>();

function load(name: FormatBundle, label: string): BundleExports {
  let exports = loaded.get(name);
  if (!exports) {
    const file = bundlePath(name);
    if (!file) throw new UnindexableSourceError(`${label} support is missing from this build (no dist/formats/${name}.js): rebuild with "node esbuild.js"`);
    exports = require(file) as BundleExports;
    loaded.set(name, exports);
  }
  return exports;
}

/** An extractor that loads its bundle on first call; its errors keep their user-facing reasons. */
function fromBundle(name: FormatBundle, exportName: string, label: string): Extractor {
  return async (bytes) => {
    try {
      return await load(name, label)[exportName](bytes);
    } catch (error) {
      // The bundle has its own copy of UnindexableSourceError: recognise it by name.
      if (error instanceof Error && error.name === 'UnindexableSourceError') throw new UnindexableSourceError(error.message);
      throw error;
    }
  };
}

export const richFormats: Array<[extensions: string[], extractor: Extractor]> = [
  [['.html', '.htm', '.xhtml'], fromBundle('html', 'extractHtml', 'HTML')],
  [['.pdf'], fromBundle('pdf', 'extractPdf', 'PDF')],
  [['.docx'], fromBundle('docx', 'extractDocx', 'DOCX')],
];
