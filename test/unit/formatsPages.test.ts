import assert from 'node:assert/strict';
import { planCitation } from '../../src/core/citations/citation';
import { extractPdf } from '../../src/core/formats/pdf';
import { buildHoverCard } from '../../src/core/render/hoverCard';
import type { SourceDocument, StatementResult } from '../../src/core/types';
import { passageOf } from './citationsFixtures';
import { readFormatFixture } from './formatsFixtures';

async function reportDocument(): Promise<SourceDocument> {
  const extracted = await extractPdf(readFormatFixture('report.pdf'));
  return { id: 'sources/report.pdf', path: '/ws/sources/report.pdf', junk: [], contentHash: 'x', ...extracted };
}

describe('formats: PDF pages in citations and hover cards', () => {
  it('cites the page in link and pandoc citations, and links to #page=N of the PDF', async () => {
    const doc = await reportDocument();
    const passage = passageOf(doc, 'The authority plans to replace 18 kilometres of lead pipes by 2026.');
    const link = planCitation({ markdown: '', doc, passage, style: 'link', workspaceFolder: '/ws', draftPath: '/ws/drafts/story.md' });
    assert.equal(link.inline, ' ([Annual Water Quality Report. Dr. Samuel Reyes, 2024-05-02. p. 2](<../sources/report.pdf#page=2>))');
    const pandoc = planCitation({ markdown: '', doc, passage, style: 'pandoc' });
    assert.match(pandoc.inline, /^ \[@[\w-]+, p\. 2\]$/);
  });

  it('shows the page beside the source in a hover card', async () => {
    const doc = await reportDocument();
    const passage = passageOf(doc, 'Nitrate levels fell by 12 percent');
    const result = { verdict: 'supported', message: '', sources: [{ passage, score: 1, matchedTerms: [] }] } as unknown as StatementResult;
    const card = buildHoverCard({ result, draft: '', documents: new Map([[doc.id, doc]]), openLink: () => 'command:sourced.openSource' });
    assert.ok(card.includes('*Annual Water Quality Report* — Dr\\. Samuel Reyes · 2024\\-05\\-02 — p. 1 — [Open source]'), card);
  });
});
