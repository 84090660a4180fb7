import assert from 'node:assert/strict';
import { entityGroups } from '../../src/core/check/entities';
import { SourcedEngine } from '../../src/core/engine';
import type { SourceDocument } from '../../src/core/types';

const namesIn = (text: string): string[][] => entityGroups(text, () => false, () => false).map((g) => g.terms);

describe('names: a capitalized word for a kind of person describes, it does not name', () => {
  it('reads "the Frenchman" and "the Colombian" as descriptions', () => {
    assert.deepEqual(namesIn('The Frenchman said the Colombian had played well.'), []);
  });

  it('reads a noun of nationality as a description, with or without "the" or an adjective before it', () => {
    assert.deepEqual(namesIn('Dutchman reads out the names.'), []);
    assert.deepEqual(namesIn('The Northern Irishman is bidding for a fifth title.'), []);
    assert.deepEqual(namesIn('American officials met Brazilian envoys.'), [['american'], ['brazilian']]);
  });

  it('keeps a surname that is also a person noun when no "the" comes before it', () => {
    assert.deepEqual(namesIn('Baker said the deal was done.'), [['baker']]);
  });

  it('keeps sides and nicknames: a plural or a longer run after "the"', () => {
    assert.deepEqual(namesIn('The Democrats met the Tractor Boys.'), [['democrat'], ['tractor', 'boi']]);
  });

  it('supports "the Frenchman" where the source says "the French midfielder"', () => {
    const engine = new SourcedEngine();
    const text = [
      'Luc Moreau signed a new contract with Lyon on Monday.',
      'The French midfielder said he had turned down offers from three clubs in England.',
    ].join('\n');
    const doc: SourceDocument = { id: 'corpus/story.txt', path: '/corpus/story.txt', format: 'text', metadata: { title: 'Story' }, text, junk: [], contentHash: '' };
    engine.addDocument(doc);
    const [result] = engine.checkDraft('The Frenchman says he turned down offers from three clubs in England.');
    assert.equal(result.verdict, 'supported', result.message);
  });
});

describe('names: the subject a statement opens with', () => {
  const subjects = (text: string): string[][] => entityGroups(text, () => false, () => false).filter((g) => g.subject).map((g) => g.terms);

  it('marks a name that opens the statement right before its verb', () => {
    assert.deepEqual(subjects('Ryan Hass is an analyst at a think tank in Berlin.'), [['ryan', 'hass']]);
    assert.deepEqual(subjects('Orban offered to mediate.'), [['orban']]);
    assert.deepEqual(subjects('The Kremlin will respond.'), [['kremlin']]);
  });

  it('marks names joined by "and" as one subject, and finds its verb past auxiliaries and adverbs', () => {
    const groups = entityGroups('Washington and Kyiv have already welcomed the plan.', () => false, () => false);
    assert.deepEqual(groups.filter((g) => g.subject).map((g) => g.terms), [['kyiv']]);
    assert.equal(groups.find((g) => g.subject)?.predicateStart, 'Washington and Kyiv have already '.length);
  });

  it('does not mark a speaker, an object or a name inside a longer subject', () => {
    assert.deepEqual(subjects('Kova said the talks failed.'), []);
    assert.deepEqual(subjects('The talks with Kova failed.'), []);
    assert.deepEqual(subjects('Police in Oslo arrested two men.'), []);
  });
});

describe('names: a title word before a common noun begins the name of a thing', () => {
  const common = new Set(['leagu', 'cup']);
  const names = (text: string): string[][] => entityGroups(text, (term) => common.has(term), () => false).map((g) => g.terms);

  it('keeps "Premier" in "Indian Premier League"', () => {
    assert.deepEqual(names('The Indian Premier League begins in April.'), [['indian', 'premier', 'leagu'], ['april']]);
  });

  it('still leaves out a title before a person\'s name', () => {
    assert.deepEqual(names('Premier Li Keqiang spoke.'), [['li', 'keqiang']]);
  });
});
