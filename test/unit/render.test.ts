import assert from 'node:assert/strict';
import { emphasizeMarkdown, splitByTerms } from '../../src/core/render/highlight';
import { buildHoverCard } from '../../src/core/render/hoverCard';
import { escapeMarkdown } from '../../src/core/render/markdownEscape';
import { truncate } from '../../src/core/text/truncate';
import { paragraphText } from '../../src/core/render/paragraph';
import { sourceLabelParts, sourceTooltip } from '../../src/core/render/sourceLabel';
import { quoteDiff, quoteDiffMarkdown } from '../../src/core/render/wordDiff';
import type { DraftStatement, PassageHit, StatementResult } from '../../src/core/types';
import { makeSource, passageOf } from './citationsFixtures';

/** Strips backslash escapes, i.e. the literal text a Markdown renderer would show. */
function shown(markdown: string): string {
  return markdown.replace(/\\(.)/g, '$1');
}

describe('Markdown escaping', () => {
  const hostile = '[click](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> https://evil.example **bold** `code` &lt;';

  it('leaves no unescaped link, HTML, emphasis or autolink syntax', () => {
    const escaped = escapeMarkdown(hostile);
    assert.doesNotMatch(escaped, /(^|[^\\])[[\]<>()*`&]/);
    assert.doesNotMatch(escaped, /https:\/\//);
    assert.equal(shown(escaped), hostile);
  });

  it('drops control and bidirectional override characters and folds whitespace', () => {
    assert.equal(escapeMarkdown('a\u202Eb\u0007c\n\n d'), 'abc d');
  });

  it('truncates on a word boundary', () => {
    assert.equal(truncate('one two three four', 12), 'one two…');
    assert.equal(truncate('short', 12), 'short');
  });
});

describe('term emphasis', () => {
  it('marks whole-word, case-insensitive matches only', () => {
    assert.deepEqual(splitByTerms('China and chinaware; CHINA.', ['china']), [
      { text: 'China', match: true },
      { text: ' and chinaware; ', match: false },
      { text: 'CHINA', match: true },
      { text: '.', match: false },
    ]);
  });

  it('emphasizes escaped text', () => {
    assert.equal(emphasizeMarkdown('a [peace] plan', ['peace']), 'a \\[**peace**\\] plan');
  });
});

describe('quote word diff', () => {
  it('marks the words the draft changed', () => {
    const segments = quoteDiff('It’s really just a diplomatic storytelling game', "It's only a diplomatic storytelling game");
    assert.deepEqual(segments.filter((s) => s.kind !== 'same').map((s) => [s.kind, s.text.trim()]), [
      ['source-only', 'really just'],
      ['draft-only', 'only'],
    ]);
  });

  it('renders source-only words bold and draft-only words struck', () => {
    assert.equal(quoteDiffMarkdown('a big plan', 'a small plan'), 'a **big** ~~small~~ plan');
  });
});

describe('hover card', () => {
  const source = makeSource('corpus/a.txt', 'Beijing proposed a 12-point plan [x](command:evil). More.', {
    title: 'Peace *plan*',
    outlet: 'Blick',
  });
  const passage = passageOf(source, 'Beijing proposed a 12-point plan [x](command:evil).');
  const hit: PassageHit = { passage, score: 9.5, matchedTerms: ['Beijing', 'plan'] };
  const statement: DraftStatement = { text: 'Beijing offered a plan.', textOffsets: [], start: 0, end: 23, blockStart: 0, blockEnd: 23, checked: false };
  const documents = new Map([[source.id, source]]);
  const openLink = () => 'command:sourced.openSource?%5B%5D';

  it('shows the verdict, the passage with emphasis, the source and one trusted link', () => {
    const result: StatementResult = { statement, verdict: 'supported', message: 'Supported by Blick.', sources: [hit] };
    const card = buildHoverCard({ result, draft: statement.text, documents, openLink });
    assert.match(card, /✓ Supported/);
    assert.match(card, /\*\*Beijing\*\*/);
    assert.match(card, /\*Peace \\\*plan\\\*\* — Blick/);
    const links = [...card.matchAll(/(?<!\\)\]\(([^)]*)\)/g)].map((m) => m[1]);
    assert.deepEqual(links, ['command:sourced.openSource?%5B%5D']);
  });

  it('shows a misquote with the source wording and the differences', () => {
    const draft = 'He said “a small plan” today.';
    const result: StatementResult = {
      statement: { ...statement, text: draft, end: draft.length },
      verdict: 'misquote',
      message: 'Misquote: the source says "a big plan".',
      sources: [hit],
      focus: { start: 8, end: 22 },
      fix: { title: 'Use the source wording', start: 9, end: 21, replacement: 'a big plan' },
    };
    const card = buildHoverCard({ result, draft, documents, openLink });
    assert.match(card, /Misquote/);
    assert.match(card, /a \*\*big\*\* ~~small~~ plan/);
  });

  it('limits the card to three passages (every sentence a verdict uses), each an excerpt around what matched', () => {
    const long = makeSource('corpus/long.txt', `${'Earlier context runs on here. '.repeat(20)}Beijing proposed a 12-point plan. ${'Later words follow it. '.repeat(20)}`);
    const longHit: PassageHit = { passage: passageOf(long, long.text.trim()), score: 9, matchedTerms: ['Beijing', 'plan'] };
    const result: StatementResult = { statement, verdict: 'supported', message: '', sources: [longHit, hit, hit, hit] };
    const card = buildHoverCard({ result, draft: '', documents: new Map([...documents, [long.id, long]]), openLink });
    assert.equal(card.split('Open source').length - 1, 3);
    const excerpt = card.split('\n').find((line) => line.startsWith('> ') && line.includes('12'))!;
    assert.match(excerpt, /^> ….*\*\*Beijing\*\* proposed a 12\\-point \*\*plan\*\*/);
    assert.ok(excerpt.length < 320, excerpt);
  });

  it('under the Problems message, adds the evidence instead of repeating the message', () => {
    const draft = 'He said “a small plan” today.';
    const result: StatementResult = {
      statement: { ...statement, text: draft, end: draft.length },
      verdict: 'misquote',
      message: 'Misquote: the source says "a big plan".',
      sources: [hit],
      focus: { start: 8, end: 22 },
      fix: { title: 'Use the source wording', start: 9, end: 21, replacement: 'a big plan' },
    };
    const shown = buildHoverCard({ result, draft, documents, openLink, problemShown: true });
    assert.doesNotMatch(shown, /Misquote|the source says/);
    assert.match(shown, /^\*\*Sourced\*\* · source wording/);
    assert.match(shown, /a \*\*big\*\* ~~small~~ plan/);
    // VS Code's message quotes the passage already: the card names its source and links to it.
    assert.match(shown, /From \*Peace \\\*plan\\\*\* — Blick — \[Open source\]/);
    assert.doesNotMatch(shown, /^> .*proposed/m);
    // Off the flagged words VS Code shows no message, so the card says it.
    assert.match(buildHoverCard({ result, draft, documents, openLink }), /Misquote\\: the source says/);
  });

  it('marks the words with no counterpart and lists the pairs matched by meaning, escaped', () => {
    const draft = 'Beijing offered a *plan*.';
    const result: StatementResult = {
      statement: { ...statement, end: draft.length },
      verdict: 'unsupported-claim',
      message: 'Unsupported claim.',
      sources: [hit],
      unmatched: [{ word: 'plan', start: 19, end: 23 }],
      meaningPairs: [{ word: 'offered', counterpart: 'proposed_[x]', relation: 'synonym' }],
    };
    const card = buildHoverCard({ result, draft, documents, openLink });
    assert.match(card, /Beijing offered a \\\*\*\*plan\*\*\\\*\\\./);
    assert.match(card, /offered ≈ proposed\\_\\\[x\\\]/);
  });
});

describe('paragraph at the cursor', () => {
  const markdown = 'One. Two.\n\nThree.';
  const statement = (text: string, start: number, blockStart: number, blockEnd: number): DraftStatement => ({
    text,
    textOffsets: [],
    start,
    end: start + text.length,
    blockStart,
    blockEnd,
    checked: false,
  });
  const statements = [statement('One.', 0, 0, 9), statement('Two.', 5, 0, 9), statement('Three.', 11, 11, 17)];

  it('joins the statements of the block holding the cursor', () => {
    assert.equal(paragraphText(statements, markdown, 6), 'One. Two.');
    assert.equal(paragraphText(statements, markdown, 12), 'Three.');
  });

  it('falls back to the raw lines around the cursor outside prose', () => {
    assert.equal(paragraphText([], '# Title\n\nBody', 3), '# Title');
  });
});

describe('source labels', () => {
  it('uses the title and byline from metadata', () => {
    const doc = makeSource('c/a.txt', 'Body.', { title: 'T', outlet: 'O', author: 'A' });
    assert.deepEqual(sourceLabelParts(doc, doc.id), { title: 'T', byline: 'O · A' });
  });

  it('titles an untitled source by its opening words, keeping the file and the whole line for the tooltip', () => {
    const doc = makeSource('c/a.txt', '\n  China has sought to show the world that there is an alternative to a US-led order.\nMore.', { outlet: 'O' });
    assert.deepEqual(sourceLabelParts(doc, doc.id), { title: 'China has sought to show the world that there is an alternative to a…', byline: 'O' });
    assert.equal(sourceTooltip(doc, doc.id), 'China has sought to show the world that there is an alternative to a US-led order.\nO\nc/a.txt');
  });

  it('says when a date has no year', () => {
    assert.equal(sourceLabelParts(makeSource('a.txt', 'x', { date: '6 May, 09:59' }), 'a.txt').byline, '6 May, 09:59 (year not given)');
    assert.equal(sourceLabelParts(makeSource('a.txt', 'x', { date: '6 May 2023, 09:59' }), 'a.txt').byline, '6 May 2023, 09:59');
    assert.equal(sourceLabelParts(makeSource('a.txt', 'x', { date: '2023-04-26' }), 'a.txt').byline, '2023-04-26');
  });
});
