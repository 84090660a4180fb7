import assert from 'node:assert/strict';
import { isNotAClaim } from '../../src/core/check/notAClaim';
import { STOP_WORDS } from '../../src/core/search/stopWords';

describe('isNotAClaim: transitions and newsroom notes', () => {
  it('takes notes about the article itself for no claim, whatever follows the colon', () => {
    assert.ok(isNotAClaim('Editor’s note: An earlier version of this article misstated a date.'));
    assert.ok(isNotAClaim('Correction: An earlier version of this story misspelled a name.'));
    assert.ok(isNotAClaim('Update: This story was revised on Monday to add a response.'));
  });

  it('takes short transitions made of discourse words for no claim', () => {
    for (const text of ['That is where things get complicated.', 'Still, the picture is mixed.', 'None of this is new.', 'The reasons are many.', 'Some background is useful here.']) {
      assert.ok(isNotAClaim(text), text);
    }
  });

  it('keeps short sentences that report something as claims', () => {
    for (const text of ['The talks collapsed.', 'Sanctions are working.', 'Trade fell sharply last year.', 'Still, the new bridge opened in May.', 'Note that Oslo banned the tax.']) {
      assert.ok(!isNotAClaim(text), text);
    }
  });

  it('keeps any sentence with a figure as a claim (it reads no words for that: no stop word has a digit)', () => {
    assert.deepEqual([...STOP_WORDS].filter((word) => /\d/.test(word)), []);
    assert.ok(!isNotAClaim('That is 2 things.'));
  });
});
