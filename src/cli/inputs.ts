// The drafts named on the command line: files, folders and globs (as markdownlint-cli2 and Vale
// take them). Folders and globs give their Markdown files, skipping node_modules and dot folders
// (the corpus walker's rules) and the corpus itself; a file named outright is read whatever its name.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isGlob } from '../core/corpus/glob';
import { compare, listCorpusFiles } from '../core/corpus/loadCorpus';
import { MAX_DRAFT_CHARS } from '../core/engineApi';
import { decodeText } from '../core/text/decode';
import { UsageError } from './usageError';

export interface Draft {
  /** As reported: relative to the working folder, `/`-separated. */
  path: string;
  text: string;
}

const MARKDOWN = /\.(?:md|markdown)$/i;

/** Reads every draft the arguments name, in argument order (each folder's or glob's files sorted), each once. */
export async function readDrafts(names: string[], options: { cwd: string; corpusDir: string }): Promise<Draft[]> {
  if (names.length === 0) throw new UsageError('no draft given: name Markdown files, folders or globs to check');
  const files: string[] = [];
  for (const name of names) files.push(...(await expand(name, options)));
  const unique = [...new Set(files)];
  return unique.map((file) => ({ path: shown(file, options.cwd), text: readDraft(file, shown(file, options.cwd)) }));
}

async function expand(name: string, { cwd, corpusDir }: { cwd: string; corpusDir: string }): Promise<string[]> {
  const absolute = path.resolve(cwd, name);
  // A file that exists is read even when its name has glob characters ("notes[1].md").
  const stat = fs.statSync(absolute, { throwIfNoEntry: false });
  if (!isGlob(name) && !stat) throw new UsageError(`draft not found: ${name}`);
  if (stat && !stat.isDirectory()) return [absolute];
  const listing = await listCorpusFiles({ base: cwd, roots: [name] });
  const inCorpus = (file: string) => file === corpusDir || file.startsWith(corpusDir + path.sep);
  const drafts = listing.files.filter((file) => MARKDOWN.test(file) && !inCorpus(file)).sort(compare);
  if (drafts.length === 0) throw new UsageError(stat ? `no Markdown drafts (.md, .markdown) in folder ${name}` : `no Markdown drafts match "${name}"`);
  return drafts;
}

function shown(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return (relative.startsWith('..') || path.isAbsolute(relative) ? file : relative).split(path.sep).join('/');
}

/**
 * A draft's text as an editor shows it: UTF-8 or UTF-16 with a byte order mark, the mark itself
 * dropped (so columns on the first line are right); anything else is refused, not read as U+FFFD.
 * A book-length file is refused as the extension refuses it, before any of it is checked: a CI
 * job fails with the reason rather than passing a file that was only partly checked.
 */
function readDraft(file: string, name: string): string {
  const bytes = fs.readFileSync(file);
  const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  if (!utf16 && bytes.includes(0)) throw new UsageError(`${name} looks binary, not a Markdown draft`);
  let text: string;
  try {
    text = decodeText(bytes);
  } catch {
    throw new UsageError(`${name} is not valid ${utf16 ? 'UTF-16' : 'UTF-8'} text: re-save it as UTF-8 (in VS Code: "Save with Encoding") and check it again`);
  }
  if (text.length > MAX_DRAFT_CHARS) {
    throw new UsageError(`${name} is ${(text.length / 1_000_000).toFixed(1)} million characters; drafts over ${MAX_DRAFT_CHARS / 1_000_000} million are not checked: split it into smaller drafts and check those`);
  }
  return text;
}
