import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { SourcedEngine } from '../../../src/core/engine';
import { ArchiveReader } from '../../../src/core/archive/archiveReader';
import { checkWithArchives } from '../../../src/core/archive/archiveCheck';
import { quotesWithArchives, searchWithArchives } from '../../../src/core/archive/archiveSearch';
import { filterQuotes } from '../../../src/core/quotes/quoteFilter';
import type { Cluster } from './cluster';
import { freshDatabase, ingestInto, repo, sourceFolder } from './fixtures';

interface EvalItem {
  id: string;
  text: string;
}

const SAMPLE_SETS = ['dev', 'extra-eval', 'holdout', 'holdout2', 'holdout3', 'holdout4'];

function evalDraft(set: string): string {
  const items = (JSON.parse(fs.readFileSync(path.join(repo, 'test', 'fixtures', `${set}.json`), 'utf8')) as { items: EvalItem[] }).items;
  return items.map((item) => item.text.replace(/\s+/g, ' ')).join('\n\n');
}

export function archiveCheckSuite(cluster: () => Cluster): void {
  describe('checking through the archive', () => {
    let url: string;
    let local: SourcedEngine;
    before(async () => {
      url = freshDatabase(cluster());
      await ingestInto(url, { roots: [sourceFolder('corpus')] });
      local = new SourcedEngine();
      await local.loadCorpus({ base: repo, roots: ['corpus'] });
    });

    for (const set of SAMPLE_SETS) {
      it(`gives the ${set} set the verdicts and evidence of the local corpus, with no local source at all`, async () => {
        const draft = evalDraft(set);
        const expected = local.checkDraft(draft);
        const reader = new ArchiveReader({ name: 'newsroom', url });
        try {
          const checked = await checkWithArchives(new SourcedEngine(), draft, [reader], { deadlineMs: 30_000 });
          assert.deepEqual(checked.problems, []);
          const differing = checked.results.flatMap((r, i) => (r.verdict === expected[i].verdict ? [] : [`${r.statement.text}: ${expected[i].verdict} locally, ${r.verdict} through the archive (${r.message})`]));
          assert.deepEqual(differing, []);
          // The document of the evidence, as the eval's top-1 measure (near-tied passages of one article may swap);
          // an unsupported claim's closest passage is no evidence, and near-ties there go either way.
          const topSource = (r: (typeof expected)[number]) => (r.verdict === 'unsupported-claim' ? 'none' : r.sources[0] && path.basename(r.sources[0].passage.docId));
          const movedSource = checked.results.flatMap((r, i) => (topSource(r) === topSource(expected[i]) ? [] : [`${r.verdict}: ${r.statement.text}: ${topSource(expected[i])} locally, ${topSource(r)} through the archive`]));
          assert.deepEqual(movedSource, []);
          assert.ok(checked.results.some((r) => r.sources[0]?.passage.docId.startsWith('newsroom:corpus/')));
        } finally {
          await reader.close();
        }
      });
    }

    it('finds related passages and completes quotations from the archive as the local corpus does', async () => {
      const reader = new ArchiveReader({ name: 'newsroom', url });
      try {
        const query = 'sanctions on Russian oil exports';
        const searched = await searchWithArchives(new SourcedEngine(), query, [reader], 5, 30_000);
        assert.deepEqual(searched.problems, []);
        const expected = local.search(query, 5);
        assert.ok(expected.length > 0);
        // The same passages, the best first (near-tied ones further down may swap: the archive's first-stage rank is SQL's).
        const where = (h: (typeof expected)[number]) => `${path.basename(h.passage.docId)}@${h.passage.start}`;
        assert.deepEqual(searched.hits.map(where).sort(), expected.map(where).sort());
        assert.equal(where(searched.hits[0]), where(expected[0]));
        assert.ok(searched.hits.every((h) => searched.archived.get(h.passage.docId)?.path.startsWith('sourced-archive:/newsroom/corpus/')), 'each hit links to the read-only view of its article');

        const quote = local.quotes().find((q) => q.speaker && q.text.split(' ').length >= 6)!;
        const typed = quote.text.split(' ').slice(0, 3).join(' ');
        const completed = await quotesWithArchives(new SourcedEngine(), typed, [reader], 50, 30_000);
        assert.deepEqual(
          completed.quotes.map((q) => [path.basename(q.docId), q.start, q.speaker]),
          filterQuotes(local.quotes(), typed).map((q) => [path.basename(q.docId), q.start, q.speaker]),
        );
        assert.ok(completed.archived.get(completed.quotes[0].docId)?.path.startsWith('sourced-archive:/newsroom/'), 'completions carry their article for the citation');
        // Nothing typed yet, or only short words: only the local quotations (the archive is not asked).
        const none = await quotesWithArchives(new SourcedEngine(), 'a', [reader], 50, 30_000);
        assert.deepEqual([none.quotes, none.archived.size], [[], 0]);
      } finally {
        await reader.close();
      }
    });
  });
}
