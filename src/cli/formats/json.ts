// JSON output: every statement with its verdict and the sources behind it, 0-based ranges.
import { sourceLines } from '../../core/citations/sourceLines';
import { LineIndex } from '../../core/lineIndex';
import { sourceTitle } from '../../core/text/documentTitle';
import type { SourceDocument } from '../../core/types';
import { sourcePath, type CheckReport } from '../checkReport';

/** What is known of a source: its title (or, untitled, its opening words, as the hover card names it), outlet, author, date and URL. */
function sourceFields(doc: SourceDocument | undefined): Partial<Record<'title' | 'outlet' | 'author' | 'date' | 'url', string>> {
  if (!doc) return {};
  const { outlet, author, date, url } = doc.metadata;
  return { title: sourceTitle(doc), outlet, author, date, url };
}

function sourceRange(doc: SourceDocument | undefined, start: number, end: number) {
  return doc ? sourceLines(doc).rangeAt(start, end) : undefined;
}

export function jsonFormat(report: CheckReport): string {
  const { corpusRoot, load, files, documentOf, archives } = report;
  const json = {
    version: 1,
    corpus: { root: corpusRoot, documents: load.documents, passages: load.passages },
    archives,
    files: files.map((file) => {
      const lines = new LineIndex(file.text);
      return {
        path: file.path,
        statements: file.results.map((r) => ({
          text: r.statement.text,
          range: lines.rangeAt(r.statement.start, r.statement.end),
          verdict: r.verdict,
          message: r.message,
          ...(r.confidence !== undefined ? { confidence: r.confidence } : {}),
          ...(r.unmatched ? { unmatched: r.unmatched.map((u) => u.word) } : {}),
          ...(r.meaningPairs?.length ? { matchedByMeaning: r.meaningPairs } : {}),
          sources: r.sources.map((hit) => ({
            document: sourcePath(report, hit.passage.docId),
            ...sourceFields(documentOf(hit.passage.docId)),
            range: sourceRange(documentOf(hit.passage.docId), hit.passage.start, hit.passage.end),
            text: hit.passage.text,
            score: hit.score,
          })),
        })),
      };
    }),
  };
  return JSON.stringify(json, null, 2);
}
