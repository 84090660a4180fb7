import assert from 'node:assert/strict';
import { splitSentences } from '../../src/core/text/sentences';

const texts = (text: string) => splitSentences(text).map((s) => s.text);

describe('splitSentences', () => {
  it('splits plain sentences with exact, trimmed offsets', () => {
    const text = '  First one.  Second one!   Third one?  ';
    const sentences = splitSentences(text);
    assert.deepEqual(sentences.map((s) => s.text), ['First one.', 'Second one!', 'Third one?']);
    for (const s of sentences) assert.equal(text.slice(s.start, s.end), s.text);
  });

  it('keeps titles and month abbreviations inside the sentence', () => {
    assert.deepEqual(texts('Mr. Umarov met Dr. Li and Gen. Smith on Feb. 4 in St. Louis. They talked.'), [
      'Mr. Umarov met Dr. Li and Gen. Smith on Feb. 4 in St. Louis.',
      'They talked.',
    ]);
  });

  it('keeps U.S. and similar acronyms unless a new sentence clearly starts', () => {
    assert.deepEqual(texts('The U.S. Army said so. He moved to the U.S. The move was quick.'), [
      'The U.S. Army said so.',
      'He moved to the U.S.',
      'The move was quick.',
    ]);
    assert.deepEqual(texts('U.S. officials warned the E.U. Commission.'), ['U.S. officials warned the E.U. Commission.']);
  });

  it('keeps initials and decimals', () => {
    assert.deepEqual(texts('J. R. Smith said trade grew to 1.28 trillion yuan. Florence L. Silvia agreed.'), [
      'J. R. Smith said trade grew to 1.28 trillion yuan.',
      'Florence L. Silvia agreed.',
    ]);
  });

  it('ends a sentence after a quotation that ends with a full stop', () => {
    assert.deepEqual(texts('Lukashenko told Xinhua. “Whoever wants to curb China will not succeed.” A clear signal to the US.'), [
      'Lukashenko told Xinhua.',
      '“Whoever wants to curb China will not succeed.”',
      'A clear signal to the US.',
    ]);
    assert.deepEqual(texts('"It ends here." Then more.'), ['"It ends here."', 'Then more.']);
    assert.deepEqual(texts("He said 'stop.' Nobody moved."), ["He said 'stop.'", 'Nobody moved.']);
  });

  it('keeps a quotation with its attribution', () => {
    assert.deepEqual(texts('“Who else?” Borrell said during the interview. “It has to be China.” he added.'), [
      '“Who else?” Borrell said during the interview.',
      '“It has to be China.” he added.',
    ]);
    assert.deepEqual(texts('"We will win!" said the minister. Next.'), ['"We will win!" said the minister.', 'Next.']);
  });

  it('keeps a quotation of several sentences whole, with its attribution', () => {
    assert.deepEqual(texts('“We cannot be the mediators, that is clear…. Who else?” Borrell said. It has to be China.'), [
      '“We cannot be the mediators, that is clear…. Who else?” Borrell said.',
      'It has to be China.',
    ]);
    assert.deepEqual(texts('"The first priority is the recovery. And he demands calm," said Yun Sun. Next one.'), [
      '"The first priority is the recovery. And he demands calm," said Yun Sun.',
      'Next one.',
    ]);
  });

  it('splits as usual after a quotation mark that is never closed', () => {
    assert.deepEqual(texts('“The statements have been consistent throughout…. For now, China has little to gain.'), [
      '“The statements have been consistent throughout….',
      'For now, China has little to gain.',
    ]);
  });

  it('handles ellipses: a continuation stays, a capital after it starts a new sentence', () => {
    assert.deepEqual(texts('Relations prevail ... because they are directed against the US. Fine.'), [
      'Relations prevail ... because they are directed against the US.',
      'Fine.',
    ]);
    assert.deepEqual(texts('That is clear…. And it can’t be them. Who else…'), ['That is clear….', 'And it can’t be them.', 'Who else…']);
    assert.deepEqual(texts('It was a… hard day.'), ['It was a… hard day.']);
  });

  it('treats every line break as a hard boundary', () => {
    const text = 'A headline without a stop\nFirst paragraph. Still first\r\n\r\nSecond paragraph';
    const sentences = splitSentences(text);
    assert.deepEqual(sentences.map((s) => s.text), ['A headline without a stop', 'First paragraph.', 'Still first', 'Second paragraph']);
    for (const s of sentences) assert.equal(text.slice(s.start, s.end), s.text);
  });

  it('joins a sentence hard-wrapped over lines, but not a paragraph per line', () => {
    const text = 'Notes from the meeting with\nthe mayor, who said the budget\r\nwas approved. Then we left.\nNext paragraph\nContinues here.';
    const sentences = splitSentences(text);
    assert.deepEqual(sentences.map((s) => s.text.replace(/\s+/gu, ' ')), [
      'Notes from the meeting with the mayor, who said the budget was approved.',
      'Then we left.',
      'Next paragraph',
      'Continues here.',
    ]);
    for (const s of sentences) assert.equal(text.slice(s.start, s.end), s.text);
    assert.deepEqual(texts('- first item\n- second item'), ['- first item', '- second item']);
  });

  it('does not split before lowercase words, commas or closing brackets', () => {
    assert.deepEqual(texts('Vladimir Putin (70). approve . The end.'), ['Vladimir Putin (70). approve .', 'The end.']);
    assert.deepEqual(texts('The panel met etc. and then left.'), ['The panel met etc. and then left.']);
  });

  it('drops fragments with no words, like a stray full stop', () => {
    assert.deepEqual(texts('For international affairs. .'), ['For international affairs.']);
    assert.deepEqual(texts(' . … '), []);
  });

  it('respects a start and end range', () => {
    const text = 'Outside. Inside one. Inside two. Outside.';
    const start = text.indexOf('Inside');
    const end = text.lastIndexOf('Outside');
    const sentences = splitSentences(text, start, end);
    assert.deepEqual(sentences.map((s) => s.text), ['Inside one.', 'Inside two.']);
    assert.equal(sentences[0].start, start);
  });

  it('returns ordered, in-bounds ranges for odd input', () => {
    for (const text of ['', '.', '...', '?!?!', '“”', 'a.b.c.', 'x.\n.\n\n', '\u2026\u2026A', 'Mr.', 'U.S.']) {
      let last = 0;
      for (const s of splitSentences(text)) {
        assert.ok(s.start >= last && s.end > s.start && s.end <= text.length, JSON.stringify(text));
        assert.equal(text.slice(s.start, s.end), s.text);
        last = s.end;
      }
    }
  });
});
