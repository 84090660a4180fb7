// Quote extraction under random and mutated input: never throws; every quote's offsets lie in
// the text, in order, and give back exactly its words; drafted quotes fold stably.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { extractPlainText } from '../../src/core/formats/text';
import { extractQuotes } from '../../src/core/quotes/extractQuotes';
import { findQuoteSpans } from '../../src/core/quotes/quoteSpans';
import { quoteWords } from '../../src/core/quotes/quoteWords';
import { quotesHoldingWords } from '../../src/core/quotes/quoteFilter';
import { buildPassages } from '../../src/core/text/passages';
import type { SourceDocument } from '../../src/core/types';

const RUNS = 10_000;
const OPENING = { double: new Set(['“', '„', '"']), single: new Set(['‘', "'"]) };
const CLOSING = { double: new Set(['”', '"']), single: new Set(['’', "'"]) };

/** News-like text with the marks, attributions and line breaks quote extraction reads. */
const quoteish = fc
  .array(
    fc.oneof(
      fc.constantFrom('“', '”', '„', '"', "'", '‘', '’', '«', '»', ',', '.', '?', '!', '…', ' ', '\n', '\n\n', '\r\n', 'said', 'says', 'told', 'he', 'she',
        'Ann Lee', 'the minister', 'Mr. Umarov', 'according to', 'We will act', 'It is', 'Speaker:', 'Q:', 'Umarov:', '(68)', 'explains Raffaello Pantucci'),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 50 },
  )
  .map((parts) => parts.join(' '));

/** Quoted speech with attributions before or after, mutated by random pieces in between. */
const speech = fc
  .array(
    fc.tuple(
      fc.constantFrom('', 'Ann Lee said: ', 'He told reporters ', 'According to Mr. Umarov, '),
      fc.constantFrom('“', '"', '„', ''),
      fc.array(fc.constantFrom('we', 'will', 'never', 'act', 'alone', 'It’s', 'really', 'just', 'a', 'game', '.', ','), { minLength: 1, maxLength: 12 }).map((w) => w.join(' ')),
      fc.constantFrom('”', '"', '', '“'),
      fc.constantFrom(' said Ann Lee.', ', she said.', ' Umarov added.', ', explains Raffaello Pantucci, a fellow.', '.', ' (68)', '\n', ''),
      fc.oneof(fc.constant(' '), fc.string({ maxLength: 4 })),
    ).map((parts) => parts.join('')),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));

const anyText = fc.oneof(speech, quoteish, fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 80 }));

const QUOTE_COVERAGE_SEED = 20261122;

describe('quote extraction under random input', () => {
  it(`findQuoteSpans gives ordered spans inside their marks, on one line (${RUNS} inputs)`, function () {
    this.timeout(60_000);
    fc.assert(
      fc.property(anyText, (text) => {
        let last = 0;
        for (const span of findQuoteSpans(text)) {
          assert.ok(span.open >= last && span.open < span.start && span.start < span.end && span.end <= span.close && span.close <= text.length, JSON.stringify(span));
          assert.equal(span.start, span.open + 1);
          assert.ok(OPENING[span.marks ?? 'double'].has(text[span.open]), `opens with ${text[span.open]}`);
          if (span.closed) assert.ok(CLOSING[span.marks ?? 'double'].has(text[span.close - 1]), `closes with ${text[span.close - 1]}`);
          assert.ok(!text.slice(span.open, span.close).includes('\n'), 'one line');
          last = span.close;
        }
      }),
      { numRuns: RUNS },
    );
  });

  it(`extractQuotes over a loaded source gives quotes whose offsets give back their words, in a passage (${RUNS} inputs)`, async function () {
    this.timeout(120_000);
    let quotes = 0;
    let attributed = 0;
    await fc.assert(
      fc.asyncProperty(anyText, async (raw) => {
        const extracted = await extractPlainText(Buffer.from(raw, 'utf8')).catch(() => undefined);
        if (!extracted) return; // not text (NUL bytes): the loader skips it with a reason
        const doc: SourceDocument = { id: 'doc.txt', path: '/doc.txt', contentHash: 'x', junk: [], ...extracted };
        const passages = buildPassages(doc);
        const ids = new Set(passages.map((p) => p.id));
        let last = -1;
        for (const quote of extractQuotes(doc, passages)) {
          quotes++;
          if (quote.speaker) attributed++;
          assert.ok(quote.start >= 0 && quote.start < quote.end && quote.end <= doc.text.length, JSON.stringify(quote));
          assert.equal(doc.text.slice(quote.start, quote.end), quote.text);
          assert.ok(ids.has(quote.passageId), `unknown passage ${quote.passageId}`);
          assert.ok(quote.speaker === undefined || quote.speaker.trim().length > 0, 'no blank speaker');
          // Marked quotes come first, in order; transcript turns follow in their own order.
          if (!doc.turns?.length) {
            assert.ok(quote.start > last, 'in order');
            last = quote.start;
          }
        }
      }),
      // Seeded: the count below is a property of the inputs, and an unlucky draw once gave 43.
      { numRuns: RUNS, seed: QUOTE_COVERAGE_SEED },
    );
    // The inputs really exercise extraction: many quotes, some with a speaker.
    assert.ok(quotes > RUNS / 2 && attributed > 100, `${quotes} quotes, ${attributed} attributed`);
  });

  it(`drafted quotes fold to stable words and are found by their words in their own source (${RUNS} inputs)`, function () {
    this.timeout(60_000);
    fc.assert(
      fc.property(anyText, (text) => {
        const words = quoteWords(text);
        assert.equal(quoteWords(words), words, 'folding twice changes nothing');
        for (const span of findQuoteSpans(text)) {
          const quoted = text.slice(span.start, span.end);
          const source = [{ docId: 'd', passageId: 'd#0', text: quoted, start: 0, end: quoted.length }];
          const own = quoteWords(quoted).split(' ').filter(Boolean);
          if (own.length > 0) assert.deepEqual(quotesHoldingWords(source, own, new Set(own).size, 1), [source[0]]);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
