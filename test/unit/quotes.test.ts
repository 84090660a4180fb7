import assert from 'node:assert/strict';
import { extractQuotes } from '../../src/core/quotes/extractQuotes';
import { findQuoteSpans } from '../../src/core/quotes/quoteSpans';
import { namesMatch, nameInPhrase } from '../../src/core/quotes/names';
import type { Passage, SourceDocument, SpeakerTurn } from '../../src/core/types';

function doc(text: string, turns?: SpeakerTurn[]): SourceDocument {
  return { id: 'd.txt', path: '/d.txt', format: 'text', metadata: {}, text, junk: [], contentHash: '', ...(turns ? { turns } : {}) };
}

function speakers(text: string, turns?: SpeakerTurn[]): [string, string | undefined][] {
  const whole: Passage[] = [{ id: 'd.txt#0', docId: 'd.txt', start: 0, end: text.length, text, contextStart: 0, contextEnd: text.length }];
  return extractQuotes(doc(text, turns), whole).map((q) => [q.text, q.speaker]);
}

describe('findQuoteSpans', () => {
  it('pairs curly and straight marks and ends an unclosed quote at the end of its line', () => {
    const text = '“One,” he said. "Two." “Three\nFour';
    assert.deepEqual(findQuoteSpans(text).map((s) => text.slice(s.start, s.end)), ['One,', 'Two.', 'Three']);
  });

  it('ignores a stray closing mark', () => {
    const text = 'a partnership.” without limits';
    assert.deepEqual(findQuoteSpans(text), []);
  });
});

describe('quote speakers', () => {
  it('reads "X said", "said X", titles and appositives', () => {
    assert.deepEqual(speakers('“It is a game,” Mr. Umarov said.'), [['It is a game,', 'Umarov']]);
    assert.deepEqual(speakers('“Part of a campaign,” said Alicia Bachulska, a politician at the Council.'), [['Part of a campaign,', 'Alicia Bachulska']]);
    assert.deepEqual(speakers('“No problem can be solved without us,” Belarusian President Alexander Lukashenko, a staunch ally of President Vladimir Putin, said.'), [['No problem can be solved without us,', 'Alexander Lukashenko']]);
    assert.deepEqual(speakers('“Unlikely,” Ryan Hass, senior fellow at the Brookings Institution, told RFE/RL.'), [['Unlikely,', 'Ryan Hass']]);
    assert.deepEqual(speakers('“It may backfire,” Rhodium Group’s Noah Barkin told reporters.'), [['It may backfire,', 'Noah Barkin']]);
  });

  it('reads colon forms and "X said that ... “...”"', () => {
    assert.deepEqual(speakers('Yun Sun said on this occasion: "We will never see it."'), [['We will never see it.', 'Yun Sun']]);
    assert.deepEqual(speakers('Pantucci said that the capitals “have clearly pushed for a narrative.”'), [['have clearly pushed for a narrative.', 'Pantucci']]);
  });

  it('gives "he said" to the person named last, and a following quote to the same speaker', () => {
    const text = 'Russia matters, as Jean-Pierre Cabestan, Distinguished Professor at Hong Kong Baptist University, said.\n"Relations prevail," he said. "The main goal is to weaken such systems of alliances."';
    assert.deepEqual(speakers(text), [['Relations prevail,', 'Jean-Pierre Cabestan'], ['The main goal is to weaken such systems of alliances.', 'Jean-Pierre Cabestan']]);
  });

  it('keeps a description when the source names nobody, and resolves one that refers to a named person', () => {
    assert.deepEqual(speakers('An EU diplomat spoke to us. “Anyone is welcome,” the diplomat said.'), [['Anyone is welcome,', 'the diplomat']]);
    const named = 'said Alexander Gabuyev, senior researcher at the Endowment. "China is using all the opportunities," the researcher emphasizes.';
    assert.deepEqual(speakers(named).map(([, s]) => s), ['Alexander Gabuyev']);
  });

  it('ends an unclosed quote where its attribution starts', () => {
    const text = '“Beijing and Minsk have clearly pushed for a narrative that says, ‘We have other options,’ explains Raffaello Pantucci of the Institute.';
    assert.deepEqual(speakers(text), [['Beijing and Minsk have clearly pushed for a narrative that says, ‘We have other options', 'Raffaello Pantucci']]);
  });

  it('takes the speaker of a transcript turn', () => {
    const text = 'INTERVIEWER: Is it "a new era"?';
    assert.deepEqual(speakers(text, [{ speaker: 'Interviewer', start: 0, end: text.length }])[0], ['a new era', 'Interviewer']);
  });

  it('gives a mid-sentence phrase in quotes no speaker', () => {
    assert.deepEqual(speakers('Wang called the relationship “rock-solid” and welcomed it.'), [['rock-solid', undefined]]);
  });
});

describe('names', () => {
  it('strips titles and nationalities from a name', () => {
    assert.equal(nameInPhrase('former Australian Army Major General Mick Ryan', 0)?.text, 'Mick Ryan');
  });

  it('matches surname alone and transliterations, not other people', () => {
    assert.ok(namesMatch('Cabestan', 'Jean-Pierre Cabestan'));
    assert.ok(namesMatch('Gabuev', 'Alexander Gabuyev'));
    assert.ok(!namesMatch('Yun Sun', 'Jean-Pierre Cabestan'));
    assert.ok(!namesMatch('Peskov', 'Dmytro Kuleba'));
    assert.ok(!namesMatch('Xi', 'Li'));
  });
});
