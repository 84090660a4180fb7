import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findJunk } from '../../src/core/corpus/clean';
import { readMetadata } from '../../src/core/corpus/metadata';
import { splitSentences } from '../../src/core/text/sentences';

/** Text built from the pieces that trip segmenters: marks, quotes, abbreviations, breaks. */
const newsLike = fc
  .array(
    fc.oneof(
      fc.constantFrom('Mr.', 'U.S.', 'J.', '1.28', '...', '…', '“', '”', '"', "'", '’', '.', '?', '!', ' ', '  ', '\n', '\r\n', '\n\n', 'said', 'He', 'the', '(70)', '[x]', 'class="a">', 'I am Ann Lee, a journalist', 'Source: X', 'About Ann Lee', 'Check Also'),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(' '));

const RUNS = 10_000;

describe('sentence segmentation and cleaning under random input', () => {
  it(`splitSentences gives ordered, trimmed, in-bounds sentences that round-trip (${RUNS} inputs)`, function () {
    this.timeout(60_000);
    fc.assert(
      fc.property(fc.oneof(newsLike, fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 80 })), (text) => {
        let last = 0;
        for (const s of splitSentences(text)) {
          assert.ok(s.start >= last && s.start < s.end && s.end <= text.length);
          assert.equal(text.slice(s.start, s.end), s.text);
          assert.equal(s.text, s.text.trim());
          // A line break inside a sentence only where a wrapped line goes on in lowercase.
          for (const m of s.text.matchAll(/\n[ \t]*(.)/gsu)) assert.match(m[1], /\p{Ll}/u);
          last = s.end;
        }
      }),
      { numRuns: RUNS },
    );
  });

  it(`findJunk and readMetadata never throw and give in-bounds ranges (${RUNS} inputs)`, function () {
    this.timeout(60_000);
    fc.assert(
      fc.property(newsLike, (text) => {
        for (const range of [...findJunk(text), ...readMetadata(text).lines]) {
          assert.ok(range.start >= 0 && range.start < range.end && range.end <= text.length);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
