// Extracted formats, loaded on first use: jsdom and pdfjs are large, and a workspace without
// web pages or PDFs should not pay for them at activation.
import type { Extractor } from './index';

export const richFormats: Array<[extensions: string[], extractor: Extractor]> = [
  [['.html', '.htm', '.xhtml'], async (bytes) => (await import('./html')).extractHtml(bytes)],
  [['.pdf'], async (bytes) => (await import('./pdf')).extractPdf(bytes)],
  [['.docx'], async (bytes) => (await import('./docx')).extractDocx(bytes)],
];
