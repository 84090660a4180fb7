// `sourced archive ingest --db URL [--delete-missing] DIR...`: loads folders of sources into a
// newsroom archive on PostgreSQL (see core/archive/ingest).
import { archiveLabel, describeArchiveError, openPool } from '../../core/archive/connection';
import { ingest, INGEST_CONNECTIONS, type IngestProgress } from '../../core/archive/ingest';
import { optionHelp, parseOptions, type OptionSpec } from '../args';
import { UsageError } from '../usageError';
import { terminalLine, terminalSafe } from '../terminalText';

const OPTIONS: OptionSpec[] = [
  { flag: '--db', value: 'URL', help: 'the archive database (required)' },
  { flag: '--delete-missing', help: 'remove archived documents under DIR whose files are gone' },
  { flag: '--batch', value: 'N', help: 'files per transaction (default 400)' },
];

export const ARCHIVE_USAGE = `Usage: sourced archive ingest --db URL [--delete-missing] [--batch N] DIR...

Loads the sources under each DIR into the archive database at URL (PostgreSQL 15 or
later, e.g. postgresql://sourced_loader@dbhost/newsroom), with the same extraction,
cleaning, segmentation, quotes and speakers as a local corpus. Creates the archive's
tables in an empty database and migrates older ones. Unchanged files are skipped (by
content hash), changed files replace their old passages, and an interrupted run picks
up where it stopped. The password can also come from PGPASSWORD. A document's key is
its path from DIR's parent folder ("wire/2024/story.txt").

Options:
${optionHelp([...OPTIONS, { flag: '--help', help: 'show this help' }])}`;

interface IngestArgs {
  db: string;
  deleteMissing: boolean;
  batch?: number;
  dirs: string[];
}

function parseIngestArgs(args: string[]): IngestArgs {
  const [sub, ...rest] = args;
  if (sub !== 'ingest') throw new UsageError(sub === undefined ? 'missing archive command: use "sourced archive ingest --db URL DIR..."' : `unknown archive command "${sub}": the archive command is "ingest"`);
  const { options, positional } = parseOptions(rest, OPTIONS);
  const db = options.get('--db');
  if (!db) throw new UsageError('--db URL is required: the archive database to load into');
  if (positional.length === 0) throw new UsageError('no folder given: name at least one folder of sources to ingest');
  const batchText = options.get('--batch');
  const batch = batchText === undefined ? undefined : Number(batchText);
  if (batch !== undefined && (!Number.isInteger(batch) || batch < 1)) throw new UsageError('--batch needs a whole number of files, 1 or more');
  return { db, deleteMissing: options.has('--delete-missing'), batch, dirs: positional };
}

function progressLine(p: IngestProgress, startedMs: number): string {
  const seconds = Math.max(0.001, (Date.now() - startedMs) / 1000);
  const rate = Math.round((p.added + p.replaced) / seconds);
  return `ingest: ${p.done}/${p.files} files, ${p.added} added, ${p.replaced} replaced, ${p.unchanged} unchanged, ${p.deleted} deleted, ${p.skipped} skipped (${rate} files/s)`;
}

/** Runs `sourced archive ...`; returns the exit code. */
export async function runArchive(argv: string[]): Promise<number> {
  const args = parseIngestArgs(argv);
  const label = archiveLabel(args.db);
  const pool = openPool(args.db, { maxConnections: INGEST_CONNECTIONS });
  const started = Date.now();
  const tty = process.stderr.isTTY;
  let lastLine = 0;
  try {
    const report = await ingest(pool, label, {
      roots: args.dirs,
      deleteMissing: args.deleteMissing,
      batchSize: args.batch,
      onProgress: (p) => {
        if (tty) process.stderr.write(`\r${progressLine(p, started)}\x1b[K`);
        else if (Date.now() - lastLine > 5000 || p.done === p.files) {
          lastLine = Date.now();
          process.stderr.write(`${progressLine(p, started)}\n`);
        }
      },
    });
    if (tty) process.stderr.write('\n');
    for (const skipped of report.skippedFiles) console.error(`sourced: skipped ${terminalSafe(skipped.path)}: ${terminalLine(skipped.reason)}`);
    const migrated = report.schema.from === undefined ? `created the archive tables (schema ${report.schema.to}); ` : report.schema.from < report.schema.to ? `migrated the archive from schema ${report.schema.from} to ${report.schema.to}; ` : '';
    console.log(`${label}: ${migrated}${report.added} added, ${report.replaced} replaced, ${report.unchanged} unchanged, ${report.deleted} deleted, ${report.skipped} skipped; ${report.passages} passages written.`);
    return 0;
  } catch (error) {
    console.error(`sourced: ${terminalLine(describeArchiveError(error, label).message)}`);
    return 2;
  } finally {
    await pool.end();
  }
}
