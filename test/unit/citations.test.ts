import assert from 'node:assert/strict';
import { planCitation, referenceText, sourceLink } from '../../src/core/citations/citation';
import { footnoteKeyFor } from '../../src/core/citations/footnoteKey';
import { footnoteDefinitions } from '../../src/core/citations/footnotes';
import { buildQuoteIndex, filterQuotes, quotesHoldingWords } from '../../src/core/quotes/quoteFilter';
import { openQuoteBefore } from '../../src/core/citations/quoteMarks';
import { planQuoteInsertion, sentenceLead, surnameOf } from '../../src/core/citations/quoteInsertion';
import type { SourceQuote } from '../../src/core/types';
import { pick, randomInt, seededRandom } from '../../scripts/bench/prng';
import { makeSource, passageOf } from './citationsFixtures';

const SOURCE_TEXT = 'Intro line.\nSecond line.\n“It’s a slow game,” Mr. Temur Umarov said.\n';
const doc = makeSource('corpus/a.txt', SOURCE_TEXT, { title: 'Slow games', outlet: 'Blick', date: '6 May 2023' });
const passage = passageOf(doc, '“It’s a slow game,” Mr. Temur Umarov said.');
const quote: SourceQuote = { docId: doc.id, passageId: passage.id, text: 'It’s a slow game,', start: passage.start + 1, end: passage.start + 18, speaker: 'Temur Umarov' };

const WS = { workspaceFolder: '/ws' };

function apply(markdown: string, plan: ReturnType<typeof planQuoteInsertion>): string {
  const edits = [{ start: plan.replaceStart, end: plan.replaceEnd, text: plan.text }, ...plan.additional.map((a) => ({ start: a.offset, end: a.offset, text: a.text }))];
  edits.sort((a, b) => b.start - a.start);
  return edits.reduce((text, e) => text.slice(0, e.start) + e.text + text.slice(e.end), markdown);
}

describe('citation keys', () => {
  it('builds a key from the outlet and year, and avoids taken keys', () => {
    assert.equal(footnoteKeyFor(doc, new Set()), 'blick-2023');
    assert.equal(footnoteKeyFor(doc, new Set(['blick-2023'])), 'blick-2023-2');
  });

  it('prefers the author surname and falls back to title words, then the opening words, never the file name', () => {
    assert.equal(footnoteKeyFor(makeSource('x.txt', '', { author: 'By Dr Jane Roe' }), new Set()), 'roe');
    assert.equal(footnoteKeyFor(makeSource('x.txt', '', { title: 'The Rise of the Machines' }), new Set()), 'rise-machines');
    assert.equal(footnoteKeyFor(makeSource('dir/001_abc.txt', '\n  Water rates rise again in the city.\n'), new Set()), 'water-rates-rise');
    assert.equal(footnoteKeyFor(makeSource('dir/001_abc.txt', ''), new Set()), 'source');
  });
});

describe('footnote citations', () => {
  it('adds a definition at the end, after a blank line, naming the source by its workspace path', () => {
    const plan = planCitation({ markdown: 'Para one.\n', doc, passage, style: 'footnote', ...WS });
    assert.equal(plan.inline, '[^blick-2023]');
    assert.deepEqual(plan.definition, { offset: 10, text: '\n[^blick-2023]: Slow games. Blick, 6 May 2023. <corpus/a.txt>\n' });
  });

  it('reuses the definition already written for the same source', () => {
    const markdown = 'Text.[^blick-2023]\n\n[^blick-2023]: Slow games. Blick, 6 May 2023. <corpus/a.txt>\n';
    const plan = planCitation({ markdown, doc, passage, style: 'footnote', ...WS });
    assert.equal(plan.inline, '[^blick-2023]');
    assert.equal(plan.definition, undefined);
  });

  it('gives a different source a fresh key and joins the existing definition block', () => {
    const markdown = 'Text.[^blick-2023]\n\n[^blick-2023]: Other. <corpus/b.txt>\n';
    const plan = planCitation({ markdown, doc, passage, style: 'footnote', ...WS });
    assert.equal(plan.inline, '[^blick-2023-2]');
    assert.equal(plan.definition?.text, '[^blick-2023-2]: Slow games. Blick, 6 May 2023. <corpus/a.txt>\n');
  });

  it('parses definitions with their offsets', () => {
    const defs = footnoteDefinitions('a\n\n[^k1]: One.\n[^k2]: Two.');
    assert.deepEqual(defs.map((d) => [d.key, d.text]), [['k1', 'One.'], ['k2', 'Two.']]);
    assert.equal('a\n\n[^k1]: One.\n[^k2]: Two.'.slice(defs[1].start, defs[1].end), '[^k2]: Two.');
  });
});

describe('link and pandoc citations', () => {
  it('links to the source file at the passage line, relative to the draft', () => {
    assert.equal(sourceLink(doc, passage, { ...WS, draftPath: '/ws/drafts/story.md' }), '../corpus/a.txt#L3');
    const plan = planCitation({ markdown: '', doc, passage, style: 'link', ...WS, draftPath: '/ws/drafts/story.md' });
    assert.equal(plan.inline, ' ([Slow games. Blick, 6 May 2023.](<../corpus/a.txt#L3>))');
  });

  it('uses the original URL when the source has one', () => {
    const withUrl = makeSource('b.md', 'x', { url: 'https://example.org/a' });
    assert.equal(sourceLink(withUrl, passageOf(withUrl, 'x'), {}), 'https://example.org/a');
  });

  it('cites pandoc style with the footnote key', () => {
    assert.equal(planCitation({ markdown: '', doc, passage, style: 'pandoc' }).inline, ' [@blick-2023]');
  });

  it('keeps brackets in titles from breaking the link', () => {
    assert.equal(referenceText(makeSource('c.txt', '', { title: 'A [draft] title' })), 'A [draft] title.');
    const plan = planCitation({ markdown: '', doc: makeSource('c.txt', 'y', { title: 'A [draft]' }), passage, style: 'link', ...WS });
    assert.match(plan.inline, /\[A \\\[draft\\\]\.\]/);
  });
});

describe('open quotation detection', () => {
  it('finds a curly or straight mark left open before the cursor', () => {
    assert.deepEqual(openQuoteBefore('He said “slow ga', 16), { markOffset: 8, mark: '“', typed: 'slow ga' });
    assert.deepEqual(openQuoteBefore('"abc', 4, 100), { markOffset: 100, mark: '"', typed: 'abc' });
  });

  it('ignores closed quotes, apostrophes and inch marks', () => {
    assert.equal(openQuoteBefore('“done” and more', 15), undefined);
    assert.equal(openQuoteBefore('"one" two', 9), undefined);
    assert.equal(openQuoteBefore('It’s 5" long', 12), undefined);
  });
});

describe('quote insertion', () => {
  it('inserts the exact wording, closing mark, attribution and a new footnote', () => {
    const markdown = 'Umarov studies China.\n\n“slow\n';
    const plan = planQuoteInsertion({ markdown, markOffset: 23, cursorOffset: 28, quote, doc, passage, style: 'footnote', ...WS });
    assert.equal(
      apply(markdown, plan),
      'Umarov studies China.\n\n“It’s a slow game,” Umarov said.[^blick-2023]\n\n[^blick-2023]: Slow games. Blick, 6 May 2023. <corpus/a.txt>\n',
    );
  });

  it('names the speaker in full on first mention and replaces an auto-closed mark', () => {
    const markdown = '"slow"';
    const plan = planQuoteInsertion({ markdown, markOffset: 0, cursorOffset: 5, quote, doc, passage, style: 'pandoc' });
    assert.equal(apply(markdown, plan), '"It’s a slow game," Temur Umarov said [@blick-2023].');
  });

  it('adds no attribution when the sentence already has one', () => {
    const markdown = 'Umarov called it “slow';
    const plan = planQuoteInsertion({ markdown, markOffset: 17, cursorOffset: 22, quote, doc, passage, style: 'footnote' });
    assert.equal(plan.text, 'It’s a slow game”[^blick-2023]');
  });

  it('only looks at the current sentence for an attribution', () => {
    assert.equal(sentenceLead('He said so. Then “x', 17), 'Then ');
    assert.equal(surnameOf('Mr. Temur Umarov'), 'Umarov');
  });
});

describe('quote filtering', () => {
  const make = (text: string): SourceQuote => ({ docId: 'd', passageId: 'd#0', text, start: 0, end: text.length });
  const quotes = [make('It’s really just a diplomatic storytelling game,'), make('China is interested in stopping this war'), make('A game of chess')];

  it('keeps quotes holding every typed word, in any order, the last one unfinished', () => {
    assert.deepEqual(filterQuotes(quotes, 'game diplom').map((q) => q.text), ['It’s really just a diplomatic storytelling game,']);
    assert.deepEqual(filterQuotes(quotes, 'its really').map((q) => q.text), []);
    assert.deepEqual(filterQuotes(quotes, 'it’s really').map((q) => q.text), ['It’s really just a diplomatic storytelling game,']);
  });

  it('ranks quotes where the words come early and cover more of the quote first', () => {
    assert.deepEqual(filterQuotes(quotes, 'game').map((q) => q.text), ['A game of chess', 'It’s really just a diplomatic storytelling game,']);
  });

  it('offers every quote before anything is typed', () => {
    assert.equal(filterQuotes(quotes, '').length, 3);
  });
});

describe('quote ranking', () => {
  it('returns the first of all matches ranked in full, when most of thousands of quotes match', () => {
    const random = seededRandom(5);
    const vocabulary = ['the', 'then', 'there', 'war', 'was', 'we', 'talks', 'tall', 'game', 'games', 'i', 'it', 'in'];
    // Fewer quotes with a speaker than a page of results, and more.
    for (const attributedShare of [0.01, 0.2]) {
      const many = Array.from({ length: 3000 }, (_, n): SourceQuote => {
        const text = Array.from({ length: randomInt(random, 2, 7) }, () => pick(random, vocabulary)).join(' ');
        return { docId: `d${n}`, passageId: `d${n}#0`, text, start: 0, end: text.length, speaker: random() < attributedShare ? 'Umarov' : undefined };
      });
      for (const typed of ['t', 'the', 'i', 'we t', 'war game']) {
        const all = filterQuotes(many, typed, Number.POSITIVE_INFINITY);
        assert.ok(all.length > 200, typed);
        assert.deepEqual(filterQuotes(many, typed), all.slice(0, 50), typed);
      }
    }
  });

  it('puts quotes with a known speaker first', () => {
    const plain: SourceQuote = { docId: 'd', passageId: 'd#0', text: 'diplomatic storytelling game', start: 0, end: 1 };
    const said: SourceQuote = { ...plain, text: 'It’s really just a diplomatic storytelling game,', speaker: 'Umarov' };
    assert.deepEqual(filterQuotes([plain, said], 'storytelling').map((q) => q.speaker), ['Umarov', undefined]);
  });
});

describe('quotesHoldingWords', () => {
  const quote = (text: string, n: number): SourceQuote => ({ docId: `d${n}.txt`, passageId: `d${n}.txt#0`, text, start: 0, end: text.length });
  const small = [quote('There might be a story in it', 0), quote('It’s really just a game', 1), quote('Might there be more', 2)];

  it('finds quotes sharing enough whole words, whatever the changed word', () => {
    const found = quotesHoldingWords(small, ['there', 'might', 'be', 'bivouac'], 3, 10);
    assert.deepEqual(found.map((q) => q.text), ['There might be a story in it', 'Might there be more']);
    assert.deepEqual(quotesHoldingWords(small, ['it’s', 'really', 'game'], 3, 10).map((q) => q.text), ['It’s really just a game']);
  });

  it('gives the same quotes through the word index of a large corpus as by scanning', () => {
    const large = Array.from({ length: 3000 }, (_, n) => quote(`${['there', 'might', 'be', 'a'][n % 4]} story number ${n % 7} in ${n % 3 ? 'it' : 'town'}`, n));
    const words = ['there', 'story', 'it', 'bivouac'];
    const scanned = large.filter((q) => words.filter((w) => q.text.split(' ').includes(w)).length >= 3).slice(0, 50);
    assert.ok(scanned.length > 10);
    assert.deepEqual(quotesHoldingWords(large, words, 3, 50), scanned);
  });

  it('gives the same quotes and completions through an index built in the background, or half built', async () => {
    const make = () => Array.from({ length: 5000 }, (_, n) => quote(`${['there', 'might', 'be', 'a'][n % 4]} story, story number ${n % 7} in ${n % 3 ? 'it' : 'town'} ${n % 5 ? '' : 'there'}`, n));
    const words = ['there', 'story', 'it', 'bivouac'];
    const atOnce = make();
    const scanned = atOnce.filter((q) => words.filter((w) => q.text.replace(',', '').split(' ').includes(w)).length >= 3).slice(0, 50);
    const expected = { held: scanned.map((q) => q.end), typed: filterQuotes(atOnce, 'sto num 3').map((q) => q.end) };
    assert.deepEqual(quotesHoldingWords(atOnce, words, 3, 50), scanned);
    const background = make();
    await buildQuoteIndex(background);
    assert.deepEqual({ held: quotesHoldingWords(background, words, 3, 50).map((q) => q.end), typed: filterQuotes(background, 'sto num 3').map((q) => q.end) }, expected);
    // A check that comes while the index is being built finishes it; a build no longer wanted stops.
    const halfBuilt = make();
    const building = buildQuoteIndex(halfBuilt);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual({ held: quotesHoldingWords(halfBuilt, words, 3, 50).map((q) => q.end), typed: filterQuotes(halfBuilt, 'sto num 3').map((q) => q.end) }, expected);
    await building;
    const unwanted = make();
    await buildQuoteIndex(unwanted, () => false);
    assert.deepEqual(quotesHoldingWords(unwanted, words, 3, 50).map((q) => q.end), expected.held);
  });
});
