import assert from 'node:assert/strict';
import { PassageIndex } from '../../src/core/search/passageIndex';
import { readDocument } from '../../src/core/check/documentReading';
import { contentTerms, wordTokens } from '../../src/core/search/tokenize';
import type { Passage } from '../../src/core/types';
import { REMEMBERED_TEXTS, rememberedByText } from '../../src/core/text/rememberedByText';
import { foldText } from '../../src/core/search/normalize';
import { bestIndices } from '../../src/core/kthLargest';
import { randomInt, seededRandom } from '../../scripts/bench/prng';

function passagesOf(docId: string, text: string): Passage[] {
  const passages: Passage[] = [];
  for (const m of text.matchAll(/[^.\n]+\./g)) {
    const start = m.index!;
    passages.push({ id: `${docId}#${passages.length}`, docId, start, end: start + m[0].length, text: m[0], contextStart: start, contextEnd: start + m[0].length });
  }
  return passages;
}

describe('tokenize', () => {
  it('keeps names, numbers with separators and decimals, and folds quotes and case', () => {
    assert.deepEqual(wordTokens('China’s 2,000 troops and 1.28 trillion').map((t) => t.norm), ['china', '2000', 'troops', 'and', '1.28', 'trillion']);
  });

  it('stems, drops stop words, maps number words and irregular verbs', () => {
    assert.deepEqual(contentTerms('The leaders met twelve times'), ['leader', 'meet', '12', 'time']);
    assert.deepEqual(contentTerms('a meeting'), ['meet']);
  });

  it('drops contracted auxiliaries as it folds them, but not the words some contractions fold into', () => {
    assert.deepEqual(contentTerms("they can't grow a bean and don’t sell it"), ['grow', 'bean', 'sell']);
    assert.deepEqual(contentTerms('the well and the shed'), ['well', 'shed']);
  });

  it('drops the conjunctions and prepositions that name nothing, so none stands for a word of a statement ("since" for "earlier")', () => {
    assert.deepEqual(contentTerms('met since the summit unless talks fail, whereas aides whose visits ran till May despite rain'), ['meet', 'summit', 'talk', 'fail', 'aid', 'visit', 'run', 'rain']);
  });

  it('folds plain ASCII by case alone, but a backtick, accents, curly quotes and dashes as other text', () => {
    assert.equal(foldText('Kyiv, 2,000 Troops'), 'kyiv, 2,000 troops');
    assert.equal(foldText('Don`t'), "don't");
    assert.equal(foldText('Café “Noël” 1–2'), 'cafe "noel" 1-2');
  });

  it('keeps acronyms that spell stop words, such as US', () => {
    assert.ok(contentTerms('US officials').includes('us_'));
    assert.ok(!contentTerms('tell us').includes('us_'));
  });
});

describe('PassageIndex', () => {
  const text = 'Beijing denied the allegations on Monday. The troops held joint exercises near Japan. Bananas are yellow.';

  it('finds the source of a paraphrase, not only of a copy', () => {
    const index = new PassageIndex();
    index.setDocument('a', text, passagesOf('a', text));
    const hits = index.searchText('Japan and the soldiers exercised jointly', 3);
    assert.equal(hits[0].passage.id, 'a#1');
    assert.ok(hits[0].matchedTerms.includes('Japan'));
    assert.ok(hits[0].score > 0 && hits[0].score <= 1);
  });

  it('replaces and removes one document without a rebuild', () => {
    const index = new PassageIndex();
    index.setDocument('a', text, passagesOf('a', text));
    const other = 'Oranges are sweet.';
    index.setDocument('b', other, passagesOf('b', other));
    assert.equal(index.size, 4);
    const changed = 'Apples are sweet.';
    index.setDocument('b', changed, passagesOf('b', changed));
    assert.equal(index.size, 4);
    assert.equal(index.searchText('oranges').length, 0);
    assert.equal(index.searchText('apples')[0].passage.docId, 'b');
    index.removeDocument('b');
    assert.equal(index.size, 3);
    assert.equal(index.searchText('apples').length, 0);
  });

  it('tells which sentences of a document have a term as reading them would, also after the document changed', () => {
    const index = new PassageIndex();
    const docs: Record<string, string> = {
      a: 'The United States troops met. Troops met the US envoy in Japan. Bananas are yellow. The troops left Japan.',
      b: 'Japan said troops met. Oranges are sweet.',
    };
    const passages: Record<string, Passage[]> = {};
    for (const [id, body] of Object.entries(docs)) {
      passages[id] = passagesOf(id, body);
      index.setDocument(id, body, passages[id]);
    }
    // A changed document takes new slots; the old ones are left dead in the postings.
    docs.a = `${docs.a} Japan and the US troops met again.`;
    passages.a = passagesOf('a', docs.a);
    index.setDocument('a', docs.a, passages.a);
    for (const id of ['a', 'b']) {
      for (const term of ['troop', 'japan', 'us_', 'banana', 'meet', 'absent']) {
        const reading = passages[id].flatMap((p, j) => (contentTerms(p.text, true).includes(term) ? [j] : []));
        assert.deepEqual(index.sentencesWith(id, passages[id], term), reading, `${id} ${term}`);
      }
    }
    assert.deepEqual(index.sentencesWith('a', passages.a, 'us_'), [0, 1, 4]);
    // Passages the index does not hold (another copy, an archived document): not answered.
    assert.equal(index.sentencesWith('a', passagesOf('a', docs.a), 'troop'), undefined);
    assert.equal(index.sentencesWith('c', [], 'troop'), undefined);
  });

  it('finds a unit written onto a figure as the sentences read in full do, with the index or without', () => {
    const body = 'He weighed 185lb then. A lb is a unit. She ran 5km. Nothing here.';
    const passages = passagesOf('g', body);
    const index = new PassageIndex();
    index.setDocument('g', body, passages);
    const reading = readDocument('g', passages, { isCommonWord: () => false });
    const inFull = (term: string) => reading.sentences.flatMap((s, j) => (s.terms.has(term) ? [j] : []));
    for (const term of ['lb', 'km', 'unit', '185lb']) {
      assert.deepEqual(reading.sentencesWith(term, index), inFull(term), term);
      assert.deepEqual(reading.sentencesWith(term), inFull(term), term);
    }
    assert.deepEqual(inFull('lb'), [0, 1]);
    assert.equal(reading.sentences[0].spelling.get('lb'), '185lb');
  });

  it('scores as a fresh index does once removed documents have been compacted away', () => {
    const docs: Record<string, string> = { a: text, b: 'Japan troops met. The troops left Japan. Troops again.', c: 'Troops rested near Japan.' };
    const changed = new PassageIndex();
    for (const [id, body] of Object.entries(docs)) changed.setDocument(id, body, passagesOf(id, body));
    // Enough replacements of b that its dead slots outnumber the live ones and are compacted away,
    // then some more, so dead slots (before and after compaction) stand beside live ones.
    for (let n = 0; n < 1200; n++) changed.setDocument('b', docs.b, passagesOf('b', docs.b));
    changed.setDocument('a', docs.a, passagesOf('a', docs.a));
    const fresh = new PassageIndex();
    for (const id of ['c', 'b', 'a']) fresh.setDocument(id, docs[id], passagesOf(id, docs[id]));
    for (const query of ['troops Japan', 'joint exercises', 'Japan troops left again']) {
      const scored = (index: PassageIndex) => index.searchText(query, 10).map((h) => [h.passage.id, h.score.toFixed(12)]).sort();
      assert.deepEqual(scored(changed), scored(fresh), query);
    }
  });

  it('weights rare words above common ones', () => {
    const index = new PassageIndex();
    const body = 'China said yes. China said no. China said maybe. Pantucci said so.';
    index.setDocument('a', body, passagesOf('a', body));
    assert.ok(index.stats.idf('pantucci') > index.stats.idf('china'));
    assert.deepEqual(index.informativeTerms(['china', 'pantucci', 'unknownword']), ['pantucci', 'china']);
  });
});

describe('rememberedByText', () => {
  it('scans a text once while it is remembered, and forgets the oldest first when full', () => {
    const scanned: string[] = [];
    const lengthOf = rememberedByText((text) => {
      scanned.push(text);
      return text.length;
    });
    const texts = Array.from({ length: REMEMBERED_TEXTS + 2 }, (_, i) => `text ${i}`);
    for (const text of texts.slice(0, REMEMBERED_TEXTS)) assert.equal(lengthOf(text), text.length);
    // All remembered: asking again scans nothing.
    for (const text of texts.slice(0, REMEMBERED_TEXTS)) lengthOf(text);
    assert.equal(scanned.length, REMEMBERED_TEXTS);
    // Two new texts push out the two oldest, however often those were asked for since.
    lengthOf(texts[REMEMBERED_TEXTS]);
    lengthOf(texts[REMEMBERED_TEXTS + 1]);
    scanned.length = 0;
    lengthOf(texts[2]);
    lengthOf(texts[REMEMBERED_TEXTS + 1]);
    assert.deepEqual(scanned, []);
    lengthOf(texts[0]);
    assert.deepEqual(scanned, [texts[0]]);
    // texts[0] came back in place of the oldest left, texts[2].
    lengthOf(texts[2]);
    assert.deepEqual(scanned, [texts[0], texts[2]]);
  });
});

describe('bestIndices', () => {
  it('keeps what a stable sort by score then a slice keep, ties in their order', () => {
    const random = seededRandom(7);
    for (let round = 0; round < 500; round++) {
      // Few distinct scores, so most lists have ties.
      const scores = Array.from({ length: randomInt(random, 0, 40) }, () => randomInt(random, 0, 5));
      const limit = randomInt(random, 0, 12);
      const sorted = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a]).slice(0, limit);
      assert.deepEqual(bestIndices(Float64Array.from(scores), limit), sorted);
    }
  });
});
