import assert from 'node:assert/strict';
import fc from 'fast-check';
import { extractStatements } from '../../src/core/markdown/statements';

/** Markdown assembled from syntax fragments, so random input hits real constructs. */
const markdownLike = fc
  .array(
    fc.oneof(
      fc.constantFrom('# ', '> ', '- ', '1. ', '```', '`', '*', '**', '_', '~~', '[', ']', '(', ')', '![', '[^1]', '[^1]: ', '<!-- sourced: checked -->', '<b>', '&amp;', '&#66;', '\\', '|', '---', '\n', '\r\n', '\n\n', '    ', 'Mr.', '“', '”', '. ', 'word', 'Claim here.'),
      fc.string({ maxLength: 5 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

const RUNS = 10_000;

describe('Markdown statements under random input', () => {
  it(`never throws; offsets are in order, in bounds and map back to the draft (${RUNS} inputs)`, function () {
    this.timeout(60_000);
    fc.assert(
      fc.property(fc.oneof(markdownLike, fc.string({ maxLength: 120 })), (markdown) => {
        let last = 0;
        for (const s of extractStatements(markdown)) {
          assert.ok(s.start >= last && s.start < s.end && s.end <= markdown.length, 'statement range');
          assert.ok(s.blockStart <= s.start && s.end <= s.blockEnd, 'inside its block');
          assert.equal(s.textOffsets.length, s.text.length);
          for (let i = 0; i < s.text.length; i++) {
            const offset = s.textOffsets[i];
            assert.ok(offset >= s.start && offset < s.end, 'char inside statement');
            // Non-decreasing: the two halves of an emoji written as &#128512; share its offset.
            if (i > 0) assert.ok(offset >= s.textOffsets[i - 1], 'chars in order');
          }
          last = s.end;
        }
      }),
      { numRuns: RUNS },
    );
  });
});
