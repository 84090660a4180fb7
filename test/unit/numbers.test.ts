import assert from 'node:assert/strict';
import { findNumbers, sameNumber } from '../../src/core/check/numbers';

const summary = (text: string) => findNumbers(text).map((m) => [m.kind, m.value]);

describe('findNumbers', () => {
  it('reads number words, separators, decimals, scales, percentages and currencies', () => {
    assert.deepEqual(summary('a twelve-point plan'), [['count', 12]]);
    assert.deepEqual(summary('more than 2,000 troops'), [['count', 2000]]);
    assert.deepEqual(summary('1.28 trillion yuan (190 billion dollars)'), [['money', 1.28e12], ['money', 190e9]]);
    assert.deepEqual(summary('about 30% more, or 30 percent'), [['percent', 30], ['percent', 30]]);
    assert.deepEqual(summary('$3.5 million'), [['money', 3.5e6]]);
    assert.deepEqual(summary('twenty-five people'), [['count', 25]]);
  });

  it('reads only currency words as money, not any word an object prototype answers ("constructor")', () => {
    assert.deepEqual(summary('5 constructor companies and twelve toString calls'), [['count', 5], ['count', 12]]);
    assert.deepEqual(summary('5 dollars'), [['money', 5]]);
  });

  it('runs number words together only as English composes them', () => {
    assert.deepEqual(summary('kicked two first-half penalties'), [['count', 2], ['ordinal', 1]]);
    assert.deepEqual(summary('one hundred and forty-seven victims'), [['count', 147]]);
    assert.deepEqual(summary('two dozen eggs and three and four'), [['count', 24], ['count', 3], ['count', 4]]);
    assert.deepEqual(summary('the twenty-first time'), [['ordinal', 21]]);
    assert.deepEqual(summary('one of them'), []);
  });

  it('reads a money scale written after a space as the scale ("£15 m" = "£15m")', () => {
    assert.deepEqual(summary('a deal worth around £ 15 m to include'), [['money', 15e6]]);
    assert.ok(sameNumber(findNumbers('£ 15 m')[0], findNumbers('£15m')[0]));
    assert.ok(!sameNumber(findNumbers('£ 15 m')[0], findNumbers('£15')[0]));
  });

  it('reads a fraction as one figure, but not a date written with slashes', () => {
    assert.deepEqual(summary('a bore of 3-7/8 inches and a stroke of 7 inches'), [['count', 3.875], ['count', 7]]);
    assert.deepEqual(summary('1/2 mile'), [['count', 0.5]]);
    assert.deepEqual(summary('on 4/26/2023').map(([kind]) => kind), ['count', 'count', 'year']);
  });

  it('reads written-out percentages and sums as the figures they are', () => {
    assert.deepEqual(summary('about forty percent more, or thirty per cent, or twelve %'), [['percent', 40], ['percent', 30], ['percent', 12]]);
    assert.deepEqual(summary('fifty dollars and twenty euros'), [['money', 50], ['money', 20]]);
    assert.equal(findNumbers('about forty percent higher')[0].raw, 'forty percent');
  });

  it('reads dates: months, days, years and weekdays', () => {
    assert.deepEqual(summary('on April 26, 2023'), [['month', 4], ['day', 26], ['year', 2023]]);
    assert.deepEqual(summary('6 May'), [['day', 6], ['month', 5]]);
    assert.deepEqual(summary('in January, on Tuesday'), [['month', 1], ['weekday', 2]]);
    assert.deepEqual(summary('Feb. 4 meeting'), [['month', 2], ['day', 4]]);
  });

  it('reads ages in parentheses and between commas', () => {
    assert.deepEqual(summary('Alexander Lukashenko (68) met'), [['age', 68]]);
    assert.deepEqual(summary('the 62-year-old president, who is sixty-eight years old'), [['age', 62], ['age', 68]]);
    assert.deepEqual(summary('Wan Qingsong, 57, professor'), [['age', 57]]);
  });

  it('gives an age to the person a verb of naming names after it, and to no one else', () => {
    const owners = (text: string) => findNumbers(text).map((m) => [m.value, m.owner]);
    assert.deepEqual(owners('His 13-year-old brother, identified as Karim Osei, was found.'), [[13, 'osei']]);
    assert.deepEqual(owners('a nine-year-old girl named Mia Lund'), [[9, 'lund']]);
    assert.deepEqual(owners('the 30-year-old, named as Jo Kerr by police'), [[30, 'kerr']]);
    assert.deepEqual(owners('a 20-year-old man called police'), [[20, undefined]]);
    assert.deepEqual(owners('the 34-year-old Bayern defender'), [[34, undefined]]);
  });

  it('gives an age to a name beside it, but not to the head of a description', () => {
    const owners = (text: string) => findNumbers(text).map((m) => m.owner);
    assert.deepEqual(owners('Ebrahim Raisi, 62, arrived'), ['raisi']);
    assert.deepEqual(owners('The beautiful DJ, 27, from east London'), [undefined]);
    assert.deepEqual(owners('the Spaniard Fabregas, 28, signed'), ['fabregas']);
  });

  it('reads an ordinal as its number, but a measure written onto a figure as a unit', () => {
    const first = (text: string) => findNumbers(text)[0];
    assert.ok(sameNumber(first("Barcelona's 400th goal"), first('past 400 goals')));
    assert.ok(!sameNumber(first('he weighed 19st'), first('19 months')));
    assert.ok(!sameNumber(first('a 46m well'), first('46 days')));
  });

  it('reads a score or range written with a dash as one figure of two parts', () => {
    const first = (text: string) => findNumbers(text)[0];
    assert.ok(sameNumber(first('they won 3-1'), first('a 3 - 1 win')));
    assert.ok(sameNumber(first('lost 1–3 at home'), first('a 1-3 defeat')));
    assert.ok(!sameNumber(first('took 6-48'), first('hit a six')));
    assert.ok(!sameNumber(first('trailed 6-0'), first('trailed 3-0')));
    assert.deepEqual(findNumbers('between 2005-2009').map((m) => m.pair), [undefined, undefined]);
  });

  it('does not read the modal verb "may" or digits inside names as numbers', () => {
    assert.deepEqual(summary('It may rain at the G20'), []);
  });

  it('treats "twelve" and "12" as the same figure, but a month never equals a count', () => {
    const [words] = findNumbers('twelve points');
    const [digits] = findNumbers('12 points');
    assert.ok(sameNumber(words, digits));
    const [month] = findNumbers('in March');
    const [three] = findNumbers('3 points');
    assert.ok(!sameNumber(month, three));
  });
});
