// `sourced check`: checks Markdown drafts statement by statement against a folder of sources.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RecheckCache } from '../../core/check/recheck';
import { isFlagged } from '../../core/check/results';
import { isInside } from '../../core/corpus/loadCorpus';
import { SourcedEngine } from '../../core/engine';
import { optionHelp, parseOptions, type OptionSpec } from '../args';
import { checkAgainstArchive } from '../archiveDrafts';
import type { CheckReport } from '../checkReport';
import { FORMATS } from '../formats/index';
import { readDrafts } from '../inputs';
import { terminalLine, terminalSafe } from '../terminalText';
import { UsageError } from '../usageError';

const OPTIONS: OptionSpec[] = [
  { flag: '--corpus', value: 'PATH', help: 'folder of sources (.txt, .md, ...), or one source file; default ./corpus' },
  { flag: '--format', value: 'FORMAT', help: 'text: one line per flagged statement (default); json: every statement;\nsarif: SARIF 2.1.0 for code scanning dashboards; html: a report to read in\na browser, each statement coloured by verdict with its evidence beside it' },
  { flag: '--cache', value: 'DIR', help: 'keep the index cache in DIR to start faster next time' },
  { flag: '--archive', value: 'URL', help: 'also check against the newsroom archive at URL (PostgreSQL; sends query words from the drafts there)' },
];

export const CHECK_USAGE = `Usage: sourced check [--corpus PATH] [--archive URL] [--format text|json|sarif|html] [--cache DIR] [--] FILE|FOLDER|GLOB...

Checks each Markdown draft statement by statement against the sources in PATH
(default ./corpus) and reports unsupported claims, misquotes, unverified quotes,
misattributions and number mismatches. A folder or a glob ("drafts/**/*.md", quoted)
stands for its .md and .markdown files, leaving out node_modules, dot folders and PATH.
After --, every argument is a draft, even one that starts with a dash.
With --archive, the archive's passages count as sources too (see "sourced archive
ingest"); the corpus is then optional. If the archive cannot answer, the
check goes on with the local sources and says why on stderr.

Options:
${optionHelp([...OPTIONS, { flag: '--help', help: 'show this help' }])}

Exit status: 0 nothing flagged, 1 something flagged, 2 usage or input error.`;

/** Runs the check, writes the report to stdout and skipped sources to stderr; returns the exit status. */
export async function runCheck(args: string[]): Promise<number> {
  const { options, positional } = parseOptions(args, OPTIONS);
  const formatName = options.get('--format') ?? 'text';
  const format = FORMATS[formatName];
  if (!format) throw new UsageError(`unknown format "${formatName}": use ${Object.keys(FORMATS).map((f) => `--format ${f}`).join(' or ')}`);
  const archiveUrl = options.get('--archive');
  const corpusName = options.get('--corpus') ?? 'corpus';
  const corpusDir = path.resolve(corpusName);
  const drafts = await readDrafts(positional, { cwd: process.cwd(), corpusDir });
  const corpusStat = fs.statSync(corpusDir, { throwIfNoEntry: false });
  // A folder of sources, or one source file.
  const hasCorpus = corpusStat !== undefined && (corpusStat.isDirectory() || corpusStat.isFile());
  if (!hasCorpus && (options.has('--corpus') || !archiveUrl)) {
    if (corpusStat) throw new UsageError(`corpus ${corpusName} is neither a folder nor a file: pass --corpus PATH with a folder of sources or one source file`);
    throw new UsageError(`corpus not found: ${corpusName} (create a folder of sources there, or pass --corpus PATH: a folder or one source file)`);
  }
  const cacheDir = options.get('--cache');
  if (cacheDir !== undefined && hasCorpus && isInside(realPathSoFar(path.resolve(cacheDir)), realPathSoFar(corpusDir))) {
    throw new UsageError(`--cache ${cacheDir} is inside the corpus folder ${corpusName}: the cache would be read as a source; put it elsewhere (e.g. --cache .sourced-cache)`);
  }
  const engine = new SourcedEngine({ cacheDir });
  const load = hasCorpus ? await engine.loadCorpus({ base: process.cwd(), roots: [corpusDir] }) : { documents: 0, passages: 0, skipped: [] };
  for (const skipped of load.skipped) console.error(`sourced: skipped ${terminalSafe(path.relative(process.cwd(), skipped.path) || skipped.path)}: ${terminalLine(skipped.reason)}`);
  if (load.cacheRebuilt) console.error(`sourced: ${terminalLine(load.cacheRebuilt)}`);
  if (load.documents === 0 && !archiveUrl) throw new UsageError(`no sources to check against in ${corpusName}: add .txt or .md files there, or pass --corpus PATH`);
  // A sentence written the same way twice, in one draft or in several, is checked once.
  const rechecks = new RecheckCache();
  const checked = archiveUrl ? await checkAgainstArchive(engine, drafts, archiveUrl) : { files: drafts.map((draft) => ({ ...draft, results: engine.checkDraft(draft.text, { rechecks }) })), archives: [], archived: new Map() };
  const report: CheckReport = {
    engine,
    corpusRoot: hasCorpus ? path.relative(process.cwd(), corpusDir) || '.' : '',
    load,
    files: checked.files,
    cwd: process.cwd(),
    documentOf: (id) => engine.documents.get(id) ?? checked.archived.get(id),
    archives: checked.archives,
  };
  console.log(format(report));
  return report.files.some((f) => f.results.some((r) => isFlagged(r.verdict))) ? 1 : 0;
}

/** The real path of `target`, resolved as far as it exists (a cache folder may not exist yet). */
function realPathSoFar(target: string): string {
  const parent = path.dirname(target);
  if (fs.existsSync(target)) return fs.realpathSync(target);
  return parent === target ? target : path.join(realPathSoFar(parent), path.basename(target));
}
