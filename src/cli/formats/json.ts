// JSON output: every statement with its verdict and the sources behind it, 0-based ranges.
import { LineIndex } from '../../core/lineIndex';
import type { CheckReport } from '../checkReport';

export function jsonFormat({ engine, corpusRoot, load, files }: CheckReport): string {
  const lineIndexes = new Map<string, LineIndex>();
  const docLines = (id: string): LineIndex => {
    let index = lineIndexes.get(id);
    if (!index) {
      index = new LineIndex(engine.documents.get(id)?.text ?? '');
      lineIndexes.set(id, index);
    }
    return index;
  };
  const report = {
    version: 1,
    corpus: { root: corpusRoot, documents: load.documents, passages: load.passages },
    files: files.map((file) => {
      const lines = new LineIndex(file.text);
      return {
        path: file.path,
        statements: file.results.map((r) => ({
          text: r.statement.text,
          range: lines.rangeAt(r.statement.start, r.statement.end),
          verdict: r.verdict,
          message: r.message,
          sources: r.sources.map((hit) => ({
            document: hit.passage.docId,
            title: engine.documents.get(hit.passage.docId)?.metadata.title ?? hit.passage.docId,
            range: docLines(hit.passage.docId).rangeAt(hit.passage.start, hit.passage.end),
            text: hit.passage.text,
            score: hit.score,
          })),
        })),
      };
    }),
  };
  return JSON.stringify(report, null, 2);
}
