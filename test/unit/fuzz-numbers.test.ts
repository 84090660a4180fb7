// Number parsing under random and mutated input: never throws, mentions are in order, inside
// the text and cover exactly their raw text; written figures read back as the same value.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findNumbers, sameNumber, type NumberKind } from '../../src/core/check/numbers';

const RUNS = 10_000;
const KINDS = new Set<NumberKind>(['count', 'percent', 'money', 'year', 'month', 'day', 'weekday', 'age', 'ordinal']);
const ONES = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 2..99 in words, as news text writes them: "seven", "fifteen", "forty-two". */
function inWords(n: number): string {
  if (n < 10) return ONES[n];
  if (n < 20) return TEENS[n - 10];
  return ONES[n % 10] ? `${TENS[Math.floor(n / 10)]}-${ONES[n % 10]}` : TENS[Math.floor(n / 10)];
}

/** Text built from the pieces number parsing trips on. */
const numberish = fc
  .array(
    fc.oneof(
      fc.constantFrom('12', '1,000', '1,28', '1.28', '2,000,000', '$', '€', '£', '¥', '%', 'per cent', 'percent', 'million', 'bn', 'mn', 'thousand',
        'twelve', 'twenty-one', 'forty', 'hundred', 'first', 'May', 'may', 'Jan.', 'April 26, 2023', 'Monday', '(68)', 'Lukashenko, 68,', 'dollars', 'yuan',
        '-', '.', ',', ' ', '\n', 'A1', 'G7', '3.', '.5', '0000', '9999999999999999999999', '1e5', '٣', '१२'),
      fc.string({ maxLength: 5 }),
      fc.integer({ min: 0, max: 1e9 }).map(String),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(' '));

describe('number parsing under random input', () => {
  it(`findNumbers never throws; mentions are ordered, in bounds, finite and match their raw text (${RUNS} inputs)`, function () {
    this.timeout(60_000);
    fc.assert(
      fc.property(fc.oneof(numberish, fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 80 })), (text) => {
        let last = 0;
        for (const m of findNumbers(text)) {
          assert.ok(m.start >= last && m.start < m.end && m.end <= text.length, `range ${m.start}-${m.end} after ${last}`);
          assert.equal(text.slice(m.start, m.end), m.raw);
          assert.ok(Number.isFinite(m.value), `value ${m.value} of ${m.raw}`);
          assert.ok(KINDS.has(m.kind), m.kind);
          assert.ok(sameNumber(m, m));
          last = m.end;
        }
      }),
      { numRuns: RUNS },
    );
  });

  it(`reads back figures written with thousands separators, decimals, percentages and currencies (${RUNS} inputs)`, function () {
    this.timeout(60_000);
    const written = fc.oneof(
      fc.integer({ min: 0, max: 999_999_999_999 }).map((n) => ({ text: n.toLocaleString('en-US'), value: n, kind: undefined as NumberKind | undefined })),
      fc.integer({ min: 0, max: 999_999 }).map((n) => ({ text: (n / 100).toFixed(2), value: n / 100, kind: undefined as NumberKind | undefined })),
      fc.integer({ min: 0, max: 100_000 }).map((n) => ({ text: `${n}%`, value: n, kind: 'percent' as NumberKind })),
      fc.integer({ min: 0, max: 100_000 }).map((n) => ({ text: `${n.toLocaleString('en-US')} per cent`, value: n, kind: 'percent' as NumberKind })),
      fc.integer({ min: 0, max: 1e9 }).map((n) => ({ text: `$${n.toLocaleString('en-US')}`, value: n, kind: 'money' as NumberKind })),
      fc.integer({ min: 1, max: 999 }).map((n) => ({ text: `${n} million`, value: n * 1e6, kind: undefined as NumberKind | undefined })),
      fc.integer({ min: 2, max: 99 }).map((n) => ({ text: inWords(n), value: n, kind: 'count' as NumberKind })),
    );
    fc.assert(
      fc.property(written, fc.constantFrom('The fund had ', 'About ', '', 'He said '), fc.constantFrom(' people.', ' in total', '', '.'), (figure, before, after) => {
        const text = `${before}${figure.text}${after}`;
        const found = findNumbers(text).filter((m) => m.start < before.length + figure.text.length && m.end > before.length);
        assert.equal(found.length, 1, `${JSON.stringify(text)}: ${JSON.stringify(found)}`);
        assert.ok(Math.abs(found[0].value - figure.value) <= 1e-9 * Math.max(1, figure.value), `${JSON.stringify(text)} read as ${found[0].value}`);
        if (figure.kind) assert.equal(found[0].kind, figure.kind, text);
      }),
      { numRuns: RUNS },
    );
  });

  it(`reads back dates written "Month D, YYYY" (${RUNS} inputs)`, function () {
    this.timeout(60_000);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1800, max: 2100 }), (month, day, year) => {
        const text = `It happened on ${MONTHS[month]} ${day}, ${year}.`;
        const kinds = findNumbers(text).map((m) => [m.kind, m.value]);
        assert.deepEqual(kinds, [['month', month + 1], ['day', day], ['year', year]], text);
      }),
      { numRuns: RUNS },
    );
  });
});
