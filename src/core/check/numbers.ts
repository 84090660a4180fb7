import { NUMBER_WORDS, ORDINAL_WORDS } from '../search/numberWords';
import { foldText } from '../search/normalize';
import { startsWithDigit } from '../search/tokenize';
import { rememberedByText } from '../text/rememberedByText';
import { NAMING_VERBS } from '../lexicon/people';
import { afterDeterminer } from '../lexicon/voice';

export type NumberKind = 'count' | 'percent' | 'money' | 'year' | 'month' | 'day' | 'weekday' | 'age' | 'ordinal';

/** A number, date part or age in a text, normalized so that "twelve" = 12 and "2,000" = 2000. */
export interface NumberMention {
  kind: NumberKind;
  value: number;
  /** Currency for money; the following word for counts ("12-point" -> "point"). */
  unit?: string;
  start: number;
  end: number;
  raw: string;
  /** Whose figure it is, when the text says: the name an age stands beside ("Raisi, 62,"). */
  owner?: string;
  /** The unit is written onto the figure ("46m", "19st"): a measure, not the next word. */
  glued?: boolean;
  /** Both figures of a score or a range written with a dash ("3-1", "6-48"), lower first: one figure of two parts. */
  pair?: string;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ABBREVIATIONS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, trillion: 1e12 };
// A Map, not an object: a word after a figure is any word, "constructor" too, and an object's prototype would answer it.
const CURRENCY_WORDS = new Map<string, string>(Object.entries({
  dollar: 'usd', dollars: 'usd', usd: 'usd', yuan: 'cny', renminbi: 'cny', euro: 'eur', euros: 'eur', eur: 'eur',
  pound: 'gbp', pounds: 'gbp', rubles: 'rub', roubles: 'rub', ruble: 'rub', yen: 'jpy', rupees: 'inr',
}));
const CURRENCY_SYMBOLS: Record<string, string> = { $: 'usd', '€': 'eur', '£': 'gbp', '¥': 'cny' };
// "68 years old", "the 62-year-old president".
const YEARS_OLD = /^[\s-]*years?[\s-]*old\b/i;
const SPELLED_PERCENT = /^\s?(?:%|per ?cent\b)/i;
const SPELLED = [...NUMBER_WORDS.keys()].filter((w) => w !== 'one' && !['hundred', 'thousand', 'million', 'billion', 'trillion', 'dozen'].includes(w));

// One regex for everything, so mentions come out in order and never overlap.
const MENTION = new RegExp(
  [
    '(?:(?<currency>[$€£¥])\\s?)?(?<digits>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:[-\\s]\\d+)?\\/(?:2|3|4|8|16|32)(?![\\/\\d])|\\d+(?:\\.\\d+)?)(?<scale>\\s?(?:thousand|million|billion|trillion|mn|bn)\\b)?(?<percent>\\s?(?:%|per ?cent\\b))?',
    // "one" alone is too often a pronoun to be a figure, but "twenty-one" is 21.
    `\\b(?<word>(?:one(?=[\\s-]+(?:hundred|dozen|${Object.keys(SCALES).join('|')})\\b)|${SPELLED.join('|')})(?:[\\s-]+(?:and\\s+)?(?:${[...SPELLED, ...Object.keys(SCALES), 'hundred', 'dozen'].join('|')})|[\\s-]one)*)\\b`,
    `\\b(?<month>${MONTHS.join('|')}|(?:${MONTH_ABBREVIATIONS.join('|')})\\.)(?![\\w])`,
    `\\b(?<weekday>${WEEKDAYS.join('|')})\\b`,
  ].join('|'),
  'giu',
);

export function findNumbers(text: string): NumberMention[] {
  if (text.length > REMEMBERED_CHARS) return scanNumbers(text);
  // Fresh copies: callers tell mentions apart by identity.
  return numbersIn(text).map((mention) => ({ ...mention }));
}

// The same evidence sentences and their neighbourhoods are read for figures statement after statement.
const REMEMBERED_CHARS = 4000;
const numbersIn = rememberedByText(scanNumbers);

// Read for each figure, so made once (a literal in a function is a new RegExp each time it is reached).
const WORD_AFTER = /^\s?([A-Za-z]+)/;
const LETTER = /[\p{L}]/u;
const FOUR_DIGITS = /^\d{4}$/;
const FRACTION = /^(?:(\d+)[-\s])?(\d+)\/(\d+)$/;
const UNIT_WORD = /^[-\s]*(?:of\s+(?:its|the|their)\s+)?([\p{L}]+)/u;
const FINAL_S = /s$/;
const DASH_BETWEEN = /^ ?[-\u2013] ?$/;
// "may" is the month only beside a figure or with a capital.
const DIGIT_AFTER = /^\s+\d/;
const DIGIT_BEFORE = /\d\s+$/;
const LOWER_FIRST = /^[a-z]/;

// One scanner for every scan (nothing in a scan starts another), its position reset each time.
const SCANNER = new RegExp(MENTION.source, MENTION.flags);
// The same without the u flag runs about three times faster, and finds the same mentions in any
// text without the two characters Unicode case folding makes ASCII letters (long s, Kelvin sign).
const FAST_SCANNER = new RegExp(MENTION.source, 'gi');
const FOLDS_TO_ASCII = /[\u017F\u212A]/;

/** The mentions of a text read once, such as a draft's statement: found afresh, not remembered as findNumbers' are. */
export function scanNumbers(text: string): NumberMention[] {
  const mentions: NumberMention[] = [];
  const scanner = FOLDS_TO_ASCII.test(text) ? SCANNER : FAST_SCANNER;
  scanner.lastIndex = 0;
  for (let m = scanner.exec(text); m; m = scanner.exec(text)) {
    const g = m.groups!;
    const start = m.index;
    let end = start + m[0].length;
    if (g.month) {
      if (g.month.toLowerCase() === 'may' && !DIGIT_AFTER.test(text.slice(end)) && !DIGIT_BEFORE.test(text.slice(0, start)) && LOWER_FIRST.test(g.month)) continue;
      const index = MONTHS.indexOf(g.month.toLowerCase()) >= 0 ? MONTHS.indexOf(g.month.toLowerCase()) : MONTH_ABBREVIATIONS.indexOf(g.month.toLowerCase().replace('.', ''));
      mentions.push({ kind: 'month', value: index + 1, start, end, raw: m[0] });
      continue;
    }
    if (g.weekday) {
      mentions.push({ kind: 'weekday', value: WEEKDAYS.indexOf(g.weekday.toLowerCase()) + 1, start, end, raw: m[0] });
      continue;
    }
    if (g.word) {
      // Number words run together only as English composes them: "two first-half penalties" is two, not three.
      const spelled = spelledNumber(g.word);
      end = start + spelled.length;
      scanner.lastIndex = end;
      const value = spelled.value;
      // "forty percent" and "forty dollars" are the figures "40%" and "$40", written out.
      const percent = SPELLED_PERCENT.exec(text.slice(end));
      const currencyWord = WORD_AFTER.exec(text.slice(end));
      const currency = currencyNamed(currencyWord);
      if (spelled.ordinal) mentions.push({ kind: 'ordinal', value, start, end, raw: text.slice(start, end) });
      else if (percent) mentions.push({ kind: 'percent', value, start, end: end + percent[0].length, raw: text.slice(start, end + percent[0].length) });
      else if (currency && currencyWord) mentions.push({ kind: 'money', value, unit: currency, start, end: end + currencyWord[0].length, raw: text.slice(start, end + currencyWord[0].length) });
      else if (YEARS_OLD.test(text.slice(end))) {
        mentions.push(withOwner({ kind: 'age', value, start, end, raw: text.slice(start, end) }, ageOwner(text, start, end)));
      } else mentions.push({ kind: 'count', value, unit: followingWord(text, end), start, end, raw: text.slice(start, end) });
      continue;
    }
    // A figure inside a word ("G20") is a name; a currency sign after a letter is still money ("Â£90m" from a mis-decoded page).
    if (!g.digits || (!g.currency && LETTER.test(text[start - 1] ?? ''))) continue;
    let value = digitsValue(g.digits);
    if (g.scale) value *= SCALES[g.scale.trim().toLowerCase()];
    let kind: NumberKind = 'count';
    let unit: string | undefined;
    // Letters written onto the figure: "21st", "£335m", "46m", "188lb", "2.30pm".
    const glued = g.scale || g.percent ? undefined : GLUED_LETTERS.exec(text.slice(end))?.[0];
    if (glued) {
      end += glued.length;
      const suffix = glued.toLowerCase();
      const day = isDayOfMonth(text, start, end);
      if (suffix === ordinalSuffix(value) && Number.isInteger(value)) {
        kind = day && value <= 31 ? 'day' : 'ordinal';
        // "19st" is nineteen stone and "21st" may be too: the letters stay as its unit.
        unit = suffix;
      }
      else if (g.currency && SCALES[scaleName(suffix)]) {
        value *= SCALES[scaleName(suffix)];
        kind = 'money';
        unit = CURRENCY_SYMBOLS[g.currency];
      } else unit = suffix;
      mentions.push({ kind, value, unit, start, end, raw: text.slice(start, end), glued: true });
      continue;
    }
    const currencyWord = WORD_AFTER.exec(text.slice(end));
    const wordCurrency = currencyNamed(currencyWord);
    // "£15 m" is "£15m" with a space before the scale letter.
    const spacedScale = g.currency && !g.scale ? /^\s([mk])(?![\p{L}\d])/u.exec(text.slice(end)) : null;
    if (spacedScale) {
      value *= SCALES[scaleName(spacedScale[1])];
      end += spacedScale[0].length;
    }
    if (g.percent) kind = 'percent';
    else if (g.currency) {
      kind = 'money';
      unit = CURRENCY_SYMBOLS[g.currency];
    } else if (currencyWord && wordCurrency) {
      kind = 'money';
      unit = wordCurrency;
      end += currencyWord[0].length;
    } else if (isAge(text, start, end) || YEARS_OLD.test(text.slice(end))) kind = 'age';
    else if (FOUR_DIGITS.test(g.digits) && value >= 1800 && value <= 2100) kind = 'year';
    else if (value >= 1 && value <= 31 && isDayOfMonth(text, start, end)) kind = 'day';
    else unit = followingWord(text, end);
    mentions.push(withOwner({ kind, value, unit, start, end, raw: text.slice(start, end) }, kind === 'age' ? ageOwner(text, start, end) : undefined));
  }
  pairScores(text, mentions);
  return mentions;
}

/** The currency the word after a figure names ("dollars": "usd"), when it names one. */
function currencyNamed(wordAfter: RegExpExecArray | null): string | undefined {
  return wordAfter ? CURRENCY_WORDS.get(wordAfter[1].toLowerCase()) : undefined;
}

/** The mention with its owner, when it has one (no spread of an object made for it). */
function withOwner(mention: NumberMention, owner: string | undefined): NumberMention {
  if (owner) mention.owner = owner;
  return mention;
}

/**
 * "won 3-1", "took 6-48", "trailed 3 - 0": two counts written with a dash between them are one
 * figure, a score or a range, and compare as a pair (a side of it is no bare count).
 */
function pairScores(text: string, mentions: NumberMention[]): void {
  for (let k = 0; k + 1 < mentions.length; k++) {
    const [a, b] = [mentions[k], mentions[k + 1]];
    if (a.kind !== 'count' || b.kind !== 'count' || a.pair || !startsWithDigit(a.raw) || !startsWithDigit(b.raw)) continue;
    if (!DASH_BETWEEN.test(text.slice(a.end, b.start))) continue;
    a.pair = b.pair = [a.value, b.value].sort((x, y) => x - y).join('-');
  }
}

/** The scale a letter written onto money stands for: "£335m" is millions, "$40k" thousands. */
function scaleName(suffix: string): string {
  return suffix === 'm' ? 'mn' : suffix === 'k' ? 'thousand' : suffix;
}

const GLUED_LETTERS = /^\p{L}{1,3}(?![\p{L}\d])/u;

/** The suffix English writes on an ordinal: 1st, 2nd, 3rd, 4th, 11th-13th, 21st. */
function ordinalSuffix(value: number): string {
  const lastTwo = value % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][value % 10] ?? 'th';
}

/**
 * The surname an age is said of: the name it stands beside ("Raisi, 62," and "Lukashenko (68)"),
 * or the name its noun phrase is given by a verb of naming ("a 13-year-old boy, identified as Ali
 * Sami," and "the 30-year-old, named as Jo Kerr").
 */
function ageOwner(text: string, start: number, end: number): string | undefined {
  const window = text.slice(Math.max(0, start - 60), start);
  const before = /([\p{Lu}][\p{L}'-]+)\s*[,(]\s*$/u.exec(window);
  // "The beautiful DJ, 27," heads a description: it names no one.
  if (before) return afterDeterminer(window.slice(0, before.index).trim().split(/\s+/)) ? undefined : foldText(before[1]);
  const named = NAMED_AFTER_AGE.exec(text.slice(end, end + 120));
  return named ? foldText(named[1]) : undefined;
}

// "-year-old", up to three lower-case words of its noun phrase, then "identified as", "named (as)",
// "known as" or "called" and a name, whose last word is the surname.
const NAMED_AFTER_AGE = new RegExp(
  `^[\\s-]*years?[\\s-]*old(?:\\s+\\p{Ll}[\\p{L}'-]*){0,3}\\s*,?\\s+(?:${NAMING_VERBS.join('|')})\\s+(?:[\\p{Lu}][\\p{L}'-]+\\s+){0,3}([\\p{Lu}][\\p{L}'-]+)`,
  'u',
);

/** "2,400" -> 2400, "1.28" -> 1.28, and fractions as one figure: "3-7/8" -> 3.875, "1/2" -> 0.5. */
function digitsValue(digits: string): number {
  // Most figures are plain digits: a fraction and separators are looked for only when their marks are there.
  const fraction = digits.includes('/') ? FRACTION.exec(digits) : null;
  if (fraction) return Number(fraction[1] ?? 0) + Number(fraction[2]) / Number(fraction[3]);
  return Number(digits.includes(',') ? digits.replace(/,/g, '') : digits);
}

type NumberPart = 'unit' | 'teen' | 'tens' | 'ordinal' | 'hundred' | 'dozen' | 'scale' | 'and';

// What may follow what in a spelled-out number: "twenty-one", "two hundred and five", "three
// million", "twenty-first"; an ordinal ends it, and a unit never follows a unit.
const NEXT_PART: Record<NumberPart | 'start', readonly NumberPart[]> = {
  start: ['unit', 'teen', 'tens', 'ordinal'],
  unit: ['hundred', 'dozen', 'scale'],
  teen: ['hundred', 'scale'],
  tens: ['unit', 'ordinal', 'scale'],
  ordinal: [],
  hundred: ['and', 'unit', 'teen', 'tens', 'ordinal', 'scale'],
  dozen: ['scale'],
  scale: ['and', 'unit', 'teen', 'tens', 'ordinal'],
  and: ['unit', 'teen', 'tens', 'ordinal'],
};

function partOf(word: string): NumberPart | undefined {
  if (word === 'and') return 'and';
  if (word === 'hundred') return 'hundred';
  if (word === 'dozen') return 'dozen';
  if (SCALES[word]) return 'scale';
  if (ORDINAL_WORDS.has(word)) return 'ordinal';
  const value = NUMBER_WORDS.get(word);
  if (value === undefined) return undefined;
  return value < 10 ? 'unit' : value < 20 ? 'teen' : 'tens';
}

/** The longest spelled-out number at the start of `words`: "two hundred and five" -> 205, "twenty-first" -> 21st. */
function spelledNumber(words: string): { value: number; length: number; ordinal: boolean } {
  let total = 0;
  let current = 0;
  let previous: NumberPart | 'start' = 'start';
  let length = 0;
  let value = 0;
  let ordinal = false;
  for (const m of words.matchAll(/[\p{L}]+/gu)) {
    const word = m[0].toLowerCase();
    const part = partOf(word);
    if (!part || !NEXT_PART[previous].includes(part)) break;
    previous = part;
    if (part === 'and') continue;
    if (part === 'hundred') current = (current || 1) * 100;
    else if (part === 'dozen') current = (current || 1) * 12;
    else if (part === 'scale') {
      total += (current || 1) * SCALES[word];
      current = 0;
    } else current += NUMBER_WORDS.get(word)!;
    length = m.index + m[0].length;
    value = total + current;
    ordinal = part === 'ordinal';
  }
  return { value, length, ordinal };
}

/** "Lukashenko (68)", "Wan Qingsong, 57, professor", "X, 57, said". */
function isAge(text: string, start: number, end: number): boolean {
  // The three characters after first: they rule out nearly every figure before anything else is read.
  const after = text.slice(end, end + 3);
  const bracketed = BRACKET_CLOSES.test(after);
  if (!bracketed && after[0] !== ',') return false;
  // "Back in Action' (2003)" is a year: no one is 2003 years old.
  if (Number(text.slice(start, end)) >= 130) return false;
  return (bracketed ? NAME_BRACKET_BEFORE : NAME_COMMA_BEFORE).test(text.slice(Math.max(0, start - 40), start));
}

const BRACKET_CLOSES = /^\s*\)/;
const NAME_BRACKET_BEFORE = /[\p{Lu}][\p{L}'-]+\s*\($/u;
const NAME_COMMA_BEFORE = /[\p{Lu}][\p{L}'-]+,\s*$/u;

const MONTH_BEFORE = new RegExp(`\\b(?:${MONTHS.join('|')}|(?:${MONTH_ABBREVIATIONS.join('|')})\\.?)\\s*$`, 'i');
const MONTH_AFTER = new RegExp(`^\\s*(?:of\\s+)?(?:${MONTHS.join('|')})`, 'i');

function isDayOfMonth(text: string, start: number, end: number): boolean {
  return MONTH_BEFORE.test(text.slice(Math.max(0, start - 12), start)) || MONTH_AFTER.test(text.slice(end, end + 12));
}

/** The word after a count, as a crude unit: "12-point" -> "point", "six conversations" -> "conversations". */
function followingWord(text: string, end: number): string | undefined {
  const next = UNIT_WORD.exec(text.slice(end, end + 40));
  return next ? foldText(next[1]).replace(FINAL_S, '') : undefined;
}

export function sameNumber(a: NumberMention, b: NumberMention): boolean {
  if (!comparableKinds(a.kind, b.kind)) return false;
  // A day of the month is only ever the same as a day ("2 August" is not the "2" of a score).
  if ((a.kind === 'day' || b.kind === 'day') && a.kind !== b.kind) return false;
  if (a.owner && b.owner && a.owner !== b.owner) return false;
  if (a.pair !== b.pair) return false;
  // "19st" is not the 19 of "19 months": a measure written onto a figure must be the other's unit too.
  if (measureOf(a) !== undefined && b.unit !== undefined && measureOf(a) !== b.unit.replace(FINAL_S, '')) return false;
  if (measureOf(b) !== undefined && a.unit !== undefined && measureOf(b) !== a.unit.replace(FINAL_S, '')) return false;
  return Math.abs(a.value - b.value) <= 1e-9 * Math.max(1, Math.abs(a.value));
}

/**
 * The measure written onto a figure ("19st", "46m"), if any. An ordinal's own suffix is none: "the
 * 400th goal" is the goal that took a side past 400 goals. "st" stays a measure, for it is also stone.
 */
function measureOf(mention: NumberMention): string | undefined {
  if (!mention.glued || mention.unit === undefined) return undefined;
  if ((mention.kind === 'ordinal' || mention.kind === 'day') && mention.unit !== 'st') return undefined;
  return mention.unit.replace(FINAL_S, '');
}

/** Months compare with months, weekdays with weekdays; other figures compare by value. */
export function comparableKinds(a: NumberKind, b: NumberKind): boolean {
  const calendar = (k: NumberKind): boolean => k === 'month' || k === 'weekday';
  if (calendar(a) || calendar(b)) return a === b;
  return true;
}
