// Everything one benchmark size needs, built the same way on every run: the archive's files,
// the draft, and the query sets.
import * as fs from 'fs';
import * as path from 'path';
import { buildArticles, writeArticles, type Article } from './articles';
import { detokenize, readBrownSentences, type TaggedSentence } from './brown';
import { buildDraft, draftMarkdown, type BenchStatement } from './draft';
import type { PlainPassage } from './plainMinisearch';

export const ARTICLE_SEED = 20240501;
export const DRAFT_SEED = 7;
const PLAIN_PASSAGE_SENTENCES = 3;
const QUERY_WORDS = 12;

/** What the measuring processes need: the archive is on disk, the draft travels as JSON. */
export interface BenchFiles {
  folder: string;
  corpusDir: string;
  cacheDir: string;
  bytes: number;
  statements: BenchStatement[];
  draft: string;
}

export interface BenchCorpus extends BenchFiles {
  articles: Article[];
  sentenceText: (index: number) => string;
}

const FILES_JSON = 'bench.json';
const PLAIN_JSON = 'plain-passages.json';

/**
 * Writes what the measuring processes read, so they never hold the Brown corpus in memory
 * (it would slow their garbage collection and count in no real editor).
 */
export function saveBenchFiles(corpus: BenchCorpus): void {
  const { folder, bytes, statements, draft } = corpus;
  fs.writeFileSync(path.join(folder, FILES_JSON), JSON.stringify({ bytes, statements, draft }));
  fs.writeFileSync(path.join(folder, PLAIN_JSON), JSON.stringify(plainPassages(corpus)));
}

export function readBenchFiles(folder: string): BenchFiles {
  const saved = JSON.parse(fs.readFileSync(path.join(folder, FILES_JSON), 'utf8')) as Pick<BenchFiles, 'bytes' | 'statements' | 'draft'>;
  return { ...saved, folder, corpusDir: path.join(folder, 'corpus'), cacheDir: path.join(folder, 'cache') };
}

export function readPlainPassages(folder: string): PlainPassage[] {
  return JSON.parse(fs.readFileSync(path.join(folder, PLAIN_JSON), 'utf8')) as PlainPassage[];
}

export class SentenceSource {
  readonly sentences: TaggedSentence[];
  private readonly texts: string[] = [];

  constructor(sentences = readBrownSentences()) {
    this.sentences = sentences;
  }

  text = (index: number): string => (this.texts[index] ??= detokenize(this.sentences[index]));
}

/** Writes `count` articles under `folder/corpus` (replacing what was there) and draws the draft. */
export function createBenchCorpus(folder: string, count: number, source = new SentenceSource()): BenchCorpus {
  const corpusDir = path.join(folder, 'corpus');
  const cacheDir = path.join(folder, 'cache');
  fs.rmSync(folder, { recursive: true, force: true });
  const articles = buildArticles(source.sentences, count, ARTICLE_SEED);
  const bytes = writeArticles(corpusDir, articles, source.text);
  const statements = buildDraft(articles, source.sentences, DRAFT_SEED);
  return { folder, corpusDir, cacheDir, articles, bytes, statements, draft: draftMarkdown(statements), sentenceText: source.text };
}

/** The archive split the common way, three sentences a passage, for the plain minisearch baseline. */
export function plainPassages(corpus: BenchCorpus): PlainPassage[] {
  const passages: PlainPassage[] = [];
  for (const article of corpus.articles) {
    const sentences = article.paragraphs.flat();
    for (let i = 0; i < sentences.length; i += PLAIN_PASSAGE_SENTENCES) {
      passages.push({ id: passages.length, text: sentences.slice(i, i + PLAIN_PASSAGE_SENTENCES).map(corpus.sentenceText).join(' ') });
    }
  }
  return passages;
}

/** The first twelve words of each statement: a typical sentence-sized query. */
export function twelveWordQueries(statements: readonly BenchStatement[]): string[] {
  return statements.map((s) => s.text.split(/\s+/).slice(0, QUERY_WORDS).join(' '));
}

/** What a writer has typed after an opening quotation mark: the first words of a source quote, the last one cut short. */
export function typedQuotePrefixes(quotes: readonly string[], count: number): string[] {
  const prefixes: string[] = [];
  const step = Math.max(1, Math.floor(quotes.length / count));
  for (let i = 0; i < quotes.length && prefixes.length < count; i += step) {
    const words = quotes[i].split(/\s+/).filter(Boolean);
    if (words.length < 3) continue;
    const typed = words.slice(0, 1 + (i % 3));
    const last = typed[typed.length - 1];
    typed[typed.length - 1] = last.slice(0, Math.max(2, Math.ceil(last.length / 2)));
    prefixes.push(typed.join(' '));
  }
  return prefixes;
}

