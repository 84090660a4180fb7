import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { SourcedEngine } from '../../../src/core/engine';
import { ArchiveReader } from '../../../src/core/archive/archiveReader';
import { checkWithArchives } from '../../../src/core/archive/archiveCheck';
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
  });
}
