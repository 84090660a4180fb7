// Fits the support decision's numbers (src/core/check/thresholds.json) on the dev sets: the
// sample tuning set (test/fixtures/dev.json) and the real-news dev sets when ../shared is there.
// For each pair of meaning cut-offs on a small grid (vector similarity for a match by use, and
// the similarity a WordNet link needs) it works out every statement's support features,
// searches the support cut-offs (coverage, heaviest missing word, names told apart from the rest and substituted names) for the best
// mean balanced accuracy over the sets, and keeps the meaning cut-offs whose cross-validated balanced
// accuracy (5 folds, whole articles held out together) is best. It prints the fit and the
// cross-validated figures, and writes the file only with --write.
//   npm run fit [-- --write] [--quick: only the current meaning cut-offs] [--dump FILE: the examples as JSON]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SourcedEngine } from '../../src/core/engine';
import { assessStatement } from '../../src/core/check/checkStatement';
import { arbitrate } from '../../src/core/check/arbiter';
import { isFlagged } from '../../src/core/check/results';
import { decideSupport, type SupportFeatures } from '../../src/core/check/rules/support';
import type { MeaningCutoffs } from '../../src/core/check/meaning';
import { THRESHOLDS, type SupportCutoffs, type Thresholds } from '../../src/core/check/thresholds';
import type { DraftStatement } from '../../src/core/types';
import { REAL_SETS_DIR, ROOT, readSet, type EvalSet } from '../eval/sets';

interface Example {
  set: string;
  id: string;
  group: string;
  flagged: boolean;
  /** A rule other than the support decision flags it (a quote, a name the sources never use, a figure). */
  ruled: boolean;
  /** The support features of each statement left to the support decision. */
  features: SupportFeatures[];
}

const MEANING_GRID: MeaningCutoffs[] = process.argv.includes('--quick')
  ? [THRESHOLDS.meaning]
  : [0.45, 0.55, 0.65].flatMap((similarity) => [0.2, 0.35].map((relatedSimilarity) => ({ similarity, relatedSimilarity })));
const COVERAGE_GRID = range(0.3, 0.95, 0.025);
const MISSING_GRID = range(0.05, 1, 0.025);
const NAMES_GRID = [0, 1, 2];
const FOLDS = 5;

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let x = from; x <= to + 1e-9; x += step) out.push(Math.round(x * 1000) / 1000);
  return out;
}

function fitSets(): EvalSet[] {
  const files = [path.join(ROOT, 'test', 'fixtures', 'dev.json')];
  if (fs.existsSync(REAL_SETS_DIR)) files.push(...fs.readdirSync(REAL_SETS_DIR).filter((f) => f.endsWith('-dev.json')).sort().map((f) => path.join(REAL_SETS_DIR, f)));
  return files.map((file) => readSet(file));
}

/** The statements of each item's paragraph in a draft of one item per paragraph. */
function statementsByItem(engine: SourcedEngine, set: EvalSet): DraftStatement[][] {
  const draft = set.items.map((item) => item.text.replace(/\s+/g, ' ')).join('\n\n');
  const starts: number[] = [];
  let offset = 0;
  for (const item of set.items) {
    starts.push(offset);
    offset += item.text.replace(/\s+/g, ' ').length + 2;
  }
  const byItem: DraftStatement[][] = set.items.map(() => []);
  for (const statement of engine.extractStatements(draft)) {
    let i = starts.length - 1;
    while (i > 0 && starts[i] > statement.start) i--;
    byItem[i].push(statement);
  }
  return byItem;
}

function examplesOf(engine: SourcedEngine, set: EvalSet, meaning: MeaningCutoffs): Example[] {
  const context = engine.checkContext();
  return statementsByItem(engine, set).map((statements, i) => {
    const item = set.items[i];
    const example: Example = { set: set.name, id: item.id, group: item.id.replace(/-[^-]+$/, ''), flagged: isFlagged(item.expect), ruled: false, features: [] };
    for (const statement of statements) {
      const findings = assessStatement(statement, context, meaning);
      if (!findings) continue;
      const support = findings.support;
      // With the support decision taken as "supported", what the other rules make of the statement.
      const ruled = arbitrate(statement, { ...findings, support: support && { ...support, supported: true } }, context);
      if (isFlagged(ruled.verdict)) example.ruled = true;
      else if (support) example.features.push(support.features);
    }
    return example;
  });
}

function predictFlag(e: Example, cutoffs: SupportCutoffs): boolean {
  return e.ruled || e.features.some((f) => !decideSupport(f, cutoffs).supported);
}

/** The cut-offs with the best mean balanced accuracy over the sets (the first of equals on the grid). */
function fitCutoffs(examples: readonly Example[]): SupportCutoffs {
  let best: SupportCutoffs = { coverage: COVERAGE_GRID[0], heaviestMissing: MISSING_GRID[0], detachedNames: NAMES_GRID[0], substitutedNames: NAMES_GRID[0] };
  let bestFigure = -1;
  for (const coverage of COVERAGE_GRID) {
    for (const heaviestMissing of MISSING_GRID) {
      for (const detachedNames of NAMES_GRID) {
        for (const substitutedNames of NAMES_GRID) {
          const cutoffs = { coverage, heaviestMissing, detachedNames, substitutedNames };
          const figure = meanBalanced(examples, cutoffs);
          if (figure > bestFigure + 1e-9) [best, bestFigure] = [cutoffs, figure];
        }
      }
    }
  }
  return best;
}

interface Figures {
  balanced: number;
  unflagged: number;
  recall: number;
}

function figuresOf(examples: readonly Example[], flags: readonly boolean[]): Figures {
  let tp = 0, fn = 0, tn = 0, fp = 0;
  examples.forEach((e, i) => {
    if (e.flagged) flags[i] ? tp++ : fn++;
    else flags[i] ? fp++ : tn++;
  });
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const unflagged = tn + fp === 0 ? 1 : tn / (tn + fp);
  return { balanced: (recall + unflagged) / 2, unflagged, recall };
}

function perSet(examples: readonly Example[], flags: readonly boolean[]): Map<string, Figures> {
  const out = new Map<string, Figures>();
  for (const set of new Set(examples.map((e) => e.set))) {
    const idx = examples.map((e, i) => (e.set === set ? i : -1)).filter((i) => i >= 0);
    out.set(set, figuresOf(idx.map((i) => examples[i]), idx.map((i) => flags[i])));
  }
  return out;
}

function meanBalanced(examples: readonly Example[], cutoffs: SupportCutoffs): number {
  const figures = [...perSet(examples, examples.map((e) => predictFlag(e, cutoffs))).values()];
  return figures.reduce((sum, f) => sum + f.balanced, 0) / figures.length;
}

function foldOf(group: string): number {
  let h = 2166136261;
  for (const c of group) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return (h >>> 0) % FOLDS;
}

/** Each example predicted by a model fit without its article's fold. */
function crossValidated(examples: readonly Example[]): boolean[] {
  const flags: boolean[] = new Array(examples.length).fill(false);
  for (let fold = 0; fold < FOLDS; fold++) {
    const cutoffs = fitCutoffs(examples.filter((e) => foldOf(e.group) !== fold));
    examples.forEach((e, i) => {
      if (foldOf(e.group) === fold) flags[i] = predictFlag(e, cutoffs);
    });
  }
  return flags;
}

const fmt = (x: number): string => x.toFixed(3);

function report(label: string, figures: Map<string, Figures>): void {
  for (const [set, f] of figures) console.log(`  ${label.padEnd(16)} ${set.padEnd(26)} BA ${fmt(f.balanced)}  unflagged ${fmt(f.unflagged)}  recall ${fmt(f.recall)}`);
}

async function main(): Promise<void> {
  const write = process.argv.includes('--write');
  const sets = fitSets();
  const engines = new Map<string, SourcedEngine>();
  for (const set of sets) {
    if (engines.has(set.corpus)) continue;
    const engine = new SourcedEngine();
    await engine.loadCorpus({ base: path.dirname(set.corpus), roots: [path.basename(set.corpus)] });
    engines.set(set.corpus, engine);
  }
  let chosen: { meaning: MeaningCutoffs; cutoffs: SupportCutoffs; cv: number } | undefined;
  for (const meaning of MEANING_GRID) {
    const examples = sets.flatMap((set) => examplesOf(engines.get(set.corpus)!, set, meaning));
    const dump = process.argv.indexOf('--dump');
    if (dump > 0) fs.writeFileSync(process.argv[dump + 1], JSON.stringify(examples));
    const cutoffs = fitCutoffs(examples);
    const cvFigures = perSet(examples, crossValidated(examples));
    const cv = [...cvFigures.values()].reduce((sum, f) => sum + f.balanced, 0) / cvFigures.size;
    console.log(`\nsimilarity ${meaning.similarity}, WordNet links from similarity ${meaning.relatedSimilarity}: coverage >= ${cutoffs.coverage}, heaviest missing word <= ${cutoffs.heaviestMissing}, names told apart <= ${cutoffs.detachedNames}, substituted names <= ${cutoffs.substitutedNames}`);
    report('fit', perSet(examples, examples.map((e) => predictFlag(e, cutoffs))));
    report('cross-validated', cvFigures);
    console.log(`  mean cross-validated balanced accuracy ${fmt(cv)}`);
    if (!chosen || cv > chosen.cv + 1e-9) chosen = { meaning, cv, cutoffs };
  }
  if (!chosen) return;
  const thresholds: Thresholds = { meaning: chosen.meaning, support: chosen.cutoffs };
  console.log(`\nchosen: similarity ${chosen.meaning.similarity}, WordNet links from ${chosen.meaning.relatedSimilarity} (mean cross-validated balanced accuracy ${fmt(chosen.cv)})`);
  const file = path.join(ROOT, 'src', 'core', 'check', 'thresholds.json');
  if (write) {
    fs.writeFileSync(file, `${JSON.stringify(thresholds, null, 2)}\n`);
    console.log(`written to ${path.relative(ROOT, file)}`);
  } else console.log(`${JSON.stringify(thresholds)}\n(run with --write to save it)`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
