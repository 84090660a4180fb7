// The drafts named on the command line, read and checked for being text.
import * as fs from 'node:fs';
import { UsageError } from './usageError';

export interface Draft {
  path: string;
  text: string;
}

export function readDrafts(names: string[]): Draft[] {
  if (names.length === 0) throw new UsageError('no draft given: name at least one Markdown file to check');
  return names.map((name) => ({ path: name, text: readDraft(name) }));
}

function readDraft(file: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new UsageError(`draft not found: ${file}`);
  }
  if (!stat.isFile()) throw new UsageError(`not a file: ${file} (name Markdown files to check)`);
  const bytes = fs.readFileSync(file);
  if (bytes.includes(0)) throw new UsageError(`${file} looks binary, not a Markdown draft`);
  return bytes.toString('utf8');
}
