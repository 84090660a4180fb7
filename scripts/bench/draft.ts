// Draws a 40-statement Markdown draft from the benchmark's articles: verbatim sentences,
// paraphrases, and altered ones (a changed number, a changed word inside a quote, invented claims),
// each with the verdict a good checker should give, so the benchmark can report agreement too.
import type { Verdict } from '../../src/core/types';
import { detokenize, type TaggedSentence, type Token } from './brown';
import type { Article } from './articles';
import { pick, randomInt, seededRandom, type Random } from './prng';

export type StatementKind = 'verbatim' | 'paraphrase' | 'changed-number' | 'changed-quote-word' | 'invented';

export interface BenchStatement {
  kind: StatementKind;
  text: string;
  expected: Verdict;
  /** The article paragraph it was drawn from (invented statements: a random one), for related-passage queries. */
  paragraph: string;
}

const PLAN: ReadonlyArray<[StatementKind, number, Verdict]> = [
  ['verbatim', 14, 'supported'],
  ['paraphrase', 8, 'supported'],
  ['changed-number', 6, 'number-mismatch'],
  ['changed-quote-word', 6, 'misquote'],
  ['invented', 6, 'unsupported-claim'],
];

interface Candidate {
  tokens: TaggedSentence;
  paragraph: string;
}

export function buildDraft(articles: readonly Article[], sentences: readonly TaggedSentence[], seed: number): BenchStatement[] {
  const random = seededRandom(seed);
  const candidates = usableSentences(articles, sentences);
  const used = new Set<TaggedSentence>();
  const statements: BenchStatement[] = [];
  for (const [kind, count, expected] of PLAN) {
    for (let made = 0, tries = 0; made < count && tries < 20000; tries++) {
      const candidate = pick(random, candidates);
      if (used.has(candidate.tokens)) continue;
      const tokens = transform(kind, candidate.tokens, random, sentences);
      if (!tokens) continue;
      used.add(candidate.tokens);
      statements.push({ kind, text: detokenize(tokens), expected, paragraph: candidate.paragraph });
      made++;
    }
  }
  return shuffle(statements, random);
}

export function draftMarkdown(statements: readonly BenchStatement[]): string {
  return ['# Benchmark draft', '', ...statements.flatMap((s) => [s.text, ''])].join('\n');
}

/** Sentences that read as one plain prose claim: long enough, no Markdown-significant characters. */
function usableSentences(articles: readonly Article[], sentences: readonly TaggedSentence[]): Candidate[] {
  const out: Candidate[] = [];
  for (const article of articles) {
    for (const paragraph of article.paragraphs) {
      const paragraphText = paragraph.map((i) => detokenize(sentences[i])).join(' ');
      for (const index of paragraph) {
        const tokens = sentences[index];
        const text = detokenize(tokens);
        if (tokens.length >= 10 && tokens.length <= 40 && balancedQuotes(tokens) && /^[A-Z"]/.test(text) && !/[*#_[\]<>|`]|[.!?]"?[.!?]/.test(text) && /[.!?]"?$/.test(text)) {
          out.push({ tokens, paragraph: paragraphText });
        }
      }
    }
  }
  if (out.length < 100) throw new Error(`Only ${out.length} usable sentences in the benchmark corpus; it needs at least 100.`);
  return out;
}

function transform(kind: StatementKind, tokens: TaggedSentence, random: Random, sentences: readonly TaggedSentence[]): Token[] | undefined {
  switch (kind) {
    case 'verbatim':
      return [...tokens];
    case 'paraphrase':
      return paraphrase(tokens);
    case 'changed-number':
      return changeNumber(tokens, random);
    case 'changed-quote-word':
      return changeQuoteWord(tokens, random, sentences);
    case 'invented':
      return invent(random, sentences);
  }
}

const REPORTING: Record<string, string> = { said: 'stated', says: 'states', told: 'informed', announced: 'declared' };

/** Drops adjectives right before a noun (outside quotes) and swaps a reporting verb: same claim, other words. */
function paraphrase(tokens: TaggedSentence): Token[] | undefined {
  const inQuote = quoteMask(tokens);
  const dropped = (i: number) => !inQuote[i] && tokens[i].tag === 'jj' && /^nns?$/.test(tokens[i + 1]?.tag ?? '');
  const out: Token[] = [];
  let changes = 0;
  tokens.forEach((token, i) => {
    if (dropped(i)) changes++;
    else if (!inQuote[i] && REPORTING[token.word]) {
      out.push({ ...token, word: REPORTING[token.word] });
      changes++;
    } else out.push(token);
  });
  return changes >= 1 && changes <= 3 ? out : undefined;
}

function changeNumber(tokens: TaggedSentence, random: Random): Token[] | undefined {
  const inQuote = quoteMask(tokens);
  const at = tokens.findIndex((t, i) => !inQuote[i] && t.tag.startsWith('cd') && /^\d{1,3}(,\d{3})*$|^\d+$/.test(t.word));
  if (at < 0) return undefined;
  const value = Number(tokens[at].word.replace(/,/g, '')) + randomInt(random, 2, 9);
  const word = tokens[at].word.includes(',') ? value.toLocaleString('en-US') : String(value);
  return tokens.map((t, i) => (i === at ? { ...t, word } : t));
}

const CONTENT_TAG = /^(nn|nns|vb|vbd|vbn|jj)$/;

/** Replaces one content word inside a quotation with another word of the same part of speech. */
function changeQuoteWord(tokens: TaggedSentence, random: Random, sentences: readonly TaggedSentence[]): Token[] | undefined {
  const inQuote = quoteMask(tokens);
  if (inQuote.filter(Boolean).length < 5) return undefined;
  const slots = tokens.map((_, i) => i).filter((i) => inQuote[i] && CONTENT_TAG.test(tokens[i].tag) && /^[a-z]{3,}$/.test(tokens[i].word));
  if (slots.length === 0) return undefined;
  const at = pick(random, slots);
  const replacement = randomWordTagged(tokens[at].tag, tokens[at].word, random, sentences);
  return tokens.map((t, i) => (i === at ? { ...t, word: replacement } : t));
}

function randomWordTagged(tag: string, not: string, random: Random, sentences: readonly TaggedSentence[]): string {
  for (;;) {
    const token = pick(random, pick(random, sentences));
    if (token.tag === tag && token.word !== not && /^[a-z]{3,}$/.test(token.word)) return token.word;
  }
}

/** A claim assembled from random corpus words: plausible news grammar, found in no article. */
function invent(random: Random, sentences: readonly TaggedSentence[]): Token[] {
  const word = (tag: string) => ({ word: randomWordTagged(tag, '', random, sentences), tag });
  const name = () => {
    for (;;) {
      const token = pick(random, pick(random, sentences));
      if (token.tag === 'np' && /^[A-Z][a-z]{3,}$/.test(token.word)) return token;
    }
  };
  const amount = { word: String(randomInt(random, 12, 950)), tag: 'cd' };
  return [name(), name(), { word: ',', tag: ',' }, { word: 'the', tag: 'at' }, word('nn'), { word: 'of', tag: 'in' }, name(), { word: ',', tag: ',' },
    { word: 'announced', tag: 'vbd' }, { word: 'that', tag: 'cs' }, amount, word('nns'), { word: 'would', tag: 'md' }, word('vb'), { word: 'the', tag: 'at' }, word('nn'), { word: '.', tag: '.' }];
}

function balancedQuotes(tokens: TaggedSentence): boolean {
  let depth = 0;
  for (const { word } of tokens) {
    if (word === '``') depth++;
    else if (word === "''" && --depth < 0) return false;
  }
  return depth === 0;
}

/** True for tokens between `` and ''. */
function quoteMask(tokens: TaggedSentence): boolean[] {
  let open = false;
  return tokens.map((t) => {
    if (t.word === '``') open = true;
    else if (t.word === "''") open = false;
    else return open;
    return false;
  });
}

function shuffle<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
