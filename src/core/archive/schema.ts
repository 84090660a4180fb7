// The archive's tables in PostgreSQL, created and migrated by `sourced archive ingest` and read
// (SELECT only) by every reporter's Sourced. The version table says which layout a database has,
// so a Sourced never reads or writes a layout it does not know.
import type { Queryable } from './connection';

/** Bump with every change to the tables below, and add the step from the previous version to MIGRATIONS. */
export const ARCHIVE_SCHEMA_VERSION = 1;

/**
 * The search indexes: the GIN index over passages' terms and the trigram index over quotations.
 * A large load drops them and builds them again at its end (see ingest), which is several times
 * faster than updating them row by row.
 */
export const SEARCH_INDEXES = {
  passages: `CREATE INDEX IF NOT EXISTS sourced_passages_terms ON sourced_passages USING gin (terms)`,
  quotes: `CREATE INDEX IF NOT EXISTS sourced_quotes_words ON sourced_quotes USING gin (words gin_trgm_ops)`,
};
export const SEARCH_INDEX_NAMES = ['sourced_passages_terms', 'sourced_quotes_words'];

/** Statements that take a database from version i to version i + 1 (index 0: an empty database). */
const MIGRATIONS: readonly string[][] = [
  [
    `CREATE EXTENSION IF NOT EXISTS pg_trgm`,
    `CREATE TABLE sourced_schema (version integer NOT NULL, migrated_at timestamptz NOT NULL DEFAULT now())`,
    // One row: the totals that IDF needs, kept in the same transaction as the passages they count.
    `CREATE TABLE sourced_totals (documents bigint NOT NULL, passages bigint NOT NULL)`,
    `INSERT INTO sourced_totals VALUES (0, 0)`,
    `CREATE TABLE sourced_documents (
       id bigserial PRIMARY KEY,
       doc_key text NOT NULL UNIQUE,
       content_hash text NOT NULL,
       format text NOT NULL,
       title text, author text, outlet text, published text, url text,
       body text NOT NULL,
       -- junk ranges, pages, speaker turns, passage offsets, quotes and people, as Sourced derived them
       derived jsonb NOT NULL,
       -- this document's share of sourced_terms, subtracted again when it is replaced or deleted
       term_counts jsonb NOT NULL,
       ingested_at timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE TABLE sourced_passages (
       document_id bigint NOT NULL REFERENCES sourced_documents (id) ON DELETE CASCADE,
       ordinal integer NOT NULL,
       -- Sourced's own index terms: sentence terms weighted A, neighbouring sentences' B
       terms tsvector NOT NULL,
       PRIMARY KEY (document_id, ordinal)
     )`,
    SEARCH_INDEXES.passages,
    `CREATE TABLE sourced_quotes (
       document_id bigint NOT NULL REFERENCES sourced_documents (id) ON DELETE CASCADE,
       ordinal integer NOT NULL,
       words text NOT NULL,
       speaker text,
       PRIMARY KEY (document_id, ordinal)
     )`,
    SEARCH_INDEXES.quotes,
    // Passage document frequency of each term, and of its lower-case uses (a common word, not a name).
    `CREATE TABLE sourced_terms (term text PRIMARY KEY, passages integer NOT NULL, lowercase integer NOT NULL)`,
  ],
];

export class ArchiveSchemaError extends Error {}

/** The archive's schema version, or undefined when the database holds no Sourced archive. */
export async function schemaVersion(db: Queryable): Promise<number | undefined> {
  const table = await db.query<{ exists: boolean }>(`SELECT to_regclass('sourced_schema') IS NOT NULL AS exists`);
  if (!table.rows[0].exists) return undefined;
  const row = await db.query<{ version: number }>(`SELECT max(version) AS version FROM sourced_schema`);
  return row.rows[0].version ?? undefined;
}

/** For readers: the archive's layout must be the one this Sourced reads. */
export async function requireReadableSchema(db: Queryable, label: string): Promise<void> {
  const version = await schemaVersion(db);
  if (version === undefined) {
    throw new ArchiveSchemaError(`${label} holds no Sourced archive yet: load sources into it with "sourced archive ingest --db URL DIR".`);
  }
  if (version !== ARCHIVE_SCHEMA_VERSION) throw new ArchiveSchemaError(versionMessage(label, version));
}

function versionMessage(label: string, version: number): string {
  return version > ARCHIVE_SCHEMA_VERSION
    ? `${label} has archive schema version ${version}, newer than this Sourced reads (${ARCHIVE_SCHEMA_VERSION}): update Sourced to use it.`
    : `${label} has archive schema version ${version}, older than this Sourced reads (${ARCHIVE_SCHEMA_VERSION}): ask whoever loads the archive to run "sourced archive ingest" with this Sourced version, which migrates it.`;
}

/**
 * For the ingest: creates the tables in an empty database or migrates an older layout, in one
 * transaction (so `db` must be one connection, not a pool); refuses a newer layout (written by a
 * newer Sourced) without touching it.
 */
export async function createOrMigrate(db: Queryable, label: string): Promise<{ from: number | undefined; to: number }> {
  await db.query('BEGIN');
  try {
    // One migrator at a time: a second ingest waits here, then sees the finished layout.
    await db.query(`SELECT pg_advisory_xact_lock(hashtext('sourced archive schema'))`);
    const from = await schemaVersion(db);
    if (from !== undefined && from > ARCHIVE_SCHEMA_VERSION) throw new ArchiveSchemaError(versionMessage(label, from));
    for (let version = from ?? 0; version < ARCHIVE_SCHEMA_VERSION; version++) {
      for (const statement of MIGRATIONS[version]) await db.query(statement);
      await db.query(`INSERT INTO sourced_schema (version) VALUES ($1)`, [version + 1]);
    }
    await db.query('COMMIT');
    return { from, to: ARCHIVE_SCHEMA_VERSION };
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
