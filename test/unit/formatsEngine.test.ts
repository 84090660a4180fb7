import assert from 'node:assert/strict';
import { SourcedEngine } from '../../src/core/engine';
import { pageOfOffset } from '../../src/core/formats/pages';
import { formatFixtureDir } from './formatsFixtures';

describe('formats: checking a draft against HTML, PDF, DOCX and transcript sources', () => {
  let engine: SourcedEngine;
  before(async () => {
    engine = new SourcedEngine();
    await engine.loadCorpus({ base: formatFixtureDir, roots: ['.'] });
  });

  it('finds a PDF passage and gives its page', () => {
    const [hit] = engine.search('rivers cleaner than in a generation');
    assert.equal(hit.passage.docId, 'report.pdf');
    assert.equal(pageOfOffset(engine.documents.get('report.pdf')!, hit.passage.start), 2);
  });

  it('supports statements from the web page and the Word document', () => {
    const results = engine.checkDraft('The harbor council voted 7 to 2 to build a movable flood barrier.\n\nCouncillor Ana Ruiz said the city would keep all four branches open until 2026.\n');
    assert.deepEqual(results.map((r) => [r.verdict, r.sources[0]?.passage.docId]), [['supported', 'article.html'], ['supported', 'memo.docx']]);
  });

  it('gives every sentence of a transcript turn to its speaker, so a quote given to the interviewer is misattributed', () => {
    const quote = engine.quotes().find((q) => q.docId === 'interview.txt' && q.text === 'The idea is old.');
    assert.equal(quote?.speaker, 'Lena Fischer');
    const [result] = engine.checkDraft('“The idea is old,” said Maria Okafor.\n');
    assert.equal(result.verdict, 'misattribution');
    assert.match(result.message, /Lena Fischer/);
    const [right] = engine.checkDraft('“It sat in a drawer for years,” said Lena Fischer.\n');
    assert.equal(right.verdict, 'supported');
  });
});
