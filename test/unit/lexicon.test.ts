import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { getLexicon, lexiconPath, preloadLexicon } from '../../src/core/lexicon';
import { parseLexicon } from '../../src/core/lexicon/format';
import { reversedWord } from '../../src/core/check/opposites';
import { wordTokens } from '../../src/core/search/tokenize';
import { namesPerson } from '../../src/core/lexicon/people';
import { wordMeaning } from '../../src/core/check/meaning';
import { nounsOfComplexPrepositions } from '../../src/core/lexicon/prepositions';
import { THRESHOLDS } from '../../src/core/check/thresholds';

describe('lexicon', () => {
  const lexicon = getLexicon();

  it('gives base forms, irregular ones from WordNet\'s exception lists', () => {
    assert.equal(lexicon.lemma('went'), 'go');
    assert.equal(lexicon.lemma('children'), 'child');
    assert.equal(lexicon.lemma('Women'), 'woman');
    assert.equal(lexicon.lemma('biggest'), 'big');
    assert.equal(lexicon.lemma('fighting'), 'fight');
    assert.equal(lexicon.lemma('stopped'), 'stop');
    assert.equal(lexicon.lemma('parties'), 'party');
    // A word that is itself a lemma keeps its form, and an unknown word is only lower-cased.
    assert.equal(lexicon.lemma('news'), 'news');
    assert.equal(lexicon.lemma('Qzxvbrtl'), 'qzxvbrtl');
  });

  it('links a near-synonym by WordNet and by its vector', () => {
    assert.equal(lexicon.relation('brawl', 'fight'), 'hypernym');
    assert.equal(lexicon.relation('fight', 'brawl'), 'hyponym');
    assert.ok(lexicon.similarity('brawl', 'fight')! > 0.3);
    assert.ok(lexicon.nearest('brawl', 10).includes('scuffle'));
    assert.equal(lexicon.relation('big', 'large'), 'synonym');
  });

  it('links demonyms, places, derived forms, inflections and abbreviations', () => {
    assert.equal(lexicon.relation('Germany', 'German'), 'pertainym');
    assert.equal(lexicon.relation('French', 'France'), 'pertainym');
    assert.equal(lexicon.relation('Berlin', 'Germany'), 'part');
    assert.equal(lexicon.relation('destroy', 'destruction'), 'derived');
    assert.equal(lexicon.relation('fought', 'fight'), 'inflection');
    assert.equal(lexicon.relation('U.S.', 'United States'), 'abbreviation');
    assert.equal(lexicon.relation('Fight', 'fight'), 'same');
  });

  it('recognises abbreviations by how English abbreviates, not from a list', () => {
    assert.equal(lexicon.relation('Man Utd', 'Manchester United'), 'abbreviation');
    assert.equal(lexicon.relation('Manchester United', 'Man Utd'), 'abbreviation');
    assert.equal(lexicon.relation('USA', 'United States of America'), 'abbreviation');
    assert.equal(lexicon.relation('NHS', 'National Health Service'), 'abbreviation');
    assert.equal(lexicon.relation('Govt', 'government'), 'abbreviation');
    assert.equal(lexicon.relation('Sept.', 'September'), 'abbreviation');
    assert.equal(lexicon.relation('U.N.', 'un'), 'inflection');
    assert.equal(lexicon.relation('U.N.', 'United Nations'), 'abbreviation');
    // A dictionary word is not read as a truncation of a longer one.
    assert.equal(lexicon.relation('man', 'Manchester'), undefined);
    assert.equal(lexicon.relation('fight', 'fighter'), 'derived');
  });

  it('finds antonyms, also through an adjective\'s cluster', () => {
    assert.equal(lexicon.relation('big', 'small'), 'antonym');
    assert.equal(lexicon.relation('huge', 'small'), 'antonym');
    assert.equal(lexicon.relation('increase', 'decrease'), 'antonym');
  });

  it('knows the opposites WordNet lacks from its polarity tables, and says which statement word a passage reverses', () => {
    assert.equal(lexicon.relation('allowed', 'bans'), 'antonym');
    assert.equal(lexicon.reverses('supported', 'opposes'), true);
    assert.equal(lexicon.reverses('military', 'civilian'), false);
    const allowed = wordTokens('The city allowed the march.');
    assert.equal(reversedWord(allowed, 'The city banned the march.'), 'allowed');
    assert.equal(reversedWord(allowed, 'The city permitted the march, having first banned it.'), undefined);
    assert.equal(reversedWord(allowed, 'The city approved the march.'), undefined);
    // Winning and losing tell one event from either side: neither reverses the other without the roles.
    assert.equal(lexicon.reverses('won', 'lost'), false);
  });

  it('finds the nouns inside complex prepositions, and only there', () => {
    assert.deepEqual([...nounsOfComplexPrepositions('he will start in place of the captain'.split(' '))], [4]);
    assert.deepEqual([...nounsOfComplexPrepositions('for the sake of peace'.split(' '))], [1, 2]);
    assert.deepEqual([...nounsOfComplexPrepositions('a place of worship in the front'.split(' '))], []);
  });

  it('counts words close in use as alike only in a common part of speech', () => {
    const lexicon = getLexicon();
    assert.ok(lexicon.sharePartOfSpeech('met', 'visited'));
    assert.ok(!lexicon.sharePartOfSpeech('met', 'soon'));
    assert.ok(lexicon.sharePartOfSpeech('met', 'zzyzxq'), 'a word WordNet lacks is not ruled out');
    assert.equal(wordMeaning('met', 'soon', THRESHOLDS.meaning), undefined);
  });

  it('tells a noun that names a person by its usual sense', () => {
    for (const noun of ['economist', 'defender', 'ministers', 'host', 'counterpart']) assert.equal(namesPerson(noun), true, noun);
    for (const noun of ['bridge', 'party', 'government', 'source', 'qzxvbrtl']) assert.equal(namesPerson(noun), false, noun);
    assert.equal(lexicon.isA('Berlin', 'city'), true);
    assert.equal(lexicon.isA('star', 'person'), false);
    assert.equal(lexicon.isA('star', 'person', 2), true);
  });

  it('knows nothing of unknown words', () => {
    assert.equal(lexicon.relation('qzxvbrtl', 'fight'), undefined);
    assert.equal(lexicon.similarity('qzxvbrtl', 'fight'), undefined);
    assert.equal(lexicon.knows('qzxvbrtl'), false);
    assert.deepEqual(lexicon.nearest('qzxvbrtl', 3), []);
    assert.equal(lexicon.relation('table', 'fight'), undefined);
  });

  it('loads the file from the bundle folder the CLI and the extension run from', () => {
    const dist = path.resolve('dist');
    assert.equal(lexiconPath(dist), path.join(dist, 'lexicon', 'lexicon.bin'));
    const data = parseLexicon(fs.readFileSync(lexiconPath(dist)));
    assert.ok(data.vectorWords.size >= 50_000);
    assert.ok(data.lemmas.indexOf('fight') !== undefined);
    assert.ok(fs.existsSync(path.join(dist, 'lexicon', 'NOTICE.md')));
  });

  it('can be loaded ahead of the first check', async () => {
    await preloadLexicon();
    assert.equal(getLexicon(), lexicon);
  });
});
