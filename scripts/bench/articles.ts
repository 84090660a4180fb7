// Builds a reproducible archive of news-like articles from Brown sentences: each article is a
// run of 30-60 consecutive sentences (so it reads coherently) starting at a seeded random place.
import * as fs from 'fs';
import * as path from 'path';
import { detokenize, type TaggedSentence } from './brown';
import { randomInt, seededRandom } from './prng';

export interface Article {
  /** File name inside the corpus folder. */
  name: string;
  title: string;
  /** Paragraphs, each a list of indices into the Brown sentence list. */
  paragraphs: number[][];
}

export const MIN_SENTENCES = 30;
export const MAX_SENTENCES = 60;

export function buildArticles(sentences: readonly TaggedSentence[], count: number, seed: number): Article[] {
  const random = seededRandom(seed);
  const articles: Article[] = [];
  for (let n = 0; n < count; n++) {
    const length = randomInt(random, MIN_SENTENCES, MAX_SENTENCES);
    const first = randomInt(random, 0, sentences.length - length);
    const paragraphs: number[][] = [];
    for (let i = first; i < first + length; ) {
      const size = Math.min(randomInt(random, 2, 6), first + length - i);
      paragraphs.push(Array.from({ length: size }, (_, k) => i + k));
      i += size;
    }
    const name = `${String(n).padStart(5, '0')}_brown_${first}.txt`;
    articles.push({ name, title: titleFrom(sentences[first]), paragraphs });
  }
  return articles;
}

/** The first few words of the opening sentence, as a headline. */
function titleFrom(sentence: TaggedSentence): string {
  return detokenize(sentence.slice(0, 8)).replace(/[\s,;:"(-]+$/, '');
}

export function articleText(article: Article, sentenceText: (index: number) => string): string {
  const body = article.paragraphs.map((paragraph) => paragraph.map(sentenceText).join(' '));
  return [article.title, '', ...body.flatMap((p) => [p, ''])].join('\n');
}

/** Writes the articles as .txt files into `dir` (created if missing); returns the bytes written. */
export function writeArticles(dir: string, articles: readonly Article[], sentenceText: (index: number) => string): number {
  fs.mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (const article of articles) {
    const text = articleText(article, sentenceText);
    fs.writeFileSync(path.join(dir, article.name), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}
