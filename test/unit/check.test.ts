import assert from 'node:assert/strict';
import { SourcedEngine } from '../../src/core/engine';
import { isNotAClaim } from '../../src/core/check/notAClaim';
import { alignFragment } from '../../src/core/quotes/align';
import type { SourceDocument, StatementResult } from '../../src/core/types';

const SOURCE = [
  'The ministry confirmed on Tuesday that the new bridge across the Amur river will open in March.',
  '“We have built the longest bridge in the region and it will carry trade for decades,” said Olga Petrova, the regional transport minister.',
  'The bridge cost 19 billion roubles, and some 2,400 workers built it over four years.',
  '“Nobody in Moscow believed we could finish it,” the engineer told reporters.',
  'Critics, including economist Ivan Sokolov, 54, say the traffic forecasts are too optimistic.',
  'The port of Vladivostok handled a record volume of grain last year.',
].join('\n');

function engineWith(text: string): SourcedEngine {
  const engine = new SourcedEngine();
  const doc: SourceDocument = { id: 'corpus/bridge.txt', path: '/corpus/bridge.txt', format: 'text', metadata: { title: 'Bridge story' }, text, junk: [], contentHash: '' };
  engine.addDocument(doc);
  return engine;
}

function check(statement: string): StatementResult {
  const [result] = engineWith(SOURCE).checkDraft(statement);
  assert.ok(result, `no statement found in: ${statement}`);
  return result;
}

describe('checkStatement', () => {
  it('supports a paraphrase and cites its passage', () => {
    const r = check('The new bridge over the Amur river opens in March, the ministry said.');
    assert.equal(r.verdict, 'supported');
    assert.match(r.sources[0].passage.text, /Amur river/);
  });

  it('flags a claim that reuses the names but not the facts', () => {
    assert.equal(check('Olga Petrova resigned after the bridge in Vladivostok collapsed.').verdict, 'unsupported-claim');
  });

  it('finds a verbatim, correctly attributed quote supported', () => {
    assert.equal(check('“We have built the longest bridge in the region,” Petrova said.').verdict, 'supported');
  });

  it('reports a one-word change in a quote as a misquote with the source wording and a fix', () => {
    const draft = '“We have built the biggest bridge in the region,” Petrova said.';
    const [r] = engineWith(SOURCE).checkDraft(draft);
    assert.equal(r.verdict, 'misquote');
    assert.match(r.message, /longest bridge/);
    assert.ok(r.fix);
    const fixed = draft.slice(0, r.fix.start) + r.fix.replacement + draft.slice(r.fix.end);
    assert.equal(fixed, '“We have built the longest bridge in the region,” Petrova said.');
  });

  it('checks the figures around a verbatim quote against its passage', () => {
    const source = 'On March 5, the minister said that “the bridge will carry trade for decades to come”.';
    const [wrong] = engineWith(source).checkDraft('On March 8, the minister said that “the bridge will carry trade for decades to come”.');
    assert.equal(wrong.verdict, 'number-mismatch');
    assert.match(wrong.message, /"5", not "8"/);
    const [right] = engineWith(source).checkDraft('On March 5, the minister said that “the bridge will carry trade for decades to come”.');
    assert.equal(right.verdict, 'supported');
  });

  it('accepts a surname-first name shortened to the surname as the same speaker', () => {
    const source = '“The river trade will double within a decade,” said Li Wenliang, an economist in Harbin.';
    assert.equal(engineWith(source).checkDraft('“The river trade will double within a decade,” Li said.')[0].verdict, 'supported');
    assert.equal(engineWith(source).checkDraft('“The river trade will double within a decade,” Wenliang said.')[0].verdict, 'supported');
  });

  it('does not let a superlative stand for its opposite', () => {
    const source = 'The region’s economy last year had some of the worst results in half a century.';
    assert.equal(engineWith(source).checkDraft('The region’s economy had one of its best years in half a century last year.')[0].verdict, 'unsupported-claim');
  });

  it('catches a misquote whose only content word was changed, though the index has nothing to find', () => {
    const source = 'The clerk looked up. “There might be a story in it,” he drawled.';
    const [r] = engineWith(source).checkDraft('“There might be a bivouac in it,” the clerk said.');
    assert.equal(r.verdict, 'misquote');
    assert.match(r.message, /There might be a story in it/);
  });

  it('does not take a different quote made of common words for a misquote', () => {
    const source = 'The clerk looked up. “There might be a story in it,” he drawled.';
    assert.equal(engineWith(source).checkDraft('“We will see what happens next,” the clerk said.')[0].verdict, 'unverified-quote');
  });

  it('names, as the draft writes them, the names the closest source lacks', () => {
    const r = check('Olga Petrova’s bridge across the Amur river will open in Khabarovsk in March.');
    assert.equal(r.verdict, 'unsupported-claim');
    assert.match(r.message, /never mentions "Khabarovsk"/);
  });

  it('does not let a word stand for its opposite (little/a lot, delay/hasten)', () => {
    const source = 'For now, the port has little to gain from the new bridge, so the governor will want to delay the opening.';
    assert.equal(engineWith(source).checkDraft('The port has a lot to gain from the new bridge.')[0].verdict, 'unsupported-claim');
    assert.equal(engineWith(source).checkDraft('The governor wants to hasten the opening of the bridge.')[0].verdict, 'unsupported-claim');
    assert.equal(engineWith(source).checkDraft('The port has little to gain from the new bridge.')[0].verdict, 'supported');
    assert.equal(engineWith(source).checkDraft('The governor wants to postpone the opening of the bridge.')[0].verdict, 'supported');
  });

  it('reports an invented quote on the same topic as unverified', () => {
    assert.equal(check('“The bridge will double our exports to China,” Petrova said.').verdict, 'unverified-quote');
  });

  it('reports a verbatim quote given to the wrong person as a misattribution, naming the source speaker', () => {
    const draft = 'Sokolov said: “We have built the longest bridge in the region.”';
    const [r] = engineWith(SOURCE).checkDraft(draft);
    assert.equal(r.verdict, 'misattribution');
    assert.match(r.message, /Olga Petrova/);
    assert.equal(draft.slice(r.fix!.start, r.fix!.end), 'Sokolov');
    assert.equal(r.fix!.replacement, 'Petrova');
  });

  it('accepts a quote with an omission marked by an ellipsis and a bracketed insertion', () => {
    assert.equal(check('“We have built the longest bridge … and it will carry [Russian] trade for decades,” said Petrova.').verdict, 'supported');
  });

  it('treats a named speaker for words the source gives to an unnamed person as a misattribution', () => {
    assert.equal(check('“Nobody in Moscow believed we could finish it,” Petrova said.').verdict, 'misattribution');
    assert.equal(check('“Nobody in Moscow believed we could finish it,” the engineer said.').verdict, 'supported');
  });

  it('reports a different figure, age or month as a number mismatch with the source figure', () => {
    const cost = check('The bridge cost 25 billion roubles.');
    assert.equal(cost.verdict, 'number-mismatch');
    assert.match(cost.message, /19 billion roubles/);
    assert.equal(cost.fix?.replacement, '19 billion roubles');
    assert.equal(check('Some 2,400 workers built the bridge over five years.').verdict, 'number-mismatch');
    assert.equal(check('Economist Ivan Sokolov, 45, says the traffic forecasts are too optimistic.').verdict, 'number-mismatch');
    assert.equal(check('The ministry confirmed that the bridge across the Amur river will open in April.').verdict, 'number-mismatch');
  });

  it('matches spelled-out and digit figures', () => {
    assert.equal(check('About two thousand four hundred workers built the bridge over 4 years.').verdict, 'supported');
  });

  it('never flags questions, signposts or newsroom notes', () => {
    for (const text of ['Why does it matter?', 'Here is what we know.', 'We will update this story.', 'More on that below.']) {
      assert.equal(check(text).verdict, 'not-a-claim', text);
    }
  });

  it('honours a sourced: checked comment', () => {
    const [r] = engineWith(SOURCE).checkDraft('The bridge is painted pink. <!-- sourced: checked -->');
    assert.equal(r.verdict, 'supported');
  });
});

describe('isNotAClaim', () => {
  it('keeps short factual sentences as claims', () => {
    assert.equal(isNotAClaim('Putin resigned.'), false);
    assert.equal(isNotAClaim('The bridge cost 19 billion roubles.'), false);
  });
});

describe('alignFragment', () => {
  const words = (s: string) => s.split(' ').map((norm) => ({ norm }));

  it('finds a fragment inside a longer source at no cost', () => {
    const a = alignFragment(words('the longest bridge'), words('we built the longest bridge in the region'));
    assert.deepEqual([a.cost, a.matches, a.sourceStart, a.sourceEnd], [0, 3, 2, 5]);
  });

  it('counts a substituted word as one edit', () => {
    assert.equal(alignFragment(words('the biggest bridge'), words('we built the longest bridge')).cost, 1);
  });

  it('aligns a changed last word to the source word it replaced', () => {
    const a = alignFragment(words('tools to make a change'), words('enough tools to make a difference and we trust it'));
    assert.deepEqual([a.cost, a.sourceStart, a.sourceEnd], [1, 1, 6]);
  });

  it('lets a quote leave out bracketed editorial words of the source', () => {
    const source = [{ norm: 'we' }, { norm: 'europeans', optional: true }, { norm: 'cannot' }];
    assert.equal(alignFragment(words('we cannot'), source).cost, 0);
  });
});
