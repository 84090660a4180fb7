import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SourcedEngine } from '../../src/core/engine';
import type { SourceDocument, Verdict } from '../../src/core/types';

// Paraphrase regularities of news writing, each checked against a small corpus of its own.

function engineWith(text: string): SourcedEngine {
  const engine = new SourcedEngine();
  const doc: SourceDocument = { id: 'corpus/story.txt', path: '/corpus/story.txt', format: 'text', metadata: { title: 'Story' }, text, junk: [], contentHash: '' };
  engine.addDocument(doc);
  return engine;
}

function verdictOf(source: string[], statement: string): Verdict {
  const [result] = engineWith(source.join('\n')).checkDraft(statement);
  assert.ok(result, `no statement found in: ${statement}`);
  return result.verdict;
}

describe('paraphrase: a capital stands for its country', () => {
  const SOURCE = [
    'Norway announced a new fishing quota for the Barents Sea on Monday.',
    'The Finnish prime minister held talks with Swedish officials in the Estonian capital last week.',
    'Kenya signed a grain agreement with Ethiopia at a summit in Nairobi.',
  ];

  it('reads a capital as its government ("Oslo announced" = "Norway announced")', () => {
    assert.equal(verdictOf(SOURCE, 'Oslo announced a new fishing quota for the Barents Sea.'), 'supported');
  });

  it('reads a country as the place its capital is in ("a summit in Kenya" = "a summit in Nairobi")', () => {
    assert.equal(verdictOf(SOURCE, 'Kenya and Ethiopia signed a grain agreement at a summit in Kenya.'), 'supported');
  });

  it('reads "the Estonian capital" as Tallinn', () => {
    assert.equal(verdictOf(SOURCE, 'The Finnish prime minister held talks with Swedish officials in Tallinn last week.'), 'supported');
  });

  // Known gap of the whole-source checker (issue 10, open): a capital named as the place is matched to another sentence's place by word vectors.
  it.skip('does not read a capital as a location where the source names only the country', () => {
    assert.equal(verdictOf(SOURCE, 'Norway announced a new fishing quota for the Barents Sea in Oslo on Monday.'), 'unsupported-claim');
    assert.equal(verdictOf(SOURCE, 'Kenya signed a grain agreement with Ethiopia after Ethiopian officials visited Addis Ababa.'), 'unsupported-claim');
  });

  it('does not take one capital for another country', () => {
    assert.equal(verdictOf(SOURCE, 'Stockholm announced a new fishing quota for the Barents Sea.'), 'unsupported-claim');
  });
});

describe('paraphrase: a stance or direction must be stated', () => {
  const SOURCE = [
    'The city council refuses to condemn the new harbour tax.',
    'Protesters put up posters decrying the mayor outside the town hall on Friday.',
    'The port authority has decided to hire a special inspector for the harbour.',
    'Cargo volumes at the harbour were about 12% more than in 2020.',
  ];

  it('does not support "condemned" from a passage that only names the same things', () => {
    assert.equal(verdictOf(SOURCE, 'The city council has condemned the new harbour tax.'), 'unsupported-claim');
  });

  it('does not support "praising" from "decrying"', () => {
    assert.equal(verdictOf(SOURCE, 'Protesters put up posters praising the mayor outside the town hall.'), 'unsupported-claim');
  });

  // Known gap of the whole-source checker (issue 10, open): three sentences of the source together give the words, though none reports a rejection.
  it.skip('does not support a rejection the passage never reports', () => {
    assert.equal(verdictOf(SOURCE, 'The mayor rejected the port authority plan to hire a special inspector for the harbour.'), 'unsupported-claim');
  });

  it('reads two negations in a row as an affirmation ("does not refuse to support")', () => {
    const source = ['The union does not refuse to support the strike at the harbour.'];
    assert.equal(verdictOf(source, 'The union supports the strike at the harbour.'), 'supported');
    assert.equal(verdictOf(source, 'The union refuses to support the strike at the harbour.'), 'unsupported-claim');
  });

  it('takes "growth" and "a record" as evidence of a rise without asking a rise of every statement about growth', () => {
    const source = ['Harbour traffic reached a record last year.', 'The town council debated the growth of fish farms along the harbour.'];
    assert.equal(verdictOf(source, 'Harbour traffic rose to a record last year.'), 'supported');
    assert.equal(verdictOf(source, 'The town council debated fish farm growth along the harbour.'), 'supported');
  });

  it('names the unstated word in its message', () => {
    const [result] = engineWith(SOURCE.join('\n')).checkDraft('Protesters put up posters praising the mayor outside the town hall.');
    assert.match(result.message, /"praising"/);
  });

  it('accepts a synonym of the stance ("criticising" for "decrying") and "higher" for "more"', () => {
    assert.equal(verdictOf(SOURCE, 'Protesters put up posters criticising the mayor outside the town hall.'), 'supported');
    assert.equal(verdictOf(SOURCE, 'Cargo volumes at the harbour were about 12% higher than in 2020.'), 'supported');
  });
});

describe('paraphrase: a sentence opening with "This" speaks of the sentences before it', () => {
  const SOURCE = [
    'Finland keeps expanding timber exports to its eastern neighbour Estonia. Shipments last year reached a record 4.2 million cubic metres, the ministry says.',
    '',
    'This is about 25% more than in 2019. Sawmills along the coast hired extra staff to keep up.',
    '',
    'Estonian builders also bought Swedish steel last year.',
  ];

  it('supports a statement that joins the figure to the subject of the previous paragraph', () => {
    const [result] = engineWith(SOURCE.join('\n')).checkDraft('Finnish timber exports to Estonia last year were about 25 percent higher than in 2019.');
    assert.equal(result.verdict, 'supported');
    // The evidence shows every sentence it used: the one that says most, and the one that gives the figure.
    assert.ok(result.sources.some((s) => /^This is about 25%/.test(s.passage.text)), result.sources.map((s) => s.passage.text).join(' | '));
  });

  it('checks figures of the sentences it speaks of', () => {
    assert.equal(verdictOf(SOURCE, 'Finnish timber exports to Estonia rose to a record 4.2 million cubic metres last year.'), 'supported');
  });

  it('ranks that sentence first, so a wrong figure in it is a number mismatch', () => {
    const [result] = engineWith(SOURCE.join('\n')).checkDraft('Finnish timber exports to Estonia last year were about forty percent higher than in 2019.');
    assert.equal(result.verdict, 'number-mismatch');
    assert.match(result.message, /25%/);
  });
});

describe('paraphrase: the figure of a sentence opening with "This" belongs to the sentence before it', () => {
  // The statement's other words are said more fully far earlier, where the figure is not given.
  const SOURCE = [
    'Finland kept expanding timber exports to Estonia last year.',
    'Forestry unions asked for a new wage deal in the spring.',
    'The talks ended in June with a two-year agreement.',
    'Wood prices in Sweden fell for most of the year.',
    'Timber shipments to Estonia reached a record 4.2 million cubic metres, the Finnish ministry says.',
    'This is about 25% more than in 2019.',
  ];

  it('opens the evidence with the sentence the figure is said of', () => {
    const [result] = engineWith(SOURCE.join(' ')).checkDraft('Finnish timber exports to Estonia last year were about 25 percent more than in 2019.');
    assert.equal(result.verdict, 'supported', result.message);
    assert.ok(result.sources.some((s) => /^This is about 25%/.test(s.passage.text)), result.sources.map((s) => s.passage.text).join(' | '));
  });

  it('and so calls another figure there a number mismatch', () => {
    const [result] = engineWith(SOURCE.join(' ')).checkDraft('Finnish timber exports to Estonia last year were about 40% more than in 2019.');
    assert.equal(result.verdict, 'number-mismatch', result.message);
    assert.match(result.message, /25%/);
  });
});

describe('paraphrase: a nearby sentence that gives the figure joins the evidence with the words it says', () => {
  // The figure's sentence stands in a paragraph of its own, and says only one more word of the statement.
  const SOURCE = [
    'Supporters of Harbour Town packed the Dockside ground on Saturday for the game against the league leaders Riverside.',
    '',
    'A spokesman spoke to reporters before the 3-1 victory.',
    '',
    'The pitch was heavy after a week of rain. Tickets sold out in an hour. The new stand opened in May.',
    '',
    'Riverside had won the league in March and won the cup in April, and Harbour Town won nothing.',
  ];

  it('takes the figure and the word it gives there ("victory" for "won")', () => {
    const [result] = engineWith(SOURCE.join('\n')).checkDraft('Harbour Town won 3-1 against Riverside at the Dockside ground on Saturday.');
    assert.equal(result.verdict, 'supported', result.message);
    assert.ok(result.sources.some((s) => /3-1 victory/.test(s.passage.text)), result.sources.map((s) => s.passage.text).join(' | '));
  });

  it('but a changed figure does not bring that sentence in', () => {
    assert.notEqual(verdictOf(SOURCE, 'Harbour Town won 4-1 against Riverside at the Dockside ground on Saturday.'), 'supported');
  });
});

describe('paraphrase: people named before and referred to by role or by quote', () => {
  const SOURCE = [
    'Minister Anna Kova welcomed Lars Berg to the talks, according to the ministry.',
    '',
    'In a long meeting on 3 May, the Norwegian counterpart agreed to a fishing deal.',
    '',
    '“The harbour will be full by spring,” port director Maria Lind of the Baltic Shipping Board told reporters.',
    '“And while some ships wait, the new crane doubles the pace of unloading.”',
  ];

  it('reads "the Norwegian counterpart" as the person the previous sentence names', () => {
    assert.equal(verdictOf(SOURCE, 'Lars Berg agreed to a fishing deal in a long meeting on 3 May.'), 'supported');
  });

  it('does not read a role as someone the source never names', () => {
    assert.equal(verdictOf(SOURCE, 'Peter Holm agreed to a fishing deal in a long meeting on 3 May.'), 'unsupported-claim');
  });

  it('gives a continuing quote to the speaker named with its first part, as introduced', () => {
    assert.equal(verdictOf(SOURCE, 'Maria Lind of the Baltic Shipping Board said the new crane doubles the pace of unloading.'), 'supported');
  });

  it('does not give a quote to the person the article is about when someone else speaks it', () => {
    const source = [
      'Mayor Anna Kova opened the new harbour on Monday. Kova had promised it for years.',
      'Kova also thanked the workers.',
      '“The harbour will be full by spring,” said economist Ivan Sokolov.',
      '“It will double the town’s fish exports within a decade.”',
    ];
    assert.equal(verdictOf(source, 'Sokolov said the harbour will double the town’s fish exports within a decade.'), 'supported');
    assert.equal(verdictOf(source, 'Kova said the harbour will double the town’s fish exports within a decade.'), 'unsupported-claim');
  });

  it('does not let the person an article keeps naming stand as the speaker of words the passage gives to no one', () => {
    const source = [
      'Mayor Anna Kova opened the harbour on Monday. Kova had promised it for years. Kova thanked the workers.',
      '',
      'Fish exports from the town could double within a decade.',
    ];
    assert.equal(verdictOf(source, 'Kova said fish exports from the town could double within a decade.'), 'unsupported-claim');
    assert.equal(verdictOf(source, 'According to Kova, fish exports from the town could double within a decade.'), 'unsupported-claim');
  });

  it('does not give a continuing quote to someone else', () => {
    assert.equal(verdictOf(SOURCE, 'Erik Sand of the Baltic Shipping Board said the new crane doubles the pace of unloading.'), 'unsupported-claim');
  });
});

describe('paraphrase: pronoun subjects and figures guide what a passage says', () => {
  const SOURCE = [
    'Oslo declares its neutrality in the fishing dispute. But it also refuses to blame Iceland.',
    'Instead of blaming, he repeats the ministry line and accuses the fleet owners of provoking a crisis.',
    '',
    'Exports of salmon grew in 2020, although prices fell.',
    'Cod catches fell again in 2020, by about 8% compared with 2019, and the fleet is stepping up controls.',
  ];

  // Known gap of the whole-source checker (issue 10, open): the capital's government is taken for someone else where the main sentence names another country.
  it.skip('reads a pronoun subject as the government named in the sentences before', () => {
    assert.equal(verdictOf(SOURCE, 'Norway accuses the fleet owners of provoking a crisis.'), 'supported');
    assert.equal(verdictOf(SOURCE, 'Sweden accuses the fleet owners of provoking a crisis.'), 'unsupported-claim');
  });

  // Known gap of the whole-source checker (issue 10, open): the figure's sentence is a paragraph away from the sentence that says most, so the figure is called unmatched, not mismatched.
  it.skip('prefers the passage that gives the statement\'s dates, so a wrong figure there is a number mismatch', () => {
    const source = [
      'Whether fresh or frozen, salmon sales from Norway to Japan keep growing every year.',
      '',
      'Norway says its salmon sales to Japan reached a record last year.',
      '',
      'This is about 8% more than in 2019.',
    ];
    assert.equal(verdictOf(source, 'Norwegian salmon sales to Japan were about 12% more than in 2019.'), 'number-mismatch');
  });

  it('does not take "stepping up" for a rise', () => {
    assert.equal(verdictOf(SOURCE, 'Cod catches grew in 2020 as the fleet stepped up controls.'), 'unsupported-claim');
  });
});

describe('paraphrase: common news synonyms and verbs of stopping', () => {
  const SOURCE = [
    'A few days ago, the council published a ten-point harbour plan. It is calling for lower fees.',
    'The mayor keeps supporting the fishermen in their quest to stop the spread of fish farms.',
  ];

  it('reads "demanded" as a paraphrase of "calling for"', () => {
    assert.equal(verdictOf(SOURCE, 'The council published a harbour plan that demanded lower fees.'), 'supported');
  });

  it('reads "halt the spread" as "stop the spread"', () => {
    assert.equal(verdictOf(SOURCE, 'The mayor supports the fishermen in their effort to halt the spread of fish farms.'), 'supported');
  });

  it('reads "stopped supporting" as the opposite of "keeps supporting"', () => {
    assert.equal(verdictOf(SOURCE, 'The mayor has stopped supporting the fishermen.'), 'unsupported-claim');
  });
});

describe('figures written differently', () => {
  const SOURCE = ['Harbour master Olga Petrova (61) spoke by telephone with the minister on 3 May 2022.'];

  it('compares "the 64-year-old" with the age the source gives', () => {
    assert.equal(verdictOf(SOURCE, 'The 61-year-old Petrova spoke with the minister by phone on 3 May 2022.'), 'supported');
    assert.equal(verdictOf(SOURCE, 'The 64-year-old Petrova spoke with the minister by phone on 3 May 2022.'), 'number-mismatch');
  });

  it('finds the passage through "phone" for "telephone", so a wrong date is a number mismatch', () => {
    assert.equal(verdictOf(SOURCE, 'Petrova spoke with the minister by phone on 4 May 2022.'), 'number-mismatch');
  });
});

describe('paraphrase: an event the source only expects is not reported as done', () => {
  const SOURCE = ['Hopefully, the special envoy Lena Varga will soon travel to Tallinn.', 'The coach will persist with the struggling striker Tom Reid this season.'];

  it('does not support "has travelled" from "will soon travel", and says why', () => {
    const [result] = engineWith(SOURCE.join('\n')).checkDraft('Lena Varga has already travelled to Tallinn.');
    assert.equal(result.verdict, 'unsupported-claim');
    assert.match(result.message, /"travelled" only as expected or possible \("will"\)/);
  });

  it('supports the statement that keeps the source\'s future', () => {
    assert.equal(verdictOf(SOURCE, 'Lena Varga will travel to Tallinn soon.'), 'supported');
  });

  it('reads the future as reaching only the verb it governs, not that verb\'s object', () => {
    assert.equal(verdictOf(SOURCE, 'The striker Tom Reid has struggled this season.'), 'supported');
  });
});

describe('paraphrase: a unit written onto a figure', () => {
  const SOURCE = ['Machida later tipped the scales on the welterweight limit of 185lb as he prepares for the fight.'];

  it('reads "185 lb" as the "185lb" the source writes', () => {
    assert.equal(verdictOf(SOURCE, 'Machida tipped the scales at 185 lb ahead of the fight.'), 'supported');
  });

  it('still flags a unit the source does not give ("185 kg" against "185lb")', () => {
    assert.notEqual(verdictOf(SOURCE, 'Machida tipped the scales at 185 kg ahead of the fight.'), 'supported');
  });
});

describe('figures: a count said of the same one elsewhere in the source', () => {
  const SOURCE = [
    'Halden Town took an early lead at the Riverside Ground as Tomas Berg curled a shot into the corner.',
    '',
    'The visitors, who have lost three of their last four away games, were caught cold by two goals in the opening 30 minutes.',
    '',
    'Ivo Lund headed in from a corner before the break.',
    '',
    'The home crowd had waited all season for such a start.',
    '',
    'Heavy rain made the second half a scrappy affair.',
    '',
    'Goals: Berg 12, Lund 30.',
  ];

  it('takes a figure from a sentence that names the same person beside it', () => {
    assert.equal(verdictOf(SOURCE, 'Tomas Berg gave Halden Town the lead after 12 minutes.'), 'supported');
  });

  it('still reports a figure the source gives of the same person differently', () => {
    assert.equal(verdictOf(SOURCE, 'Tomas Berg gave Halden Town the lead after 14 minutes.'), 'number-mismatch');
  });

  it('does not take a figure the source gives of someone else', () => {
    assert.notEqual(verdictOf(SOURCE, 'Ivo Lund gave Halden Town the lead after 12 minutes.'), 'supported');
  });
});

describe('figures: an amount the story\'s opening gives of its subject, named later', () => {
  const SOURCE = [
    'A retired ferry captain is suing his former business partner for more than £240,000, claiming he was cheated out of the profits.',
    '',
    'The two men met at a sailing club in the harbour town.',
    '',
    'They bought their first boat together a year later.',
    '',
    'Business was good until the tourist trade fell away.',
    '',
    'Suing his former business partner: Piet Aalders, 71, says the partnership ran for nine years and the profits were never shared.',
  ];

  it('takes the amount from a sentence that names no one but says it in the statement\'s words', () => {
    assert.equal(verdictOf(SOURCE, 'Piet Aalders, 71, is suing his former business partner for more than £ 240,000.'), 'supported');
  });

  it('does not take it when none of the statement\'s words stands beside it', () => {
    const [result] = engineWith(SOURCE.join('\n')).checkDraft('Piet Aalders, 71, says the partnership ran for nine years and paid out more than £240,000.');
    assert.equal(result.verdict, 'unsupported-claim');
    assert.match(result.message, /figure "£240,000"/);
  });
});

describe('figures: a count for a statement that names no one', () => {
  const SOURCE = [
    'Police are questioning suspects over a fire that destroyed a furniture warehouse on the edge of town on Sunday night.',
    '',
    'Firefighters fought the blaze for six hours.',
    '',
    'Nobody was hurt, the fire service said.',
    '',
    'The warehouse had stood empty since the spring.',
    '',
    'The four Harwick men held remain in custody.',
  ];

  it('takes it from a sentence that gives it beside the statement\'s words, whatever names that sentence adds', () => {
    assert.equal(verdictOf(SOURCE, 'Four men are being questioned by police over a fire that destroyed a furniture warehouse.'), 'supported');
  });

  it('still flags a count no sentence gives', () => {
    assert.notEqual(verdictOf(SOURCE, 'Five men are being questioned by police over a fire that destroyed a furniture warehouse.'), 'supported');
  });
});

describe('names: where it happened, given in another sentence of the source', () => {
  const SOURCE = [
    'A family dog almost burned down the house in Harwick after chewing through a charger cable.',
    '',
    'Neighbours called the fire brigade.',
    '',
    'The dog was found hiding under a bed.',
    '',
    'Its owners said the blaze started in the kitchen while they were at work.',
    '',
    'Vets treated the dog for smoke inhalation in Ellerby.',
  ];

  it('supports a place the source gives elsewhere when the sentences used name no other place', () => {
    assert.equal(verdictOf(SOURCE, 'The blaze started in the kitchen of the house in Harwick while the owners were at work.'), 'supported');
  });

  it('does not take the speaker after "according to" for another place', () => {
    const source = [...SOURCE.slice(0, 6), 'Its owners were at work when the blaze started in the kitchen, according to Mira Ilves.'];
    assert.equal(verdictOf(source, 'The blaze started in the kitchen of the house in Harwick while the owners were at work.'), 'supported');
  });

  it('flags a place the source gives elsewhere when the sentences used name another place for it', () => {
    assert.equal(verdictOf(SOURCE, 'Vets treated the dog for smoke inhalation in Harwick.'), 'unsupported-claim');
  });
});

describe('polarity: names and converses', () => {
  it('does not read a name as a stance word ("Grand Slam" against "praised")', () => {
    const source = ['Ada Wren completed the career Grand Slam at the age of 29 in Paris.', 'The champion praised the fans and thanked her coach.'];
    assert.equal(verdictOf(source, 'Ada Wren completed the career Grand Slam at 29 and praised the fans.'), 'supported');
  });

  it('reads a win told from the loser\'s side as the same event', () => {
    const source = ['Halden Town lost the last four derbies to Riverside Rovers, a run that began in the autumn.'];
    assert.equal(verdictOf(source, 'Riverside Rovers have won the last four derbies against Halden Town.'), 'supported');
  });
});

describe('polarity: who does it and to whom (active and passive voice)', () => {
  const SOURCE = ['Marta Ilves was refused a place on the national team by the selectors in March.', 'Harbour Foods is embroiled in a dispute over unpaid wages at its bakery.'];
  const checked = (statement: string) => {
    const [result] = engineWith(SOURCE.join('\n')).checkDraft(statement);
    assert.ok(result, `no statement found in: ${statement}`);
    return result;
  };

  it('flags the one done to told as the doer, and says which words', () => {
    const result = checked('Marta Ilves refused a place on the national team in March.');
    assert.equal(result.verdict, 'unsupported-claim');
    assert.match(result.message, /Ilves was refused/);
  });

  it('supports the same voice', () => {
    assert.equal(checked('Marta Ilves was refused a place on the national team in March.').verdict, 'supported');
  });

  it('reads a verb with no auxiliary and no object as a passive left short, as headlines write it', () => {
    assert.equal(checked('Harbour Foods embroiled in a dispute over unpaid wages.').verdict, 'supported');
  });
});

describe('polarity: the doer is the one the source names', () => {
  const SOURCE = ['Talvik accused the port authority of negligence during a visit to Riga.', 'Mayor Ostrova toured the harbour on Friday.', 'Talvik grew up in Narva.'];

  it('flags a deed the source gives to another name', () => {
    const [result] = engineWith(SOURCE.join('\n')).checkDraft('Ostrova accused the port authority of negligence during a visit to Riga.');
    assert.equal(result.verdict, 'unsupported-claim');
    assert.match(result.message, /"Talvik accused", not "Ostrova accused"/);
  });

  it('supports a deed given to both names', () => {
    assert.equal(verdictOf(SOURCE, 'Talvik accused the port authority of negligence during a visit to Riga.'), 'supported');
  });

  it('leaves a name the statement also mentions to be its subject ("Talvik, of Narva")', () => {
    assert.equal(verdictOf(SOURCE, 'Talvik, of Narva accused the port authority of negligence during a visit to Riga.'), 'supported');
  });
});

describe('polarity: the doer of a verb after a modal, or of a present tense that ends its clause', () => {
  const SOURCE = ['Asked about a ceasefire brokered by Norway, spokesman Lind said any deal must be one that Estonia accepts.', 'Latvia and Estonia share a long border.'];

  it('flags "would accept" given to a name where the source gives "accepts" to another', () => {
    const [result] = engineWith(SOURCE.join('\n')).checkDraft('Lind said Latvia would accept any deal that Norway brokers.');
    assert.equal(result.verdict, 'unsupported-claim');
    assert.match(result.message, /"Estonia accepts", not "Latvia would accept"/);
  });

  it('supports it given to the same name', () => {
    assert.equal(verdictOf(SOURCE, 'Lind said Estonia would accept any deal that Norway brokers.'), 'supported');
  });
});

describe('polarity: a negation before a focusing adverb', () => {
  const SOURCE = ['Of course the drought is not only responsible for the poor harvest in the valley; prices fell too.', 'The co-operative did not pay its growers in May.'];

  it('still says what follows ("not only responsible" says responsible)', () => {
    assert.equal(verdictOf(SOURCE, 'The drought is responsible for the poor harvest in the valley.'), 'supported');
  });

  it('keeps an ordinary negation', () => {
    assert.equal(verdictOf(SOURCE, 'The co-operative paid its growers in May.'), 'unsupported-claim');
  });
});

describe('stance: a stance word before an infinitive commits to the act', () => {
  const SOURCE = ['Harbour Foods is selling its bakery chain to a private equity firm, the company said on Monday.'];

  it('supports "agreed to sell" where the source says it is selling', () => {
    assert.equal(verdictOf(SOURCE, 'Harbour Foods has agreed to sell its bakery chain to a private equity firm.'), 'supported');
  });

  it('still asks for the stance when "agreed" takes a noun ("agreed to the sale")', () => {
    assert.equal(verdictOf(SOURCE, 'Harbour Foods has agreed to the sale of its bakery chain to a private equity firm.'), 'unsupported-claim');
  });
});

describe('polarity: a quotation found as written says what its source says', () => {
  const SOURCE = [
    'Customs co-operation plays a key role in strengthening the port authority, as Ilona Varga, a professor at Tallinn University, said.',
    '“Patrols are directed against the gangs and their routes through the islands,” she said. “The main goal is to weaken such smuggling networks.”',
  ];

  it('does not read a quoted word as the opposite of a word in the sentence that introduces it', () => {
    assert.equal(verdictOf(SOURCE, '“The main goal is to weaken such smuggling networks,” Varga said.'), 'supported');
  });

  it('still reads the statement\'s own words against the source', () => {
    assert.equal(verdictOf(SOURCE, 'Varga said customs co-operation plays a key role in weakening the port authority.'), 'unsupported-claim');
  });
});

describe('sources: the one that gives the statement\'s figures too', () => {
  it('chooses the source that says the figure over one that says as much of the words', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-figure-source-'));
    try {
      fs.mkdirSync(path.join(dir, 'corpus'));
      fs.writeFileSync(path.join(dir, 'corpus', 'plans.txt'), 'Mayor Ostrova, who plans a tour of the coast in the coming months, hopes to visit the harbour in Narva on her tour.\n');
      fs.writeFileSync(path.join(dir, 'corpus', 'visit.txt'), 'During her three-day visit to Narva, Ostrova met the harbour pilots.\n');
      const engine = new SourcedEngine();
      await engine.loadCorpus({ base: dir, roots: ['corpus'] });
      const [result] = engine.checkDraft('Ostrova spent three days in Narva on her visit to the harbour.');
      assert.equal(result.verdict, 'supported', result.message);
      assert.match(result.sources[0].passage.docId, /visit\.txt$/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('stance: stated by a word as specific as the statement\'s', () => {
  it('does not take a broader word for the stance ("comments" for "criticized")', () => {
    const source = ['Mayor Ostrova made comments on the harbour plan at a council meeting on Monday.'];
    assert.equal(verdictOf(source, 'Mayor Ostrova criticized the harbour plan at a council meeting on Monday.'), 'unsupported-claim');
  });

  it('takes a word of the same stance ("slammed" for "criticized")', () => {
    const source = ['Mayor Ostrova slammed the harbour plan at a council meeting on Monday.'];
    assert.equal(verdictOf(source, 'Mayor Ostrova criticized the harbour plan at a council meeting on Monday.'), 'supported');
  });
});

describe('names: where it happened, said with another country or capital', () => {
  const SOURCE = ['On Tuesday the presidents of Chile and Peru met in Lima to sign a fishing accord.', "Santiago's closest partners in the region welcomed the accord."];

  it('flags the place when the source gives another for the same event', () => {
    const [result] = engineWith(SOURCE.join('\n')).checkDraft('The presidents of Chile and Peru met in Santiago on Tuesday to sign a fishing accord.');
    assert.equal(result.verdict, 'unsupported-claim');
    assert.match(result.message, /"Lima" as the place, not "Santiago"/);
  });

  it('supports the place the source gives', () => {
    assert.equal(verdictOf(SOURCE, 'The presidents of Chile and Peru met in Lima on Tuesday to sign a fishing accord.'), 'supported');
  });
});

describe('figures: an age belongs to the person the source gives it to', () => {
  const SOURCE = [
    'A nine-year-old boy has died a day after his family\'s car plunged off a quay into the harbour at Port Elm.',
    'His 13-year-old brother, identified as Karim Osei, was pulled from the water at the scene shortly after 6pm.',
    'Their parents were rescued by fishermen.',
  ];

  it('compares the age given with the age the source says of that person, not an age it says of someone else', () => {
    const [wrong] = engineWith(SOURCE.join('\n')).checkDraft('Karim Osei, 9, died after the family car plunged off a quay into the harbour.');
    assert.equal(wrong.verdict, 'number-mismatch');
    assert.match(wrong.message, /"13", not "9"/);
    assert.equal(verdictOf(SOURCE, 'Karim Osei, 13, was pulled from the water at the scene.'), 'supported');
  });
});

describe('names: the subject a statement opens with is who does it', () => {
  const SOURCE = [
    'Lena Varga, who chairs the port authority, spoke to reporters on Monday.',
    'Ferries to the islands were cancelled for a third day.',
    'Passengers slept in the terminal overnight.',
    'Hotels near the quay were full by the evening.',
    'Freight lorries queued for miles on the coast road.',
    'The harbour board had already offered to mediate between the ferry union and the shipping firms.',
    'Talks are due to resume next week.',
  ];

  it('flags a statement whose subject the source names only away from what it says', () => {
    assert.equal(verdictOf(SOURCE, 'Varga offered to mediate between the ferry union and the shipping firms.'), 'unsupported-claim');
  });

  it('supports the statement with the subject the source gives', () => {
    assert.equal(verdictOf(SOURCE, 'The harbour board offered to mediate between the ferry union and the shipping firms.'), 'supported');
  });
});

describe('words: a verb is said of its subject or its object', () => {
  const SOURCE = [
    'The council published a plan for a new tram line that Harwick and Lindby have rejected as too costly.',
    'Its author is a former transport minister who received a medal from the mayor in 2019.',
    'A vote is due next month.',
  ];

  it('does not take the verb from a neighbouring sentence about someone else', () => {
    assert.equal(verdictOf(SOURCE, 'Harwick and Lindby welcomed the council plan for a new tram line.'), 'unsupported-claim');
  });

  it('takes it from the sentence that says it of them', () => {
    assert.equal(verdictOf(SOURCE, 'Harwick and Lindby rejected the council plan for a new tram line.'), 'supported');
  });
});

describe('figures: a score is one figure', () => {
  const SOURCE = [
    'Harwick had six shots on target but trailed 3-0 at the break, then pulled one back through Lena Varga.',
    'Their keeper was the busier of the two.',
  ];

  it('flags a changed side of a score even when the new figure appears nearby for something else', () => {
    assert.notEqual(verdictOf(SOURCE, 'Harwick trailed 6-0 at the break, then pulled one back through Lena Varga.'), 'supported');
    assert.equal(verdictOf(SOURCE, 'Harwick trailed 3-0 at the break, then pulled one back through Lena Varga.'), 'supported');
  });
});

describe('words: in the active voice the subject comes before its verb', () => {
  const SOURCE = [
    'The mayor of Harwick flew to Lindby on Tuesday for talks on the ferry.',
    'His remarks came a day after Lena Varga said her council would back the new tram line.',
    'Harwick Rovers have released Tomas Berg with immediate effect.',
  ];

  it('does not take a verb whose subject is someone else, with the statement\'s subject named after it', () => {
    assert.equal(verdictOf(SOURCE, 'Varga came to Lindby on Tuesday.'), 'unsupported-claim');
  });

  it('takes it across voices: the passive statement\'s subject is the active source\'s object', () => {
    assert.equal(verdictOf(SOURCE, 'Tomas Berg has been released by Harwick Rovers.'), 'supported');
  });
});

describe('words: an infinitive after the object starts a clause of its own', () => {
  const SOURCE = [
    'The council said it was glad to see that Varga and the mayor had met in Skerry.',
    'Varga lives in Harwick.',
    'Proudly independent, the islands of Holm and Skerry have never before combined to stage a festival.',
  ];

  it('does not let a verb of that clause stand in for the object the statement\'s verb needs', () => {
    assert.equal(verdictOf(SOURCE, 'Varga visited Skerry to meet the mayor.'), 'unsupported-claim');
  });

  it('reads an infinitive right after the verb as completing it', () => {
    assert.equal(verdictOf(SOURCE, 'Holm and Skerry have never before combined to stage a festival.'), 'supported');
  });
});

describe('names: a possessor is not the one who does it', () => {
  const SOURCE = [
    'Kova’s team is in form.',
    'The outlook for Kova’s team is brighter than it has been all season.',
    'Kova has the squad he wanted.',
    'The fans sang for Kova.',
    'Vargas scored the opener in a remarkable 4-1 win over Lindby on Saturday.',
  ];

  it('does not read another name in the source as standing in for a possessor ("Kova\'s side")', () => {
    assert.equal(verdictOf(SOURCE, 'Kova’s side beat Lindby 4-1 on Saturday.'), 'supported');
  });

  it('reads a name inside a noun phrase as a modifier too: "the Kova striker" is not said to be someone else', () => {
    const [result] = engineWith(SOURCE.join('\n')).checkDraft('The Kova striker scored the opener in a remarkable 4-1 win over Lindby on Saturday.');
    assert.doesNotMatch(result.message, /names someone else/);
  });

  it('still flags the name given as the one who did it', () => {
    assert.equal(verdictOf(SOURCE, 'Kova beat Lindby 4-1 on Saturday.'), 'unsupported-claim');
    assert.equal(verdictOf(SOURCE, 'The Kova Group beat Lindby 4-1 on Saturday.'), 'unsupported-claim');
  });
});

describe('figures: a sentence that gives a person\'s age speaks of that person', () => {
  const SOURCE = [
    'Princess Lena Halvor, who recently turned 25, browsed the boutiques of Oslo after lunch.',
    'She has lived in the city for a year.',
    'Her friends say she is happy there.',
    'The 25-year-old cousin of the king was seen texting on her phone on Thursday.',
  ];

  it('takes the day from a sentence that names no one but gives the same age', () => {
    assert.equal(verdictOf(SOURCE, 'Princess Lena Halvor, 25, browsed the boutiques of Oslo on Thursday.'), 'supported');
  });

  it('does not take it for someone of another age', () => {
    assert.notEqual(verdictOf(SOURCE, 'Princess Lena Halvor, 26, browsed the boutiques of Oslo on Thursday.'), 'supported');
  });
});

describe('words: the noun inside a complex preposition claims nothing', () => {
  const SOURCE = [
    'Lena Varga has been named to start at full back after a string of fine displays.',
    'The stadium, however, is not home ground for either club.',
  ];

  it('does not read "in place of" as a place the source negates', () => {
    assert.equal(verdictOf(SOURCE, 'Lena Varga will start at full back in place of the captain.'), 'supported');
  });
});

describe('polarity: a word the source says both ways', () => {
  const SOURCE = ["Mira Holt said: 'I work out every morning. Sugar and coffee don't work for me.'"];

  it('supports the statement that gives it negated, as the source also does', () => {
    assert.equal(verdictOf(SOURCE, "Mira Holt says sugar and coffee don't work for her."), 'supported');
  });

  it('still flags the statement that negates what the source only affirms', () => {
    assert.equal(verdictOf(SOURCE, "Mira Holt says she doesn't work out every morning."), 'unsupported-claim');
  });
});
