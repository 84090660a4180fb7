import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findJunk } from '../../src/core/corpus/clean';
import { loadCorpus } from '../../src/core/corpus/loadCorpus';
import { buildPassages } from '../../src/core/text/passages';
import type { Passage, SourceDocument } from '../../src/core/types';

const repo = path.resolve(__dirname, '../../..');

/** The text of each junk range of a text. */
const junkOf = (text: string) => findJunk(text).map((r) => text.slice(r.start, r.end));

describe('web-junk cleaning on the sample corpus', () => {
  let documents: SourceDocument[];
  let passages: Passage[];
  before(async () => {
    ({ documents } = await loadCorpus({ base: repo, roots: ['corpus'] }));
    passages = documents.flatMap(buildPassages);
  });

  it('loads all five articles', () => {
    assert.equal(documents.length, 5);
  });

  it('keeps the text the same length and line layout as the file, so offsets are file offsets', () => {
    for (const doc of documents) {
      const file = fs.readFileSync(doc.path, 'utf8');
      assert.equal(doc.text.length, file.length, doc.id);
      assert.deepEqual([...doc.text.matchAll(/\n/gu)].map((m) => m.index), [...file.matchAll(/\n/gu)].map((m) => m.index), doc.id);
      for (const range of doc.junk) assert.match(doc.text.slice(range.start, range.end), /^\s*$/u);
    }
    for (const passage of passages) {
      const file = fs.readFileSync(documents.find((d) => d.id === passage.docId)!.path, 'utf8');
      assert.equal(file.slice(passage.start, passage.end), passage.text);
    }
  });

  const never = [
    /\bI am [A-Z]\w+ [A-Z]\w+/u, // first-person author bios
    /passionate journalist|experienced news writer/u,
    /class=|sc-cffd1e67|iQNQmc/u, // CSS residue
    /Tenerife|Tuchel|lunar time|Obwegeser|Krokus/u, // teasers of unrelated stories
    /…$/u, // truncated teaser lines
    /Check Also|Jar Salad|make-ahead meal/u,
    /Live briefing|Consult the RFE\/RL/u, // promo block
    /^Source: /u,
    /^About [A-Z]/u,
    /Author: /u,
  ];
  for (const pattern of never) {
    it(`offers no passage matching ${pattern}`, () => {
      const bad = passages.filter((p) => pattern.test(p.text));
      assert.deepEqual(bad.map((p) => p.text), []);
    });
  }

  it('keeps one copy of a photo caption that the page repeats', () => {
    const captions = passages.filter((p) => p.text.startsWith('Ukrainian soldiers carry babies'));
    assert.equal(captions.length, 1);
    const signs = passages.filter((p) => p.text.startsWith('A sign outside the Canadian Embassy'));
    assert.equal(signs.length, 1);
  });

  const kept = [
    'China has sought to show the world that there is an alternative to a US-led world order',
    '“It’s really just a diplomatic storytelling game,” Mr. Umarov said.',
    '“And while these are a few contingencies, China wants to be confident in the West’s response to future aggression, including an attack on Taiwan.”',
    '“Whoever wants to curb and prevent the development of today’s China will not succeed.”',
    'Iranian President Ebrahim Raisi (62) was also a guest in the Chinese capital in February.',
    'Raffaello Pantucci of the Royal United Services Institute',
    'Xi also told Zelensky that mutual respect for sovereignty and territorial integrity',
    'Conflicts are anti-human and holistic policies of China',
    'which last year amounted to a record 1.28 trillion yuan (190 billion dollars).',
    'Yun Sun said on this occasion: "We will never see China abandoning Russia to its fate',
    '“The statements from Beijing have been pretty consistent throughout…',
    'That leaves Beijing with a difficult balancing act.',
    '“The United States and others would be best served by engaging Beijing on low-key issues',
    'China refrained from calling the war an “invasion”',
  ];
  for (const sentence of kept) {
    it(`keeps the article sentence "${sentence.slice(0, 50)}..."`, () => {
      assert.ok(passages.some((p) => p.text.includes(sentence)), sentence);
    });
  }
});

describe('web-junk rules on other pages', () => {
  it('blanks third-person bios only in the page footer', () => {
    const article = 'Jane Roe is a reporter who was at the scene, police said.\nThe fire started at noon.\nRelated\nJohn Doe is a freelance writer based in Leeds.\n';
    assert.deepEqual(junkOf(article), ['Related', 'John Doe is a freelance writer based in Leeds.']);
  });

  it('still blanks teasers on an article with a few label lines (Photo:, Update:), which is no transcript', () => {
    const text = [
      'Photo: Reuters',
      'The council approved the budget after a long debate on Tuesday night.',
      'Update: This story was updated with the final vote.',
      'Mayor Ann Lee said the vote was a relief for the town.',
      'Correction: An earlier version misspelled the mayor\'s name.',
      'At least seven people have been killed and 57 injured in severe earthquakes in the…',
      'The American space agency NASA would establish a uniform lunar time on behalf of the…',
      '',
    ].join('\n');
    const junk = junkOf(text);
    assert.ok(junk.some((j) => j.startsWith('At least seven people')), junk.join(' | '));
    assert.ok(junk.some((j) => j.startsWith('The American space agency')), junk.join(' | '));
    assert.ok(!junk.some((j) => j.startsWith('Mayor Ann Lee')), junk.join(' | '));
  });

  it('blanks a section of other stories up to the next article paragraph', () => {
    const filler = 'The council approved the budget after a long debate that went on well into the night, with members of every party arguing about roads, schools and the cost of the new library in the town centre, which is now due to open next spring.';
    const text = `Intro paragraph.\nRead more:\nMayor resigns over expenses\nStorm hits the coast\n${filler}\n`;
    assert.deepEqual(junkOf(text), ['Read more:', 'Mayor resigns over expenses', 'Storm hits the coast']);
  });

  it('blanks markup residue but keeps the prose around it', () => {
    const text = 'The minister <span class="highlight">denied</span> it.\n';
    const cleaned = junkOf(text);
    assert.deepEqual(cleaned, ['<span class="highlight">', '</span>']);
  });

  it('keeps a single line that ends with an ellipsis inside an article', () => {
    const text = 'He paused and said: we will see…\nThe vote is on Monday.\n';
    assert.deepEqual(junkOf(text), []);
  });

  it('blanks calls to action and page furniture', () => {
    const text = 'Body text here.\nAdvertisement\nSign up for our newsletter to get the news in your inbox.\nWatch: the minister speaks\nMore body text.\n';
    assert.deepEqual(junkOf(text), ['Advertisement', 'Sign up for our newsletter to get the news in your inbox.', 'Watch: the minister speaks']);
  });

  it('keeps article sentences that merely start like a call to action', () => {
    const text = 'Read together, the two reports show a pattern.\nFollow-up talks are planned for May.\n';
    assert.deepEqual(junkOf(text), []);
  });
});
