// Connections to an archive database (node-postgres), and what its failures mean in words a
// reporter or the newsroom's IT can act on.
import { Pool, type PoolConfig, type QueryResult, type QueryResultRow } from 'pg';
import { parse } from 'pg-connection-string';
import { ArchiveSchemaError } from './schema';

/** A pool or one client: what the schema and ingest code queries through. */
export interface Queryable {
  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
}

export interface ArchiveConnectionOptions {
  /** Overrides a password in the URL (the extension keeps it in SecretStorage, never in settings). */
  password?: string;
  /** Server-side limit for each statement; the server cancels a query that runs longer. */
  statementTimeoutMs?: number;
  connectTimeoutMs?: number;
  maxConnections?: number;
  applicationName?: string;
}

/** A connection URL as it may be shown: no password. */
export function archiveLabel(url: string): string {
  try {
    const config = parse(url);
    const host = config.host ?? 'localhost';
    const where = host.startsWith('/') ? `socket ${host}` : `${host}${config.port ? `:${config.port}` : ''}`;
    return `${config.user ? `${config.user}@` : ''}${where}/${config.database ?? ''}`;
  } catch {
    return 'the archive (its URL could not be read)';
  }
}

export const DEFAULT_MAX_CONNECTIONS = 3;

export function openPool(url: string, options: ArchiveConnectionOptions = {}): Pool {
  let config: PoolConfig;
  try {
    config = { ...(parse(url) as PoolConfig) };
  } catch (error) {
    throw new Error(`The archive URL cannot be read (${error instanceof Error ? error.message : String(error)}): use postgresql://USER@HOST:PORT/DATABASE.`);
  }
  if (options.password !== undefined) config.password = options.password;
  const pool = new Pool({
    ...config,
    max: options.maxConnections ?? DEFAULT_MAX_CONNECTIONS,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    idleTimeoutMillis: 30_000,
    statement_timeout: options.statementTimeoutMs,
    // Sourced's statements are many small ones: compiling them (JIT) costs more than it saves.
    options: [config.options, '-c jit=off'].filter(Boolean).join(' '),
    application_name: options.applicationName ?? 'sourced',
  });
  // An idle connection the server drops (restart, network) must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  return pool;
}

export type ArchiveProblemKind = 'unreachable' | 'password' | 'slow' | 'schema' | 'permission' | 'missing-database' | 'dropped' | 'other';

export interface ArchiveProblem {
  kind: ArchiveProblemKind;
  /** What is wrong, then what to do, in one or two sentences. */
  message: string;
}

/** What went wrong talking to an archive, and what to do about it. */
export function describeArchiveError(error: unknown, label: string): ArchiveProblem {
  if (error instanceof ArchiveSchemaError) return { kind: 'schema', message: error.message };
  const code = (error as { code?: string })?.code;
  const text = error instanceof Error ? error.message : String(error);
  if (code === 'ECONNREFUSED' || code === 'ENOENT' || code === 'EHOSTUNREACH' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || /timeout expired|Connection terminated due to connection timeout/i.test(text)) {
    return { kind: 'unreachable', message: `Cannot reach the archive ${label} (${code ?? text}): check that the server runs and that the URL is right.` };
  }
  if (code === '28P01' || code === '28000' || /password authentication failed|SASL|no password/i.test(text)) {
    return { kind: 'password', message: `The archive ${label} refused the password: set it again with "Sourced: Set Archive Password" (or in the URL for the command line).` };
  }
  if (code === '57014' || code === 'ARCHIVE_DEADLINE') {
    return { kind: 'slow', message: `The archive ${label} answered too slowly; checking went on with the local sources only. If it stays slow, ask IT to look at the server's load.` };
  }
  if (code === '3D000') return { kind: 'missing-database', message: `The archive database ${label} does not exist: check the database name in the URL.` };
  if (code === '42501') {
    return { kind: 'permission', message: `The archive ${label} refused to read its tables: the role needs SELECT on them (see "Newsroom archive" in the README).` };
  }
  if (code === '42P01' || code === '42703') {
    return { kind: 'schema', message: `${label} does not hold the archive tables this Sourced reads: load it with "sourced archive ingest --db URL DIR" from this Sourced version.` };
  }
  if (code === '57P01' || code === '57P02' || code === '57P03' || code === 'ECONNRESET' || code === 'EPIPE' || /Connection terminated|terminating connection/i.test(text)) {
    return { kind: 'dropped', message: `The connection to the archive ${label} was dropped: checking went on with the local sources only, and the next check reconnects.` };
  }
  return { kind: 'other', message: `The archive ${label} failed: ${text}` };
}

/** Thrown when a request outlives its deadline: its answer, if it comes, is dropped. */
export class DeadlineError extends Error {
  readonly code = 'ARCHIVE_DEADLINE';
}

/** Resolves with `work`, or rejects with a DeadlineError once `ms` have passed (the work's late answer is ignored). */
export function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(`no answer within ${ms} ms`)), ms);
  });
  work.catch(() => undefined);
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}
