// `npm run bench:hostile [-- --only NAME,NAME] [-- --timeout SECONDS] [-- --small]`: generates each
// hostile input (scripts/hostile/attacks.ts) at its two bench sizes and at the limit of its kind
// (--small: the unit test's sizes) and prints, per input, the time, CPU time (all threads) and the
// peak memory of a fresh process that indexes or checks it.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { attacks, type Attack } from './attacks';
import { runAttack, writeInput, type AttackRun } from './runAttack';

/** The extraction helper the CLI and the extension find beside their bundles (this script runs from out/). */
const EXTRACT_WORKER = path.resolve(__dirname, '../../../dist/extractWorker.js');
const MB = 1024 * 1024;

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

interface Row {
  attack: Attack;
  size: number;
  fileBytes: number;
  result: (AttackRun & { peakMB: number }) | { failure: string; ms: number };
}

/** The child: runs one attack already written in `folder` and prints its figures as JSON. */
async function child(name: string, folder: string): Promise<void> {
  const attack = attacks.find((a) => a.name === name)!;
  const run = await runAttack(attack, folder, EXTRACT_WORKER);
  process.stdout.write(JSON.stringify({ ...run, peakMB: peakMegabytes() }));
}

/**
 * This process's peak resident memory, every thread (the extraction helpers) included. Linux's
 * VmHWM is this process's own; getrusage's maxRSS carries the parent's peak across exec (the
 * parent has just generated the input, a GB for the largest).
 */
function peakMegabytes(): number {
  const status = fs.existsSync('/proc/self/status') ? fs.readFileSync('/proc/self/status', 'utf8') : '';
  const hwm = /^VmHWM:\s+(\d+) kB/mu.exec(status);
  return Number(hwm ? hwm[1] : process.resourceUsage().maxRSS) / 1024;
}

function measure(attack: Attack, folder: string, timeoutSeconds: number): Promise<Row['result']> {
  return new Promise((resolve) => {
    const started = Date.now();
    const proc = spawn(process.execPath, [__filename, '--child', attack.name, folder], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (chunk) => (stdout += chunk));
    proc.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => proc.kill('SIGKILL'), timeoutSeconds * 1000);
    proc.on('close', (code, signal) => {
      clearTimeout(timer);
      const ms = Date.now() - started;
      if (signal === 'SIGKILL') resolve({ failure: `over ${timeoutSeconds} s (stopped)`, ms });
      else if (code !== 0) resolve({ failure: `crashed: ${stderr.trim().split('\n').slice(-1)[0] ?? `exit ${code}`}`, ms });
      else resolve(JSON.parse(stdout));
    });
  });
}

/** The issue's two sizes, then the limit of the input's kind (when it differs). */
function benchSizes(attack: Attack): number[] {
  const sizes: number[] = [...attack.benchSizes];
  if (attack.limitSize !== undefined && !sizes.includes(attack.limitSize)) sizes.push(attack.limitSize);
  return sizes;
}

function sizeLabel(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${(bytes / 1024).toFixed(0)} KB`;
}

function format(rows: Row[]): string {
  const lines = ['| input | size | file | time | CPU | first screen | re-check | peak memory | outcome |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |'];
  for (const { attack, size, fileBytes, result } of rows) {
    const firstScreen = 'firstScreenMs' in result && result.firstScreenMs !== undefined ? `${(result.firstScreenMs / 1000).toFixed(2)} s` : '';
    const recheck = 'recheckMs' in result && result.recheckMs !== undefined ? `${(result.recheckMs / 1000).toFixed(2)} s` : '';
    const figures = 'failure' in result ? [`${(result.ms / 1000).toFixed(1)} s`, '', '', '', '', result.failure] : [`${(result.ms / 1000).toFixed(2)} s`, `${(result.cpuMs / 1000).toFixed(2)} s`, firstScreen, recheck, `${result.peakMB.toFixed(0)} MB`, result.outcome.slice(0, 100)];
    lines.push(`| ${attack.name}: ${attack.description} | ${sizeLabel(size)} | ${sizeLabel(fileBytes)} | ${figures.join(' | ')} |`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const childAt = process.argv.indexOf('--child');
  if (childAt >= 0) return child(process.argv[childAt + 1], process.argv[childAt + 2]);
  const only = argument('--only')?.split(',');
  const timeoutSeconds = Number(argument('--timeout') ?? 120);
  const chosen = attacks.filter((a) => !only || only.includes(a.name));
  if (chosen.length === 0) throw new Error(`no input named ${only?.join(', ')}; the inputs are ${attacks.map((a) => a.name).join(', ')}`);
  const rows: Row[] = [];
  for (const attack of chosen) {
    for (const size of process.argv.includes('--small') ? attack.testSizes : benchSizes(attack)) {
      const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-hostile-'));
      try {
        const fileBytes = fs.statSync(writeInput(attack, folder, attack.make(size))).size;
        process.stderr.write(`bench:hostile: ${attack.name} at ${sizeLabel(size)}...\n`);
        rows.push({ attack, size, fileBytes, result: await measure(attack, folder, timeoutSeconds) });
      } finally {
        fs.rmSync(folder, { recursive: true, force: true });
      }
    }
  }
  console.log(`${os.cpus().length} cores, Node ${process.versions.node}; each input in a fresh process (time excludes start-up; CPU: all threads of the process, less moved by other processes' load; first screen: a draft's first 5,000 characters, checked first as the editor checks what it shows; re-check: the draft checked again after a word is typed at its top, as the editor does after each edit; memory is the process's peak)\n`);
  console.log(format(rows));
}

main().catch((error: unknown) => {
  console.error(`bench:hostile: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  process.exit(1);
});
