// Measures statement checking on labeled statement sets: builds a draft with one statement per
// paragraph, checks it against the set's corpus, and prints flag precision/recall/F1, balanced
// accuracy, the share of supported statements left unflagged, per-verdict accuracy, the wrong
// items, and top-1 source accuracy for supported statements.
//   npm run eval                      the sample sets, and the real-news sets when ../shared is there
//   npm run eval -- --set FILE [--set FILE] [--corpus DIR]
import * as path from 'node:path';
import { SourcedEngine } from '../../src/core/engine';
import { isFlagged } from '../../src/core/check/results';
import type { StatementResult, Verdict } from '../../src/core/types';
import { setsFromArgs, type EvalItem, type EvalSet } from './sets';
import { paragraphVerdicts } from './paragraphs';
import { printPerturbationRates } from './perturbations';

interface SetFigures {
  name: string;
  items: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  top1: number;
  unflagged: number;
  balanced: number;
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);
const fmt = (x: number): string => x.toFixed(3);

/** Every item's result, in order (undefined when the draft held no statement for it). */
export function checkItems(engine: SourcedEngine, items: readonly EvalItem[]): (StatementResult | undefined)[] {
  const draft = items.map((item) => item.text.replace(/\s+/g, ' ')).join('\n\n');
  return paragraphVerdicts(draft, engine.checkDraft(draft), items.length);
}

function evaluate(engine: SourcedEngine, name: string, items: EvalItem[]): SetFigures {
  const results = checkItems(engine, items);
  let tp = 0, fp = 0, fn = 0, tn = 0, correct = 0, top1 = 0, supportedTotal = 0;
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
    } else wrong.push(`  ${item.id} expected ${item.expect}, got ${got}: ${item.text}\n      ${r?.message ?? '(no statement)'}${(r?.sources ?? []).map((hit) => `\n      source: [${hit.score}] ${hit.passage.id}: ${hit.passage.text.slice(0, 120)}`).join('')}${r?.unmatched?.length ? `\n      unmatched: ${r.unmatched.map((u) => u.word).join(', ')}` : ''}${r?.meaningPairs?.length ? `\n      by meaning: ${r.meaningPairs.map((p) => `${p.word} ≈ ${p.counterpart} (${p.relation})`).join(', ')}` : ''}`);
    perVerdict.set(item.expect, stats);
    if (isFlagged(item.expect) && isFlagged(got)) tp++;
    else if (!isFlagged(item.expect) && isFlagged(got)) fp++;
    else if (isFlagged(item.expect) && !isFlagged(got)) fn++;
    else tn++;
    if (item.expect === 'supported' && item.sources?.length) {
      supportedTotal++;
      const best = r?.sources[0]?.passage.docId ?? '';
      if (item.sources.some((prefix) => path.basename(best).startsWith(prefix))) top1++;
      else if (got === 'supported') wrong.push(`  ${item.id} top source ${best || '(none)'}, expected ${item.sources.join('/')}: ${item.text}`);
    }
  });
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const unflagged = ratio(tn, tn + fp);
  const figures: SetFigures = {
    name,
    items: items.length,
    precision,
    recall,
    f1: ratio(2 * precision * recall, precision + recall),
    accuracy: ratio(correct, items.length),
    top1: ratio(top1, supportedTotal),
    unflagged,
    balanced: (recall + unflagged) / 2,
  };
  console.log(`\n== ${name}: ${items.length} statements`);
  console.log(`flags: precision ${fmt(figures.precision)}  recall ${fmt(figures.recall)}  F1 ${fmt(figures.f1)}  (tp ${tp}, fp ${fp}, fn ${fn})`);
  console.log(`balanced accuracy ${fmt(figures.balanced)}; supported left unflagged ${fmt(unflagged)} (${tn}/${tn + fp})`);
  console.log(`verdict accuracy ${fmt(figures.accuracy)}; top-1 source ${fmt(figures.top1)} (${top1}/${supportedTotal})`);
  for (const [verdict, s] of [...perVerdict].sort()) console.log(`  ${verdict.padEnd(18)} ${s.right}/${s.total}`);
  if (wrong.length) console.log(`wrong:\n${wrong.join('\n')}`);
  else console.log('wrong: none');
  return figures;
}

/** One engine per corpus folder, loaded once for every set that uses it. */
async function engineFor(engines: Map<string, SourcedEngine>, corpus: string): Promise<SourcedEngine> {
  let engine = engines.get(corpus);
  if (!engine) {
    engine = new SourcedEngine();
    const report = await engine.loadCorpus({ base: path.dirname(corpus), roots: [path.basename(corpus)] });
    console.log(`\ncorpus ${path.basename(corpus)}: ${report.documents} documents, ${report.passages} passages`);
    engines.set(corpus, engine);
  }
  return engine;
}

async function main(): Promise<void> {
  const sets: EvalSet[] = setsFromArgs(process.argv.slice(2));
  const engines = new Map<string, SourcedEngine>();
  const figures: SetFigures[] = [];
  for (const set of sets) figures.push(evaluate(await engineFor(engines, set.corpus), set.name, set.items));
  console.log('\n== summary: set, statements, balanced accuracy, supported unflagged, flag precision, flag recall, top-1');
  for (const f of figures) console.log(`${f.name.padEnd(26)} ${String(f.items).padStart(4)}  BA ${fmt(f.balanced)}  unflagged ${fmt(f.unflagged)}  P ${fmt(f.precision)}  R ${fmt(f.recall)}  top-1 ${fmt(f.top1)}`);
  const dev = figures.find((f) => f.name === 'dev');
  if (dev) {
    const met = dev.precision >= 0.95 && dev.recall >= 0.95 && dev.top1 >= 0.95;
    console.log(`\ndev targets (precision, recall, top-1 >= 0.95): ${met ? 'met' : 'NOT met'}`);
  }
  if (process.argv.length <= 2) await printPerturbationRates();
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
