// Measures statement checking on labelled statement sets: builds a draft with one statement per
// paragraph, checks it against corpus/, and prints flag precision/recall/F1, per-verdict accuracy,
// the wrong items, and top-1 source accuracy for supported statements.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SourcedEngine } from '../src/core/engine';
import { isFlagged } from '../src/core/check/results';
import type { StatementResult, Verdict } from '../src/core/types';

interface EvalItem {
  id: string;
  expect: Verdict;
  sources?: string[];
  text: string;
}

interface SetFigures {
  name: string;
  items: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  top1: number;
}

const ROOT = path.resolve(__dirname, '..', '..');
const SETS = [
  { name: 'dev', file: 'test/fixtures/dev.json' },
  { name: 'extra', file: 'test/fixtures/extra-eval.json' },
  { name: 'holdout', file: 'test/fixtures/holdout.json' },
  { name: 'holdout2', file: 'test/fixtures/holdout2.json' },
  { name: 'holdout3', file: 'test/fixtures/holdout3.json' },
  { name: 'holdout4', file: 'test/fixtures/holdout4.json' },
];

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);
const fmt = (x: number): string => x.toFixed(3);

/** The verdict of a paragraph: its first flagged statement, else its first statement. */
function paragraphVerdicts(draft: string, results: StatementResult[], count: number): (StatementResult | undefined)[] {
  const starts: number[] = [];
  let offset = 0;
  for (const paragraph of draft.split('\n\n')) {
    starts.push(offset);
    offset += paragraph.length + 2;
  }
  const byParagraph: (StatementResult | undefined)[] = new Array(count).fill(undefined);
  for (const r of results) {
    let index = starts.length - 1;
    while (index > 0 && starts[index] > r.statement.start) index--;
    const current = byParagraph[index];
    if (!current || (!isFlagged(current.verdict) && isFlagged(r.verdict))) byParagraph[index] = r;
  }
  return byParagraph;
}

function evaluate(engine: SourcedEngine, name: string, items: EvalItem[]): SetFigures {
  const draft = items.map((item) => item.text.replace(/\s+/g, ' ')).join('\n\n');
  const results = paragraphVerdicts(draft, engine.checkDraft(draft), items.length);
  let tp = 0, fp = 0, fn = 0, correct = 0, top1 = 0, supportedTotal = 0;
  const perVerdict = new Map<string, { right: number; total: number }>();
  const wrong: string[] = [];
  items.forEach((item, i) => {
    const r = results[i];
    const got: Verdict = r?.verdict ?? 'not-a-claim';
    const stats = perVerdict.get(item.expect) ?? { right: 0, total: 0 };
    stats.total++;
    if (got === item.expect) {
      stats.right++;
      correct++;
    } else wrong.push(`  ${item.id} expected ${item.expect}, got ${got}: ${item.text}\n      ${r?.message ?? '(no statement)'}${r?.sources[0] ? `\n      best: [${r.sources[0].score}] ${r.sources[0].passage.docId}: ${r.sources[0].passage.text.slice(0, 120)}` : ''}`);
    perVerdict.set(item.expect, stats);
    if (isFlagged(item.expect) && isFlagged(got)) tp++;
    else if (!isFlagged(item.expect) && isFlagged(got)) fp++;
    else if (isFlagged(item.expect) && !isFlagged(got)) fn++;
    if (item.expect === 'supported' && item.sources?.length) {
      supportedTotal++;
      const best = r?.sources[0]?.passage.docId ?? '';
      if (item.sources.some((prefix) => path.basename(best).startsWith(prefix))) top1++;
      else if (got === 'supported') wrong.push(`  ${item.id} top source ${best || '(none)'}, expected ${item.sources.join('/')}: ${item.text}`);
    }
  });
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const figures: SetFigures = { name, items: items.length, precision, recall, f1: ratio(2 * precision * recall, precision + recall), accuracy: ratio(correct, items.length), top1: ratio(top1, supportedTotal) };
  console.log(`\n== ${name}: ${items.length} statements`);
  console.log(`flags: precision ${fmt(figures.precision)}  recall ${fmt(figures.recall)}  F1 ${fmt(figures.f1)}  (tp ${tp}, fp ${fp}, fn ${fn})`);
  console.log(`verdict accuracy ${fmt(figures.accuracy)}; top-1 source ${fmt(figures.top1)} (${top1}/${supportedTotal})`);
  for (const [verdict, s] of [...perVerdict].sort()) console.log(`  ${verdict.padEnd(18)} ${s.right}/${s.total}`);
  if (wrong.length) console.log(`wrong:\n${wrong.join('\n')}`);
  else console.log('wrong: none');
  return figures;
}

async function main(): Promise<void> {
  const engine = new SourcedEngine();
  const report = await engine.loadCorpus({ base: ROOT, roots: ['corpus'] });
  console.log(`corpus: ${report.documents} documents, ${report.passages} passages`);
  const figures: SetFigures[] = [];
  for (const set of SETS) {
    const file = path.join(ROOT, set.file);
    if (!fs.existsSync(file)) continue;
    const items = (JSON.parse(fs.readFileSync(file, 'utf8')) as { items: EvalItem[] }).items;
    figures.push(evaluate(engine, set.name, items));
  }
  const dev = figures.find((f) => f.name === 'dev');
  if (dev) {
    const met = dev.precision >= 0.95 && dev.recall >= 0.95 && dev.top1 >= 0.95;
    console.log(`\ndev targets (precision, recall, top-1 >= 0.95): ${met ? 'met' : 'NOT met'}`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
