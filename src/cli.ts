// `sourced check`: checks Markdown drafts against a folder of sources, for newsrooms' CI.
// Exit codes: 0 nothing flagged, 1 something flagged, 2 usage or input error.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SourcedEngine } from './core/engine';
import { LineIndex } from './core/lineIndex';
import type { LoadReport } from './core/engineApi';
import { isFlagged } from './core/check/results';
import type { StatementResult } from './core/types';

const USAGE = `Usage: sourced check [--corpus DIR] [--format text|json] [--cache DIR] FILE...

Checks each Markdown draft statement by statement against the sources in DIR
(default ./corpus) and reports unsupported claims, misquotes, unverified quotes,
misattributions and number mismatches.

Options:
  --corpus DIR          folder of sources (.txt, .md, ...); default ./corpus
  --format text|json    text: one line per flagged statement (default); json: every statement
  --cache DIR           keep the index cache in DIR to start faster next time
  -h, --help            show this help

Exit status: 0 nothing flagged, 1 something flagged, 2 usage or input error.`;

class UsageError extends Error {}

interface Options {
  corpus: string;
  format: 'text' | 'json';
  cache?: string;
  files: string[];
}

function parseArgs(argv: string[]): Options | 'help' {
  if (argv.includes('-h') || argv.includes('--help')) return 'help';
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError('missing command: use "sourced check FILE..."');
  if (command !== 'check') throw new UsageError(`unknown command "${command}": the only command is "check"`);
  const options: Options = { corpus: 'corpus', format: 'text', files: [] };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? rest[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--corpus') options.corpus = value();
    else if (flag === '--cache') options.cache = value();
    else if (flag === '--format') {
      const format = value();
      if (format !== 'text' && format !== 'json') throw new UsageError(`unknown format "${format}": use --format text or --format json`);
      options.format = format;
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option "${arg}"`);
    else options.files.push(arg);
  }
  if (options.files.length === 0) throw new UsageError('no draft given: name at least one Markdown file to check');
  return options;
}


interface FileResult {
  path: string;
  text: string;
  results: StatementResult[];
}

function jsonReport(engine: SourcedEngine, corpusRoot: string, report: LoadReport, files: FileResult[]): unknown {
  const lineIndexes = new Map<string, LineIndex>();
  const docLines = (id: string): LineIndex => {
    let index = lineIndexes.get(id);
    if (!index) lineIndexes.set(id, (index = new LineIndex(engine.documents.get(id)?.text ?? '')));
    return index;
  };
  return {
    version: 1,
    corpus: { root: corpusRoot, documents: report.documents, passages: report.passages },
    files: files.map((file) => {
      const lines = new LineIndex(file.text);
      return {
        path: file.path,
        statements: file.results.map((r) => ({
          text: r.statement.text,
          range: lines.rangeAt(r.statement.start, r.statement.end),
          verdict: r.verdict,
          message: r.message,
          sources: r.sources.map((hit) => ({
            document: hit.passage.docId,
            title: engine.documents.get(hit.passage.docId)?.metadata.title ?? hit.passage.docId,
            range: docLines(hit.passage.docId).rangeAt(hit.passage.start, hit.passage.end),
            text: hit.passage.text,
            score: hit.score,
          })),
        })),
      };
    }),
  };
}

function textReport(files: FileResult[]): { lines: string[]; flaggedCount: number } {
  const lines: string[] = [];
  const counts = new Map<string, number>();
  let statements = 0;
  for (const file of files) {
    const index = new LineIndex(file.text);
    for (const r of file.results) {
      statements++;
      if (!isFlagged(r.verdict)) continue;
      counts.set(r.verdict, (counts.get(r.verdict) ?? 0) + 1);
      const at = index.positionAt(r.focus?.start ?? r.statement.start);
      lines.push(`${file.path}:${at.line + 1}:${at.character + 1}: warning: ${r.message} [${r.verdict}]`);
    }
  }
  const flaggedCount = [...counts.values()].reduce((a, b) => a + b, 0);
  const detail = [...counts].map(([code, n]) => `${n} ${code}`).join(', ');
  const fileWord = files.length === 1 ? 'file' : 'files';
  lines.push(flaggedCount === 0 ? `${statements} statements in ${files.length} ${fileWord} checked: nothing flagged.` : `${statements} statements in ${files.length} ${fileWord} checked: ${flaggedCount} flagged (${detail}).`);
  return { lines, flaggedCount };
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

async function run(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed === 'help') {
    console.log(USAGE);
    return 0;
  }
  const drafts = parsed.files.map((file) => ({ path: file, text: readDraft(file) }));
  const corpusDir = path.resolve(parsed.corpus);
  if (!fs.existsSync(corpusDir) || !fs.statSync(corpusDir).isDirectory()) {
    throw new UsageError(`corpus folder not found: ${parsed.corpus} (create it with your sources, or pass --corpus DIR)`);
  }
  const engine = new SourcedEngine({ cacheDir: parsed.cache });
  const report = await engine.loadCorpus({ base: process.cwd(), roots: [corpusDir] });
  for (const skipped of report.skipped) console.error(`sourced: skipped ${path.relative(process.cwd(), skipped.path) || skipped.path}: ${skipped.reason}`);
  if (report.documents === 0) throw new UsageError(`no sources to check against in ${parsed.corpus}: add .txt or .md files there, or pass --corpus DIR`);
  const files: FileResult[] = drafts.map((draft) => ({ ...draft, results: engine.checkDraft(draft.text) }));
  if (parsed.format === 'json') {
    console.log(JSON.stringify(jsonReport(engine, path.relative(process.cwd(), corpusDir) || '.', report, files), null, 2));
    return files.some((f) => f.results.some((r) => isFlagged(r.verdict))) ? 1 : 0;
  }
  const { lines, flaggedCount } = textReport(files);
  console.log(lines.join('\n'));
  return flaggedCount > 0 ? 1 : 0;
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) console.error(`sourced: ${error.message}\n\n${USAGE.split('\n')[0]}`);
    else console.error(`sourced: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
