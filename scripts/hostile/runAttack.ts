// Runs one generated attack through the product's own path: a source is indexed as the only file
// of a corpus, a draft is checked against the sample corpus. Shared by the bench and the unit test.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SourcedEngine } from '../../src/core/engine';
import { RecheckCache } from '../../src/core/check/recheck';
import type { Attack } from './attacks';

const repo = path.resolve(__dirname, '../../..');

/** Where an attack's input is written inside `folder`. */
export function inputPath(attack: Attack, folder: string): string {
  return attack.kind === 'source' ? path.join(folder, 'corpus', attack.file) : path.join(folder, attack.file);
}

export function writeInput(attack: Attack, folder: string, bytes: Buffer): string {
  const file = inputPath(attack, folder);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  return file;
}

export interface AttackRun {
  ms: number;
  /** CPU time of this process meanwhile (all its threads): unlike `ms`, barely moved by other processes' load. */
  cpuMs: number;
  /** What happened, as a user would see it: indexed (with passages), skipped (with the reason) or checked. */
  outcome: string;
  /** A draft: when the problems of its first screen were in (the editor checks what it shows first). */
  firstScreenMs?: number;
  /** A draft: checking it again after a word is typed at its top, as the editor does after each edit. */
  recheckMs?: number;
}

/** What an editor shows of a draft at once: about 60 lines of 80 characters. */
const SCREEN_CHARS = 5000;

/**
 * Runs the attack written in `folder`, timing only the work it attacks (not loading the sample
 * corpus a draft is checked against). `extractWorkerScript` is the extraction helper, when the
 * run should go through it as the CLI and the extension do.
 */
export async function runAttack(attack: Attack, folder: string, extractWorkerScript?: string): Promise<AttackRun> {
  const engine = new SourcedEngine(extractWorkerScript ? { extractWorkerScript } : {});
  if (attack.kind === 'source') {
    const clock = startClock();
    const report = await engine.loadCorpus({ base: folder, roots: ['corpus'] });
    const outcome = report.documents > 0 ? `indexed (${report.passages} passages)` : `skipped: ${report.skipped.map((s) => s.reason).join('; ')}`;
    return { ...clock(), outcome };
  }
  await engine.loadCorpus({ base: repo, roots: ['corpus'] });
  const draft = fs.readFileSync(inputPath(attack, folder), 'utf8');
  const clock = startClock();
  let firstScreenMs: number | undefined;
  const onPart = () => {
    firstScreenMs ??= clock().ms;
  };
  const rechecks = new RecheckCache();
  const results = engine.checkDraft(draft, { visible: { start: 0, end: SCREEN_CHARS }, onPart, rechecks }) ?? [];
  const total = clock();
  const recheck = startClock();
  engine.checkDraft(`Meanwhile ${draft}`, { visible: { start: 0, end: SCREEN_CHARS }, rechecks });
  // A draft that fits on one screen comes in one part, with the whole check.
  return { ...total, outcome: `checked (${results.length} statements)`, firstScreenMs: firstScreenMs ?? total.ms, recheckMs: recheck().ms };
}

function startClock(): () => { ms: number; cpuMs: number } {
  const started = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
  };
}
