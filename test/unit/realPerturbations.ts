// Seeded perturbations of real articles: real quotations with their speakers and real figures,
// read at run time from the shared real-news corpora (research use only: never copied into the
// repo), each changed in one way the checker must catch, plus the unchanged originals.
// The generator finds quotes and speakers with its own narrow patterns, not the product's
// extractor, so a quote the product misreads still becomes a test item.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SourcedEngine } from '../../src/core/engine';
import { isFlagged } from '../../src/core/check/results';
import type { Verdict } from '../../src/core/types';
import { seededRandom } from '../../scripts/bench/prng';

export type Perturbation = 'original' | 'misquote' | 'misattribution' | 'number-mismatch';
export type MarkStyle = 'double' | 'single' | 'plain';

export interface PerturbedItem {
  corpus: string;
  article: string;
  kind: Perturbation;
  style: MarkStyle;
  text: string;
  /** What the change was, for a readable failure. */
  change: string;
}

export interface PerturbationOutcome {
  item: PerturbedItem;
  verdict: Verdict;
  message: string;
}

/** The shared real-news corpora beside the repository (`../shared`), or undefined when absent. */
export function realCorporaDir(repoRoot: string): string | undefined {
  const dir = path.join(repoRoot, '..', 'shared', 'eval', 'real', 'corpora');
  return fs.existsSync(dir) ? dir : undefined;
}

const NAME_WORD = "[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?";
// One to three capitalized words, optionally after an honorific: "Redknapp", "Steve Parish", "Mr Rob Rees".
const NAME = `(?:(?:Mr|Mrs|Ms|Dr|Sir)\\.? )?${NAME_WORD}(?: ${NAME_WORD}){0,2}`;
const NOT_NAME = /^(?:The|A|An|But|And|He|She|It|They|We|I|You|This|That|In|On|At|After|When|While|Another|One|Speaking|Writing|Asked|Police|Officials?|Mr|Mrs|Ms|Dr|Sir)$/;
const OPEN = `['"\u2018\u201C]`;
const CLOSE = `['"\u2019\u201D]`;
// `[descriptor] Name[, 32,] said: 'Words.` opening a paragraph (the quote may run on to the next one).
const SAID_COLON = new RegExp(`^(?:([^'"\u2018\u201C:]{0,80}?) )?(${NAME}),?(?: \\d{1,3},)? said: ${OPEN}(.+?)(?:${CLOSE})?[\\s.]*$`);
// The words before a speaker's name: a description ("passer-by", "Trust chairman,"), not "chief executive of".
const LEAD_BEFORE_NAME = /(?:^|(?:^|\s)[a-z][\w-]*|,)$/;
const NOT_LEAD = /\b(?:of|at|in|for|from|with|on|to|the|by|a|an)$/;
// `'Words,' Name said.`, `'Words,' said [descriptor] Name.`
const QUOTE_SAID = new RegExp(`^${OPEN}(.+?),${CLOSE} (?:(${NAME}) said|said (?:[a-z][\\w-]* ){0,3}(${NAME}))[\\s.]*$`);
// Other people the article names: speakers, "Kuan Tseng, 32,", "manager Alan Pardew".
const PERSON = new RegExp(
  `(${NAME}),? (?:\\d{1,3}, )?(?:said|says|told|added)\\b|\\bsaid (${NAME})\\b|(${NAME}), \\d{1,2},|\\b(?:manager|boss|chairman|president|spokesman|spokeswoman|minister|director|chief|coach|captain|inspector|secretary|leader|judge|professor|lawyer|attorney|senator|governor|mayor|founder|executive|actor|actress|singer|player|striker|defender|husband|wife|son|daughter|mother|father|brother|sister|friend|neighbour|neighbor|victim|passenger|officer|detective|doctor) (${NAME_WORD} ${NAME_WORD})\\b`,
  'g',
);

const STOP = new Set(
  `about above after again against also among another because been before being below between both could does doing down during each
  every from further have having here into just more most much must never only other over same should some such than that their them
  then there these they this those through under until very were what when where which while will with would your said says going
  want like know think make made really still even well back year years time people`.split(/\s+/),
);

interface RealQuote {
  speaker: string;
  words: string;
}

function cleanName(name: string): string | undefined {
  const words = name.split(' ');
  // Titles and words that start a sentence are not names: "Police said", "Mr Berry said" (kept with its title).
  while (words.length > 1 && NOT_NAME.test(words[0]) && !/^(?:Mr|Mrs|Ms|Dr|Sir)$/.test(words[0])) words.shift();
  // "Having said:" opens with a verb, not a name.
  if (words.length === 0 || (words.length === 1 && (NOT_NAME.test(words[0]) || /ing$/.test(words[0]))) || words.every((w) => /^(?:Mr|Mrs|Ms|Dr|Sir)$/.test(w))) return undefined;
  return words.join(' ');
}

function quotesOf(paragraphs: readonly string[]): RealQuote[] {
  const found: RealQuote[] = [];
  for (const paragraph of paragraphs) {
    const matched = SAID_COLON.exec(paragraph);
    const lead = matched?.[1] ?? '';
    const colon = matched && LEAD_BEFORE_NAME.test(lead) && !NOT_LEAD.test(lead) ? matched : undefined;
    const after = matched ? undefined : QUOTE_SAID.exec(paragraph);
    const speaker = cleanName(colon?.[2] ?? after?.[2] ?? after?.[3] ?? '');
    // A long quotation is quoted by its first sentence, as reporters cut one.
    let words = colon?.[3] ?? after?.[1];
    if (!speaker || !words) continue;
    if (colon && words.split(/\s+/).length > 40) words = /^.+?[.!?](?=\s|$)/.exec(words)?.[0] ?? words;
    if (colon && !/[.!?]$/.test(words)) words += '.';
    const count = words.split(/\s+/).length;
    // Whole quotations of a sentence or two; one with a quotation inside it is left out.
    if (count < 6 || count > 40 || /["\u201C\u201D\u2018\u2019]|(?:^|\s)'|'(?:\s|$)/.test(words)) continue;
    found.push({ speaker, words });
  }
  return found;
}

function peopleOf(paragraphs: readonly string[], quotes: readonly RealQuote[]): string[] {
  const names = new Set(quotes.map((q) => q.speaker));
  for (const paragraph of paragraphs) {
    for (const m of paragraph.matchAll(PERSON)) {
      const name = cleanName(m[1] ?? m[2] ?? m[3] ?? m[4]);
      if (name) names.add(name);
    }
  }
  return [...names];
}

/** Curly or straight marks (writers type both), picked by the seed. */
function marks(style: MarkStyle, next: () => number): [string, string] {
  const curly = next() < 0.5;
  if (style === 'single') return curly ? ['\u2018', '\u2019'] : ["'", "'"];
  if (style === 'double') return curly ? ['\u201C', '\u201D'] : ['"', '"'];
  return ['', ''];
}

/** The quote in one of two attribution forms a reporter writes, picked by the seed. */
function attributed(speaker: string, words: string, style: MarkStyle, colonForm: boolean, next: () => number): string {
  const [open, close] = marks(style, next);
  if (colonForm) return `${speaker} said: ${open}${words}${close}`;
  const inside = /[.]$/.test(words) ? `${words.slice(0, -1)},` : words;
  return `${open}${inside}${close} ${speaker} said.`;
}

function vocabularyOf(text: string): string[] {
  return [...new Set(text.match(/\b[a-z]{5,12}\b/g) ?? [])].filter((w) => !STOP.has(w));
}

/** One content word of the quote swapped for another word of the same article. */
function misquoted(words: string, vocabulary: readonly string[], next: () => number): { text: string; change: string } | undefined {
  const tokens = [...words.matchAll(/\b[a-z]{4,}\b/g)].filter((m) => !STOP.has(m[0]));
  if (tokens.length === 0) return undefined;
  const target = tokens[Math.floor(next() * tokens.length)];
  const lower = words.toLowerCase();
  const choices = vocabulary.filter((w) => w.slice(0, 4) !== target[0].slice(0, 4) && !lower.includes(w));
  if (choices.length === 0) return undefined;
  const replacement = choices[Math.floor(next() * choices.length)];
  return { text: words.slice(0, target.index) + replacement + words.slice(target.index! + target[0].length), change: `${target[0]} -> ${replacement}` };
}

// A figure standing alone (not inside a word or a name such as "G20"): "46", "2,400", "3.5".
const FIGURE = /(?<![\p{L}\d.,'’/-])(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?(?![\d/]|\.\d|,\d))(?!\p{Lu})/gu;
const QUOTED_PHRASE = /(^|[\s(])(['\u2018"\u201C])([^'\u2018\u2019"\u201C\u201D]+?)(['\u2019"\u201D])(?=[\s.,;:!?)]|$)/g;

const MONTH_NEAR = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/;

function changedFigure(raw: string, next: () => number): string {
  const value = Number(raw.replace(/,/g, ''));
  const decimals = raw.includes('.') ? raw.split('.')[1].length : 0;
  const isYear = !raw.includes(',') && decimals === 0 && value >= 1900 && value <= 2100;
  const steps = isYear ? [1, 2, 3] : [1, 2, 3, 5, 10];
  const step = steps[Math.floor(next() * steps.length)] * (decimals ? 10 ** -decimals : 1);
  const down = value - step > 0 && next() < 0.5;
  const changed = down ? value - step : value + step;
  const text = changed.toFixed(decimals);
  return raw.includes(',') ? Number(text).toLocaleString('en-US') : text;
}

function ordinalSuffix(figure: string): string {
  const n = Number(figure.replace(/,/g, '')) % 100;
  if (n >= 11 && n <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

function sentencesOf(paragraph: string): string[] {
  return paragraph.split(/(?<=[a-z0-9%)][.!?])\s+(?=[A-Z])/).map((s) => s.trim());
}

/** Sentences with a figure outside any quotation, rendered in each mark style they allow. */
function figureItems(corpus: string, article: string, paragraphs: readonly string[], next: () => number, limit: number): PerturbedItem[] {
  const items: PerturbedItem[] = [];
  const sentences = paragraphs.flatMap(sentencesOf).filter((s) => {
    const words = s.split(/\s+/).length;
    // Not a sentence of a quotation (a figure changed there is a misquote), nor one ending on a list number.
    const outsideQuotes = s.replace(QUOTED_PHRASE, '');
    return words >= 8 && words <= 45 && /[.!]$/.test(s) && !/["\u201C\u201D\u2018\u2019]|(?:^|\s)'|'(?:\s|$)/.test(outsideQuotes) && !/\s\d+\.$/.test(s);
  });
  const withFigures = sentences.filter((s) => [...s.replace(QUOTED_PHRASE, (m) => m.replace(/\d/g, 'x')).matchAll(FIGURE)].length > 0);
  for (let i = withFigures.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [withFigures[i], withFigures[j]] = [withFigures[j], withFigures[i]];
  }
  for (const sentence of withFigures.slice(0, limit)) {
    const masked = sentence.replace(QUOTED_PHRASE, (m) => m.replace(/\d/g, 'x'));
    const figures = [...masked.matchAll(FIGURE)];
    const figure = figures[Math.floor(next() * figures.length)];
    // A day of the month stays a day that exists.
    const isDay = Number(figure[0]) <= 31 && MONTH_NEAR.test(masked.slice(Math.max(0, figure.index! - 12), figure.index! + figure[0].length + 12));
    const replacement = isDay ? String(((Number(figure[0]) + Math.ceil(next() * 5)) % 28) + 1) : changedFigure(figure[0], next);
    if (replacement === figure[0]) continue;
    if (sentence.includes(replacement)) continue;
    const rest = sentence.slice(figure.index! + figure[0].length);
    // "28th" -> "33rd": an ordinal's suffix follows its figure ("19st", stone, keeps its letters).
    const changed = sentence.slice(0, figure.index) + replacement + rest.replace(/^(?:st|nd|rd|th)\b/, (suffix) => (suffix === ordinalSuffix(figure[0]) ? ordinalSuffix(replacement) : suffix));
    const quoted = QUOTED_PHRASE.test(sentence);
    QUOTED_PHRASE.lastIndex = 0;
    const styles: MarkStyle[] = quoted ? ['double', 'single'] : ['plain'];
    for (const style of styles) {
      const [open, close] = marks(style, next);
      const restyle = (s: string) => s.replace(QUOTED_PHRASE, (_m, lead: string, _o: string, words: string) => `${lead}${open}${words}${close}`);
      items.push({ corpus, article, kind: 'original', style, text: restyle(sentence), change: 'none' });
      items.push({ corpus, article, kind: 'number-mismatch', style, text: restyle(changed), change: `${figure[0]} -> ${replacement}` });
    }
  }
  return items;
}

/** Every perturbed and original statement of one article. */
function articleItems(corpus: string, article: string, text: string, next: () => number, perArticle: number): PerturbedItem[] {
  const paragraphs = text.split(/\n+/).map((p) => p.trim()).filter(Boolean);
  const quotes = quotesOf(paragraphs);
  const people = peopleOf(paragraphs, quotes);
  const vocabulary = vocabularyOf(text);
  const items: PerturbedItem[] = [];
  for (const quote of quotes.slice(0, perArticle)) {
    const colonForm = next() < 0.5;
    const misquote = misquoted(quote.words, vocabulary, next);
    // Another person: no word of the speaker's name, and not the other half of it ("Conor" and "Munroe").
    const own = quote.speaker.split(' ');
    const others = people.filter((p) => !p.split(' ').some((w) => own.includes(w)) && !own.some((w) => text.includes(`${p} ${w}`) || text.includes(`${w} ${p}`)));
    const other = others.length > 0 ? others[Math.floor(next() * others.length)] : undefined;
    for (const style of ['double', 'single'] as const) {
      items.push({ corpus, article, kind: 'original', style, text: attributed(quote.speaker, quote.words, style, colonForm, next), change: 'none' });
      if (misquote) items.push({ corpus, article, kind: 'misquote', style, text: attributed(quote.speaker, misquote.text, style, colonForm, next), change: misquote.change });
      if (other) items.push({ corpus, article, kind: 'misattribution', style, text: attributed(other, quote.words, style, colonForm, next), change: `${quote.speaker} -> ${other}` });
    }
  }
  return [...items, ...figureItems(corpus, article, paragraphs, next, perArticle)];
}

/** The perturbed statements of every article of one corpus folder, in a seeded order. */
export function perturbCorpus(corpusDir: string, seed: number, perArticle = 2): PerturbedItem[] {
  const next = seededRandom(seed);
  const corpus = path.basename(corpusDir);
  return fs
    .readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((file) => articleItems(corpus, file.slice(0, 3), fs.readFileSync(path.join(corpusDir, file), 'utf8'), next, perArticle));
}

/** Checks each item as its own paragraph against its whole corpus folder; a paragraph's verdict is its first flag. */
export async function checkPerturbations(corpusDir: string, items: readonly PerturbedItem[]): Promise<PerturbationOutcome[]> {
  const engine = new SourcedEngine();
  await engine.loadCorpus({ base: path.dirname(corpusDir), roots: [path.basename(corpusDir)] });
  return items.map((item) => {
    const results = engine.checkDraft(item.text);
    const flagged = results.find((r) => isFlagged(r.verdict));
    const shown = flagged ?? results[0];
    return { item, verdict: shown?.verdict ?? 'not-a-claim', message: shown?.message ?? '(no statement)' };
  });
}

/** Whether the checker did what the item needs: its own code for a change, no flag for an original. */
export function caught(outcome: PerturbationOutcome): boolean {
  return outcome.item.kind === 'original' ? !isFlagged(outcome.verdict) : outcome.verdict === outcome.item.kind;
}

export interface RateRow {
  kind: Perturbation;
  style: MarkStyle;
  right: number;
  total: number;
}

/** Share right per kind and mark style (for originals: share left unflagged). */
export function catchRates(outcomes: readonly PerturbationOutcome[]): RateRow[] {
  const rows = new Map<string, RateRow>();
  for (const outcome of outcomes) {
    const key = `${outcome.item.kind}/${outcome.item.style}`;
    const row = rows.get(key) ?? { kind: outcome.item.kind, style: outcome.item.style, right: 0, total: 0 };
    row.total++;
    if (caught(outcome)) row.right++;
    rows.set(key, row);
  }
  const order: Perturbation[] = ['misquote', 'misattribution', 'number-mismatch', 'original'];
  return [...rows.values()].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.style.localeCompare(b.style));
}

export const DEFAULT_SEED = 20261130;

/** The seed: SOURCED_PERTURB_SEED when set, so another draw of the same articles can be tried. */
export function perturbationSeed(): number {
  const fromEnv = Number(process.env.SOURCED_PERTURB_SEED);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_SEED;
}
