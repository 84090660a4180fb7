import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Client } from 'pg';
import { SourcedEngine } from '../../../src/core/engine';
import { ArchiveReader } from '../../../src/core/archive/archiveReader';
import { checkWithArchives, type ArchiveCheckResult } from '../../../src/core/archive/archiveCheck';
import { ARCHIVE_SCHEMA_VERSION } from '../../../src/core/archive/schema';
import type { ArchiveConnectionOptions } from '../../../src/core/archive/connection';
import type { Cluster } from './cluster';
import { freshDatabase, ingestInto, repo, sourceFolder, withPool } from './fixtures';
import { Client as PgClient } from 'pg';
import { parse } from 'pg-connection-string';

const draft = fs.readFileSync(path.join(repo, 'sample', 'drafts', 'sample-story.md'), 'utf8');
// Two of the five articles are on the reporter's machine; the archive has the other three.
const LOCAL_ARTICLES = ['000_75a6b70249c89a2f.txt', '001_e6aab45a15cdc6b4.txt'];

async function localEngine(): Promise<SourcedEngine> {
  const engine = new SourcedEngine();
  await engine.loadCorpus({ base: repo, roots: LOCAL_ARTICLES.map((f) => `corpus/${f}`) });
  return engine;
}

function archiveOnlyFolder(): string {
  const dir = sourceFolder('corpus');
  for (const file of LOCAL_ARTICLES) fs.rmSync(path.join(dir, file));
  return dir;
}

const verdicts = (checked: { results: Array<{ verdict: string }> }) => checked.results.map((r) => r.verdict);
const archived = (checked: ArchiveCheckResult) => checked.results.flatMap((r) => r.sources).filter((s) => s.passage.docId.startsWith('newsroom:')).length;

export function archiveFailureSuite(cluster: () => Cluster): void {
  describe('when the archive misbehaves, local checking goes on', () => {
    let url: string;
    let engine: SourcedEngine;
    let localOnly: string[];
    before(async () => {
      url = freshDatabase(cluster());
      await ingestInto(url, { roots: [archiveOnlyFolder()] });
      engine = await localEngine();
      localOnly = verdicts({ results: engine.checkDraft(draft) });
    });

    it('adds the archive\'s passages when it answers', async () => {
      const reader = new ArchiveReader({ name: 'newsroom', url });
      try {
        const checked = await checkWithArchives(engine, draft, [reader], { deadlineMs: 20_000 });
        assert.deepEqual(checked.problems, []);
        assert.ok(archived(checked) > 0);
        const full = new SourcedEngine();
        await full.loadCorpus({ base: repo, roots: ['corpus'] });
        // The archive's articles hold the quotes the draft gets wrong: the local two cannot tell.
        assert.notDeepEqual(localOnly, verdicts({ results: full.checkDraft(draft) }));
        assert.deepEqual(verdicts(checked), verdicts({ results: full.checkDraft(draft) }));
      } finally {
        await reader.close();
      }
    });

    it('a draft checked again takes its searches\' rankings from the reader: it answers in full while the passages table is locked', async () => {
      const reader = new ArchiveReader({ name: 'newsroom', url });
      const locker = new PgClient({ connectionString: url });
      await locker.connect();
      try {
        const first = await checkWithArchives(engine, draft, [reader], { deadlineMs: 20_000 });
        assert.ok(archived(first) > 0);
        await locker.query('BEGIN');
        await locker.query('LOCK TABLE sourced_passages IN ACCESS EXCLUSIVE MODE');
        // A ranking query would wait for the lock past the deadline; the cached rankings need none.
        const again = await checkWithArchives(engine, draft, [reader], { deadlineMs: 10_000 });
        assert.deepEqual(again.problems, []);
        assert.deepEqual(verdicts(again), verdicts(first));
        assert.equal(archived(again), archived(first));
      } finally {
        await locker.query('ROLLBACK').catch(() => undefined);
        await locker.end();
        await reader.close();
      }
    });

    it('server down: says it cannot be reached, then reconnects by itself when it is back', async () => {
      const reader = new ArchiveReader({ name: 'newsroom', url }, { connectTimeoutMs: 2000 });
      try {
        assert.equal((await checkWithArchives(engine, draft, [reader], { deadlineMs: 20_000 })).problems.length, 0);
        cluster().stop();
        try {
          // The first check may find its idle connection cut (dropped); then there is no server to connect to.
          const first = await checkWithArchives(engine, draft, [reader], { deadlineMs: 20_000 });
          assert.ok(['dropped', 'unreachable'].includes(first.problems[0]?.problem.kind), first.problems[0]?.problem.message);
          const down = await checkWithArchives(engine, draft, [reader], { deadlineMs: 20_000 });
          assert.equal(down.problems[0]?.problem.kind, 'unreachable');
          assert.match(down.problems[0].problem.message, /Cannot reach the archive "newsroom" \(sourced_admin@socket .*\): check that the server runs/);
          assert.deepEqual(verdicts(down), localOnly);
        } finally {
          cluster().start();
        }
        const back = await checkWithArchives(engine, draft, [reader], { deadlineMs: 20_000 });
        assert.deepEqual(back.problems, []);
        assert.ok(archived(back) > 0);
      } finally {
        await reader.close();
      }
    });

    it('slow: a check past its deadline goes on locally, the late answer is dropped, and the next check uses the archive', async () => {
      await whilePassagesLocked(url, { statementTimeoutMs: 5000 }, async (reader, locker) => {
        const started = Date.now();
        const slow = await checkWithArchives(engine, draft, [reader], { deadlineMs: 300 });
        assert.ok(Date.now() - started < 3000, 'the check did not wait for the archive');
        assert.equal(slow.problems[0]?.problem.kind, 'slow');
        assert.match(slow.problems[0].problem.message, /answered too slowly; checking went on with the local sources only/);
        assert.deepEqual(verdicts(slow), localOnly);
        assert.ok((await waitingBackends(locker, 'sourced')) >= 1, 'the late queries still wait on the server; their answers will be dropped');
        await locker.query('ROLLBACK');
        const next = await checkWithArchives(engine, draft, [reader], { deadlineMs: 20_000 });
        assert.deepEqual(next.problems, []);
        assert.ok(archived(next) > 0);
      });
    });

    it('slow: the server cancels a statement that outlives the statement timeout', async () => {
      await whilePassagesLocked(url, { statementTimeoutMs: 200 }, async (reader, locker) => {
        const slow = await checkWithArchives(engine, draft, [reader], { deadlineMs: 20_000 });
        assert.equal(slow.problems[0]?.problem.kind, 'slow');
        assert.equal(await waitingBackends(locker, 'sourced'), 0, 'no query of the reader still waits on the server');
      });
    });

    it('wrong password: says to set it again', async () => {
      const reader = new ArchiveReader({ name: 'newsroom', url, password: 'not-the-password' });
      try {
        const checked = await checkWithArchives(engine, draft, [reader], { deadlineMs: 20_000 });
        assert.equal(checked.problems[0]?.problem.kind, 'password');
        assert.match(checked.problems[0].problem.message, /refused the password: set it again with "Sourced: Set Archive Password"/);
        assert.deepEqual(verdicts(checked), localOnly);
      } finally {
        await reader.close();
      }
    });

    it('dropped connection mid-check: goes on locally, and the next check reconnects', async () => {
      await whilePassagesLocked(url, { applicationName: 'sourced-dropped' }, async (reader, locker) => {
        const checking = checkWithArchives(engine, draft, [reader], { deadlineMs: 20_000 });
        await waitFor(async () => (await waitingBackends(locker, 'sourced-dropped')) > 0);
        // The check's searches run on several connections, and the later ones may connect after the first is dropped: drop each.
        let settled = false;
        void checking.finally(() => (settled = true));
        while (!settled) {
          // A new activity snapshot each time (the locker is inside its transaction), or a connection made after the first would never be seen.
          await locker.query('SELECT pg_stat_clear_snapshot()');
          await locker.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'sourced-dropped'`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        const dropped = await checking;
        assert.equal(dropped.problems[0]?.problem.kind, 'dropped');
        assert.deepEqual(verdicts(dropped), localOnly);
        await locker.query('ROLLBACK');
        const next = await checkWithArchives(engine, draft, [reader], { deadlineMs: 20_000 });
        assert.deepEqual(next.problems, []);
        assert.ok(archived(next) > 0);
      });
    });

    it('a schema from another version: says which and what to do, and checks locally', async () => {
      const other = freshDatabase(cluster());
      await ingestInto(other, { roots: [archiveOnlyFolder()] });
      await withPool(other, (pool) => pool.query('INSERT INTO sourced_schema (version) VALUES ($1)', [ARCHIVE_SCHEMA_VERSION + 1]));
      const reader = new ArchiveReader({ name: 'newsroom', url: other });
      try {
        const checked = await checkWithArchives(engine, draft, [reader], { deadlineMs: 20_000 });
        assert.equal(checked.problems[0]?.problem.kind, 'schema');
        assert.match(checked.problems[0].problem.message, new RegExp(`has archive schema version ${ARCHIVE_SCHEMA_VERSION + 1}, newer than this Sourced reads \\(${ARCHIVE_SCHEMA_VERSION}\\): update Sourced`));
        assert.deepEqual(verdicts(checked), localOnly);
      } finally {
        await reader.close();
      }
    });

    it('a reporter role with only SELECT checks against the archive, and cannot write to it', async () => {
      const database = parse(url).database!;
      cluster().psql(`CREATE ROLE reporter LOGIN PASSWORD 'reporter-pw'`);
      cluster().psql(`GRANT CONNECT ON DATABASE ${database} TO reporter; GRANT USAGE ON SCHEMA public TO reporter; GRANT SELECT ON ALL TABLES IN SCHEMA public TO reporter`, database);
      const reporterUrl = cluster().url(database, 'reporter', 'reporter-pw');
      const reader = new ArchiveReader({ name: 'newsroom', url: reporterUrl });
      try {
        const checked = await checkWithArchives(engine, draft, [reader], { deadlineMs: 20_000 });
        assert.deepEqual(checked.problems, []);
        assert.ok(archived(checked) > 0);
      } finally {
        await reader.close();
      }
      await assert.rejects(ingestInto(reporterUrl, { roots: [sourceFolder('corpus', { 'new.txt': 'A new story the reporter tries to store.\n' })] }), /permission denied/);
    });

    it('sourced check --archive: JSON sources with title, outlet and date, and a warning (not a failure) when the archive is down', () => {
      const cli = path.join(repo, 'dist', 'cli.js');
      const work = path.dirname(sourceFolder('corpus'));
      const ok = spawnSync(process.execPath, [cli, 'check', '--archive', url, '--format', 'json', path.join(repo, 'sample', 'drafts', 'sample-story.md')], { cwd: work, encoding: 'utf8' });
      assert.ok(ok.status === 0 || ok.status === 1, ok.stderr);
      const report = JSON.parse(ok.stdout) as { archives: Array<{ answered: boolean }>; files: Array<{ statements: Array<{ sources: Array<{ document: string; title: string; outlet?: string; date?: string }> }> }> };
      assert.deepEqual(report.archives.map((a) => a.answered), [true]);
      const sources = report.files[0].statements.flatMap((s) => s.sources);
      const fromArchive = sources.filter((s) => s.document.startsWith('archive:corpus/'));
      assert.ok(fromArchive.length > 0);
      assert.ok(fromArchive.some((s) => s.outlet && s.title), 'archived sources carry their metadata');
      const down = spawnSync(process.execPath, [cli, 'check', '--archive', `postgresql://nobody@/none?host=${encodeURIComponent(path.join(cluster().dir, 'gone'))}`, path.join(repo, 'sample', 'drafts', 'sample-story.md')], { cwd: work, encoding: 'utf8' });
      assert.match(down.stderr, /Cannot reach the archive/);
      assert.match(down.stdout, /statements in 1 file checked/);
    });
  });
}

/** Runs `work` with a reader while another connection holds an exclusive lock on the passages (released after). */
async function whilePassagesLocked(url: string, options: ArchiveConnectionOptions, work: (reader: ArchiveReader, locker: Client) => Promise<void>): Promise<void> {
  const reader = new ArchiveReader({ name: 'newsroom', url }, options);
  const locker = new PgClient({ connectionString: url });
  await locker.connect();
  try {
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE sourced_passages IN ACCESS EXCLUSIVE MODE');
    await work(reader, locker);
  } finally {
    await locker.query('ROLLBACK').catch(() => undefined);
    await locker.end();
    await reader.close();
  }
}

async function waitingBackends(client: Client, applicationName: string): Promise<number> {
  // Inside a transaction the activity view is a snapshot taken at its first read: take a new one.
  await client.query('SELECT pg_stat_clear_snapshot()');
  const rows = await client.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'`, [applicationName]);
  return rows.rows[0].n as number;
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`timed out waiting for the archive query to block`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
