import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Token } from 'markdown-it';
import { markdownItInline, plainInline } from '../../src/core/markdown/draftTokens';
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

describe('inline content without rule characters', () => {
  // Plain lines (text and line breaks only) skip markdown-it's inline parser; its tokens must be the parser's own.
  const plainLines = fc
    .array(fc.oneof(fc.constantFrom('a', 'word', ' ', '  ', '   ', '\t', '\n', ' \n', '  \n', '\n  ', '\n\t', '.', '#', '-', ':', '$', '"', '“', '1', '=', '>', '\u00a0'), fc.string({ maxLength: 3 }).filter((s) => !/[\\`~*_[!<&^]/u.test(s))), { maxLength: 40 })
    .map((parts) => parts.join(''));

  it(`gives the tokens and spans markdown-it gives (${RUNS} inputs)`, function () {
    this.timeout(60_000);
    const shape = (tokens: Token[]) => tokens.map((t) => ({ type: t.type, content: t.content, map: t.map }));
    fc.assert(
      fc.property(plainLines, (content) => {
        const plain: Array<{ type: string; content: string; map: [number, number] }> = [];
        plainInline(content, (type, start, end) => plain.push({ type, content: type === 'text' ? content.slice(start, end) : '', map: [start, end] }));
        assert.deepEqual(plain, shape(markdownItInline(content)));
      }),
      { numRuns: RUNS },
    );
  });
});
