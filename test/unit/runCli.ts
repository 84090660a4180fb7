// Runs the built CLI (dist/cli.js) in a folder, as a newsroom's CI would.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '..', '..', '..');
export const CLI = path.join(REPO, 'dist', 'cli.js');

export function runCli(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const out = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}
