// A throwaway PostgreSQL cluster for the archive tests: initdb into a temporary folder, a server
// listening only on a Unix socket in that folder, stopped and deleted at the end (also when a
// test fails or the process exits early). As root, the server runs as the `postgres` user (or
// `nobody`), since PostgreSQL refuses to run as root.
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { randomBytes } from 'crypto';

export interface Cluster {
  dir: string;
  /** The superuser's URL for a database; with a null password, a URL without one (the client finds it elsewhere, e.g. PGPASSWORD). */
  url(database?: string, user?: string, password?: string | null): string;
  password: string;
  start(): void;
  stop(): void;
  /** Stops the server and deletes the folder. */
  destroy(): void;
  /** Runs SQL as the superuser through psql (for set-up the tests do not test). */
  psql(sql: string, database?: string): string;
}

const SUPERUSER = 'sourced_admin';

function binDir(): string {
  const fromEnv = process.env.SOURCED_PG_BIN;
  if (fromEnv) return fromEnv;
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a)) : [];
  if (versions.length === 0) throw new Error('PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): install the Debian package "postgresql" (.ci/run does), or set SOURCED_PG_BIN');
  return path.join(root, versions[0], 'bin');
}

/** Who runs the server: this user, or an unprivileged one when this is root. */
function serverUser(): string | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ['postgres', 'nobody']) if (spawnSync('id', ['-u', name]).status === 0) return name;
  throw new Error('running as root with neither a "postgres" nor a "nobody" user to run PostgreSQL as');
}

export function startCluster(): Cluster {
  const bin = binDir();
  const user = serverUser();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-pg-'));
  const data = path.join(dir, 'data');
  const password = randomBytes(12).toString('hex');
  fs.writeFileSync(path.join(dir, 'pw'), password);
  if (user) execFileSync('chown', ['-R', user, dir]);
  const run = (tool: string, args: string[]) => {
    const command = user ? 'runuser' : path.join(bin, tool);
    const argv = user ? ['-u', user, '--', path.join(bin, tool), ...args] : args;
    return execFileSync(command, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  };
  run('initdb', ['-D', data, '-U', SUPERUSER, '--pwfile', path.join(dir, 'pw'), '--auth', 'scram-sha-256', '-E', 'UTF8', '--locale', 'C', '--no-sync']);
  const options = `-k ${dir} -c listen_addresses= -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  let running = false;
  const cluster: Cluster = {
    dir,
    password,
    url: (database = 'postgres', name = SUPERUSER, pass: string | null = password) => `postgresql://${encodeURIComponent(name)}${pass === null ? '' : `:${encodeURIComponent(pass)}`}@/${database}?host=${encodeURIComponent(dir)}`,
    start() {
      run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start']);
      running = true;
    },
    stop() {
      if (!running) return;
      running = false;
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    },
    destroy() {
      process.removeListener('exit', onExit);
      try {
        cluster.stop();
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    psql(sql, database = 'postgres') {
      return execFileSync(path.join(bin, 'psql'), ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-At', '-c', sql, cluster.url(database)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    },
  };
  const onExit = () => {
    try {
      cluster.destroy();
    } catch {
      // The process is ending; nothing else can be done about a server that will not stop.
    }
  };
  process.on('exit', onExit);
  cluster.start();
  return cluster;
}
