// Quotes and figures as real news writes them: single quotation marks, quoted questions,
// speakers before a colon, a figure said of one person among several, and quick fixes that
// must not write a new error. Each case is a general form of English news prose.
import assert from 'node:assert/strict';
import { SourcedEngine } from '../../src/core/engine';
import { isNotAClaim } from '../../src/core/check/notAClaim';
import { extractQuotes } from '../../src/core/quotes/extractQuotes';
import { findQuoteSpans } from '../../src/core/quotes/quoteSpans';
import { nameInPhrase } from '../../src/core/quotes/names';
import type { Passage, SourceDocument, StatementResult } from '../../src/core/types';

const HARBOUR = [
  "The harbour master, Lena Holm, said: 'The old sea wall will not survive another winter storm.'",
  "Town engineer Piet Vos, 58, and the mayor, Carla Moreau, 64, inspected the wall with 2 divers on 1 August.",
  '“Who will pay for the repairs to the old sea wall?” asked Carla Moreau at the council meeting.',
  '“Sanctions on the port will change nothing for the fishing fleet,” said Piet Vos.',
  '“The work finished on time.” But Jonas Berg said the costs had doubled since spring.',
  'The mayor is 64 years old and the harbour master is 51 years old, the council register shows.',
].join('\n');

function doc(text: string): SourceDocument {
  return { id: 'corpus/harbour.txt', path: '/corpus/harbour.txt', format: 'text', metadata: { title: 'Harbour story' }, text, junk: [], contentHash: '' };
}

function check(statement: string, source = HARBOUR): StatementResult {
  const engine = new SourcedEngine();
  engine.addDocument(doc(source));
  const [result] = engine.checkDraft(statement);
  assert.ok(result, `no statement in: ${statement}`);
  return result;
}

function fixed(statement: string, result: StatementResult): string | undefined {
  return result.fix && statement.slice(0, result.fix.start) + result.fix.replacement + statement.slice(result.fix.end);
}

function speakersOf(text: string): [string, string | undefined][] {
  const whole: Passage[] = [{ id: 'd#0', docId: 'd', start: 0, end: text.length, text, contextStart: 0, contextEnd: text.length }];
  return extractQuotes({ ...doc(text), id: 'd' }, whole).map((q) => [q.text, q.speaker]);
}

describe('quotes in single quotation marks (the British style)', () => {
  it('finds single-quoted spans and leaves apostrophes and plural possessives inside them', () => {
    const text = "She said: 'We don't need the players' money,' and left. The '90s were 'hard'.";
    assert.deepEqual(
      findQuoteSpans(text).map((s) => text.slice(s.start, s.end)),
      ["We don't need the players' money,", 'hard'],
    );
  });

  it("flags `Name said: 'words'` given to someone else as a misattribution, and the right speaker as supported", () => {
    const wrong = check("Carla Moreau said: 'The old sea wall will not survive another winter storm.'");
    assert.equal(wrong.verdict, 'misattribution');
    assert.match(wrong.message, /Lena Holm/);
    assert.equal(check("Lena Holm said: 'The old sea wall will not survive another winter storm.'").verdict, 'supported');
  });

  it('flags a word changed inside single marks as a misquote', () => {
    assert.equal(check("Lena Holm said: 'The old sea wall will not survive another summer storm.'").verdict, 'misquote');
  });
});

describe('a quotation that is a question', () => {
  it('keeps a sentence reporting a quoted question a claim; a sentence that asks is none', () => {
    assert.equal(isNotAClaim('The mayor asked: “Who will pay for the repairs?”'), false);
    assert.equal(isNotAClaim("The mayor asked: 'Who will pay for the repairs?'"), false);
    assert.equal(isNotAClaim('Who will pay for the repairs?'), true);
  });

  it('checks the words of a quoted question: a changed word is a misquote', () => {
    assert.equal(check('Carla Moreau asked: “Who will pay for the repairs to the new sea wall?”').verdict, 'misquote');
  });
});

describe('a verbatim quotation does not vouch for the rest of its sentence', () => {
  it('supports the quote with its speaker, and not a sentence that puts it in an event the source never mentions', () => {
    assert.equal(check('“Sanctions on the port will change nothing for the fishing fleet,” said Piet Vos.').verdict, 'supported');
    const other = check('After the refinery explosion in Gdansk, Piet Vos said “sanctions on the port will change nothing for the fishing fleet”.');
    assert.equal(other.verdict, 'unsupported-claim');
  });
});

describe('speakers', () => {
  it('reads the subject before a colon as the speaker when no verb of saying introduces the quote', () => {
    assert.deepEqual(speakersOf('Piet Vos, an engineer, was more blunt: “The wall is finished.”'), [['The wall is finished.', 'Piet Vos']]);
    const draft = check('Carla Moreau, the mayor, was more blunt: “Sanctions on the port will change nothing for the fishing fleet.”');
    assert.equal(draft.verdict, 'misattribution');
    assert.match(draft.message, /Piet Vos/);
  });

  it('flags a sentence that names a second speaker for a quote the source gives to the first', () => {
    const r = check('Carla Moreau was blunt: “Sanctions on the port will change nothing for the fishing fleet,” Piet Vos said.');
    assert.equal(r.verdict, 'misattribution');
    assert.match(r.message, /not Carla Moreau/);
  });

  it('never takes a conjunction for part of a name, nor the next sentence of the story for an attribution', () => {
    assert.equal(nameInPhrase('But Jonas Berg', 0)?.text, 'Jonas Berg');
    assert.deepEqual(speakersOf('“The work finished on time.” But Jonas Berg said the costs had doubled.'), [['The work finished on time.', undefined]]);
  });
});

describe('figures said of someone', () => {
  it('tells a day of the month from the same number elsewhere: "2 August" against "1 August"', () => {
    const r = check('Piet Vos and Carla Moreau inspected the wall on 2 August.');
    assert.equal(r.verdict, 'number-mismatch');
    assert.match(r.message, /"1", not "2"/);
  });

  it("offers the age of the person named, not of the next person: a fix that writes the source's figure for them", () => {
    const statement = 'Town engineer Piet Vos and the mayor, Carla Moreau, 66, inspected the wall.';
    const r = check(statement);
    assert.equal(r.verdict, 'number-mismatch');
    assert.equal(fixed(statement, r), 'Town engineer Piet Vos and the mayor, Carla Moreau, 64, inspected the wall.');
  });

  it('offers the figure said of the same thing when a passage gives several of the same kind', () => {
    const statement = 'The harbour master is 53 years old, the council register shows.';
    const r = check(statement);
    assert.equal(r.verdict, 'number-mismatch');
    assert.equal(fixed(statement, r), 'The harbour master is 51 years old, the council register shows.');
  });

  it('offers only fixes that, applied, leave the statement supported', () => {
    const engine = new SourcedEngine();
    engine.addDocument(doc(HARBOUR));
    for (const statement of ['Town engineer Piet Vos and the mayor, Carla Moreau, 66, inspected the wall.', 'Piet Vos and Carla Moreau inspected the wall on 2 August.', "Carla Moreau said: 'The old sea wall will not survive another winter storm.'", 'The mayor is 62 years old and the harbour master is 51 years old, the council register shows.']) {
      const [r] = engine.checkDraft(statement);
      const after = fixed(statement, r);
      if (after) assert.equal(engine.checkDraft(after)[0].verdict, 'supported', `${statement} -> ${after}`);
    }
  });
});

describe('the statement result carries its quote findings', () => {
  it('reports each quotation with its draft range, outcome, source and speaker there', () => {
    const statement = '“Sanctions on the port will change nothing for the fishing fleet,” said Piet Vos.';
    const [quote] = check(statement).quotes ?? [];
    assert.ok(quote);
    assert.equal(statement.slice(quote.start, quote.end), 'Sanctions on the port will change nothing for the fishing fleet');
    assert.deepEqual([quote.outcome, quote.docId, quote.speaker], ['verbatim', 'corpus/harbour.txt', 'Piet Vos']);
  });
});
