// Bulk writes with COPY ... FROM STDIN (pg-copy-streams): the server reads rows as lines of text,
// with no per-row statement and no array literal to build on this side and take apart on that one.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** A column value: text, a number, or NULL. */
export type CopyValue = string | number | null;

/** Rows are sent in pieces of about this many characters, so a batch is never one huge string. */
const PIECE_CHARS = 1 << 16;

/** COPY's text format: backslash, tab, newline and carriage return escaped, NULL as \N. */
export function copyField(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]) : value;
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** Writes `rows` (field values in the order of `target`'s columns, read lazily) into `target` ("table (columns)") with one COPY. */
export async function copyRows(client: PoolClient, target: string, rows: Iterable<readonly CopyValue[]>): Promise<void> {
  const stream = client.query(copyFrom(`COPY ${target} FROM STDIN`));
  await pipeline(Readable.from(pieces(rows)), stream);
}

function* pieces(rows: Iterable<readonly CopyValue[]>): Generator<string> {
  let piece = '';
  for (const row of rows) {
    piece += `${row.map(copyField).join('\t')}\n`;
    if (piece.length >= PIECE_CHARS) {
      yield piece;
      piece = '';
    }
  }
  if (piece.length > 0) yield piece;
}
