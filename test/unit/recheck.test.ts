import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SourcedEngine } from '../../src/core/engine';
import { LAYOUTS_PER_TEXT, RecheckCache } from '../../src/core/check/recheck';
import type { DraftStatement, StatementResult } from '../../src/core/types';

const ROOT = path.resolve(__dirname, '../../..');
const DRAFT = fs.readFileSync(path.join(ROOT, 'sample/drafts/sample-story.md'), 'utf8');
// An edit early in the draft: a new paragraph moves every sentence after it, and one sentence's wrong figure is put right.
const EDITED = `The *council* met on Monday.\n\n${DRAFT.replace('15-point proposal', '12-point proposal')}`;

/** As data: the results of two checks are compared by value. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** Counts the statements it had to check rather than reuse. */
class CountingRechecks extends RecheckCache {
  checked: string[] = [];
  override check(statement: DraftStatement, corpusVersion: number, check: () => StatementResult): StatementResult {
    return super.check(statement, corpusVersion, () => {
      this.checked.push(statement.text);
      return check();
    });
  }
}

describe('re-checking a draft after an edit', function () {
  this.timeout(60000);
  let engine: SourcedEngine;
  beforeEach(async () => {
    engine = new SourcedEngine();
    await engine.loadCorpus({ base: ROOT, roots: ['corpus'] });
  });

  it('checks only the sentences the edit changed, and gives what a fresh check gives (ranges moved with the text)', () => {
    const rechecks = new CountingRechecks();
    const first = engine.checkDraft(DRAFT, { rechecks });
    rechecks.checked = [];
    const again = engine.checkDraft(EDITED, { rechecks });
    assert.deepEqual(rechecks.checked, ['The council met on Monday.', 'Last week Beijing issued a 12-point proposal calling for a ceasefire and an end to Western sanctions against Russia.']);
    assert.deepEqual(plain(again), plain(new SourcedEngine().checkDraftWith(EDITED, engine.checkContext())));
    const proposal = (results: StatementResult[] | undefined) => results?.find((r) => r.statement.text.includes('proposal'))?.verdict;
    assert.deepEqual([proposal(first), proposal(again)], ['number-mismatch', 'supported']);
  });

  it('checks a sentence again when its markup moves its words (the draft ranges would differ)', () => {
    const rechecks = new CountingRechecks();
    engine.checkDraft('China has positioned itself as a neutral player in the Ukraine conflict.', { rechecks });
    rechecks.checked = [];
    engine.checkDraft('China has positioned itself as a *neutral* player in the Ukraine conflict.', { rechecks });
    assert.equal(rechecks.checked.length, 1);
  });

  it('checks a sentence again when the writer marks it as checked, or unmarks it', () => {
    const rechecks = new CountingRechecks();
    const claim = 'The mayor of Kyiv resigned on Friday.';
    const marked = `${claim}\n<!-- sourced: checked -->\n`;
    const verdicts = [claim, marked, claim, marked].map((draft) => engine.checkDraft(draft, { rechecks })![0].verdict);
    assert.deepEqual(verdicts, ['unsupported-claim', 'supported', 'unsupported-claim', 'supported']);
    // Each text and mark is checked once; the later two come from what was remembered.
    assert.equal(rechecks.checked.length, 2);
  });

  it('forgets every result when the corpus changes', async () => {
    const rechecks = new CountingRechecks();
    const before = engine.checkDraft(DRAFT, { rechecks })!;
    const source = before.find((r) => r.verdict === 'supported')!.sources[0].passage.docId;
    engine.removeFile(source);
    rechecks.checked = [];
    const after = engine.checkDraft(DRAFT, { rechecks })!;
    assert.equal(rechecks.checked.length, after.length);
    assert.ok(after.every((r) => r.sources.every((s) => s.passage.docId !== source)));
  });

  it('holds a bounded number of statements, and of layouts of one text', () => {
    const statement = (text: string, gap = 0): DraftStatement => {
      const textOffsets = Array.from(text, (_, i) => (i === 0 ? 0 : i + gap));
      return { text, textOffsets, start: 0, end: textOffsets[textOffsets.length - 1] + 1, blockStart: 0, blockEnd: 0, checked: false };
    };
    const rechecks = new CountingRechecks(2);
    const checkAll = (...statements: DraftStatement[]) => {
      for (const s of statements) rechecks.check(s, 0, () => ({ statement: s, verdict: 'not-a-claim', message: '', sources: [] }));
    };
    checkAll(statement('One.'), statement('Two.'), statement('Three.'), statement('Two.'), statement('One.'));
    assert.deepEqual(rechecks.checked, ['One.', 'Two.', 'Three.', 'One.']);
    rechecks.checked = [];
    const layouts = Array.from({ length: LAYOUTS_PER_TEXT + 1 }, (_, gap) => statement('Four.', gap));
    checkAll(...layouts, layouts[LAYOUTS_PER_TEXT], layouts[0]);
    assert.equal(rechecks.checked.length, LAYOUTS_PER_TEXT + 2);
  });
});
