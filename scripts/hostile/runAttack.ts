// Runs one generated attack through the product's own path: a source is indexed as the only file
// of a corpus, a draft is checked against the sample corpus. Shared by the bench and the unit test.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SourcedEngine } from '../../src/core/engine';
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
}

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
  const results = engine.checkDraft(draft);
  return { ...clock(), outcome: `checked (${results.length} statements)` };
}

function startClock(): () => { ms: number; cpuMs: number } {
  const started = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
  };
}
