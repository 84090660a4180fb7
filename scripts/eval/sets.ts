// Labeled statement sets and the corpus each is checked against: the sample sets in test/fixtures
// (against corpus/) and, when the shared data folder is beside the repository, the real-news sets
// in it (each against its own `corpus` folder, read from there and never copied).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Verdict } from '../../src/core/types';

export interface EvalItem {
  id: string;
  expect: Verdict;
  sources?: string[];
  text: string;
}

export interface EvalSet {
  name: string;
  file: string;
  /** Absolute folder of the corpus the set's statements are checked against. */
  corpus: string;
  items: EvalItem[];
}

export const ROOT = path.resolve(__dirname, '..', '..', '..');
const SAMPLE_SETS = ['dev', 'extra-eval', 'holdout', 'holdout2', 'holdout3', 'holdout4'].map((name) => path.join(ROOT, 'test', 'fixtures', `${name}.json`));
export const REAL_SETS_DIR = path.join(ROOT, '..', 'shared', 'eval', 'real');

/** Reads a set file; its corpus is `corpus` when given, else the file's own `corpus` field (relative to it), else the sample corpus. */
export function readSet(file: string, corpus?: string): EvalSet {
  const absolute = path.resolve(file);
  let data: { corpus?: string; items?: EvalItem[] };
  try {
    data = JSON.parse(fs.readFileSync(absolute, 'utf8')) as typeof data;
  } catch (error) {
    throw new Error(`cannot read the labeled set ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!Array.isArray(data.items)) throw new Error(`${file} has no "items" list of {id, expect, text}`);
  const folder = corpus ? path.resolve(corpus) : data.corpus ? path.resolve(path.dirname(absolute), data.corpus) : path.join(ROOT, 'corpus');
  return { name: path.basename(absolute, '.json'), file: absolute, corpus: folder, items: data.items };
}

/** The sets `npm run eval` runs without --set: the sample sets, then the real sets when present. */
export function defaultSets(): EvalSet[] {
  const real = fs.existsSync(REAL_SETS_DIR)
    ? fs.readdirSync(REAL_SETS_DIR).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(REAL_SETS_DIR, f))
    : [];
  return [...SAMPLE_SETS.filter((f) => fs.existsSync(f)), ...real].map((file) => readSet(file));
}

/** --set FILE (repeatable) and --corpus DIR from the command line. */
export function setsFromArgs(argv: readonly string[]): EvalSet[] {
  const files: string[] = [];
  let corpus: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if (argv[i] === '--set' && value) files.push(value);
    else if (argv[i] === '--corpus' && value) corpus = value;
    else throw new Error(`unknown argument ${argv[i]}: use --set FILE [--set FILE ...] [--corpus DIR]`);
    i++; // past the option's value
  }
  if (files.length === 0) {
    if (corpus) throw new Error('--corpus needs a --set FILE to check against it');
    return defaultSets();
  }
  return files.map((file) => readSet(file, corpus));
}
