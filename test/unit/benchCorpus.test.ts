import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildArticles, MAX_SENTENCES, MIN_SENTENCES } from '../../scripts/bench/articles';
import { createBenchCorpus, plainPassages, SentenceSource, twelveWordQueries, typedQuotePrefixes } from '../../scripts/bench/benchCorpus';
import { detokenize } from '../../scripts/bench/brown';
import { percentile } from '../../scripts/bench/measure';
import { seededRandom } from '../../scripts/bench/prng';

describe('benchmark corpus', function () {
  this.timeout(20000);
  const source = new SentenceSource();
  let folder: string;
  beforeEach(() => (folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-bench-test-'))));
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('reads the Brown corpus as plain English sentences, tags stripped', () => {
    assert.ok(source.sentences.length > 50000, `${source.sentences.length} sentences`);
    const first = source.text(0);
    assert.equal(first, 'The Fulton County Grand Jury said Friday an investigation of Atlanta\'s recent primary election produced "no evidence" that any irregularities took place.');
    for (let i = 0; i < source.sentences.length; i += 997) assert.doesNotMatch(source.text(i), /\/(at|nn|vbd|in)\b|``|''/, source.text(i));
  });

  it('joins punctuation to its word', () => {
    const tokens = ['He', 'said', ',', '``', 'yes', "''", '(', 'twice', ')', '.'].map((word) => ({ word, tag: '' }));
    assert.equal(detokenize(tokens), 'He said, "yes" (twice).');
  });

  it('builds the same articles from the same seed, and others from another seed', () => {
    const a = buildArticles(source.sentences, 50, 1);
    assert.deepEqual(buildArticles(source.sentences, 50, 1), a);
    assert.notDeepEqual(buildArticles(source.sentences, 50, 2), a);
    for (const article of a) {
      const count = article.paragraphs.flat().length;
      assert.ok(count >= MIN_SENTENCES && count <= MAX_SENTENCES, `${count} sentences`);
    }
  });

  it('writes one .txt file per article and a 40-statement draft of sentences drawn from them', () => {
    const corpus = createBenchCorpus(folder, 20, source);
    const files = fs.readdirSync(corpus.corpusDir);
    assert.equal(files.length, 20);
    assert.ok(files.every((f) => f.endsWith('.txt')));
    const archive = files.map((f) => fs.readFileSync(path.join(corpus.corpusDir, f), 'utf8')).join('\n');
    assert.equal(Buffer.byteLength(archive) - (files.length - 1), corpus.bytes);
    assert.equal(corpus.statements.length, 40);
    const counts: Record<string, number> = {};
    for (const s of corpus.statements) counts[s.kind] = (counts[s.kind] ?? 0) + 1;
    assert.deepEqual(counts, { verbatim: 14, paraphrase: 8, 'changed-number': 6, 'changed-quote-word': 6, invented: 6 });
    for (const s of corpus.statements) {
      assert.ok(corpus.draft.includes(`\n${s.text}\n`), 'each statement is its own paragraph');
      const found = archive.includes(s.text);
      assert.equal(found, s.kind === 'verbatim', `${s.kind}: ${s.text}`);
      if (s.kind !== 'invented') assert.ok(archive.includes(s.paragraph), 'the paragraph comes from the archive');
    }
    assert.deepEqual(createBenchCorpus(folder, 20, source).statements, corpus.statements, 'the draft is the same on every run');
  });

  it('changes only a number in a changed-number statement, and only a quoted word in a changed-quote one', () => {
    const corpus = createBenchCorpus(folder, 30, source);
    const sentences = corpus.articles.flatMap((a) => a.paragraphs.flat()).map(corpus.sentenceText);
    const differing = (a: string, b: string) => a.split(' ').flatMap((w, i) => (w !== b.split(' ')[i] ? [i] : []));
    for (const s of corpus.statements.filter((x) => x.kind === 'changed-number' || x.kind === 'changed-quote-word')) {
      const original = sentences.find((o) => o.split(' ').length === s.text.split(' ').length && differing(o, s.text).length === 1);
      assert.ok(original, `an archive sentence differs from "${s.text}" by one word`);
      const words = s.text.split(' ');
      const [at] = differing(s.text, original);
      if (s.kind === 'changed-number') assert.match(words[at], /\d/);
      else {
        const marksBefore = `${words.slice(0, at).join(' ')} ${/^"/.test(words[at]) ? '"' : ''}`.split('"').length - 1;
        assert.equal(marksBefore % 2, 1, `"${words[at]}" sits inside a quote: ${s.text}`);
      }
    }
  });

  it('splits the archive three sentences a passage for the baseline, and makes queries and typed prefixes', () => {
    const corpus = createBenchCorpus(folder, 10, source);
    const sentenceCount = corpus.articles.reduce((n, a) => n + a.paragraphs.flat().length, 0);
    const passages = plainPassages(corpus);
    assert.ok(passages.length >= sentenceCount / 3 && passages.length <= sentenceCount / 3 + corpus.articles.length);
    assert.ok(twelveWordQueries(corpus.statements).every((q) => q.split(' ').length <= 12));
    const prefixes = typedQuotePrefixes(['It is really just a game', 'No', 'We will never give up on this'], 2);
    assert.deepEqual(prefixes, ['It', 'We will nev'], 'one to three words, the last one half typed; too short quotes skipped');
  });

  it('computes nearest-rank percentiles and a repeatable random stream', () => {
    assert.equal(percentile([5, 1, 4, 2, 3], 0.5), 3);
    assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 100], 0.95), 19);
    const a = seededRandom(9);
    const b = seededRandom(9);
    assert.deepEqual([a(), a(), a()], [b(), b(), b()]);
  });
});
