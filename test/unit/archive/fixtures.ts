// What the archive tests share: the cluster, one database per suite, and folders of sources.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Pool } from 'pg';
import { openPool } from '../../../src/core/archive/connection';
import { ingest, INGEST_CONNECTIONS, type IngestOptions, type IngestReport } from '../../../src/core/archive/ingest';
import type { Cluster } from './cluster';

export const repo = path.resolve(__dirname, '../../..');

let databases = 0;

/** A new empty database on the cluster; returns its superuser URL. */
export function freshDatabase(cluster: Cluster): string {
  const name = `archive_${process.pid}_${++databases}`;
  cluster.psql(`CREATE DATABASE ${name}`);
  return cluster.url(name);
}

const madeFolders: string[] = [];

/** Deletes every folder sourceFolder made. */
export function removeSourceFolders(): void {
  for (const folder of madeFolders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
}

/** A temporary folder `name` holding copies of the sample corpus's articles (or the given files). */
export function sourceFolder(name: string, files?: Record<string, string>): string {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-archive-src-'));
  madeFolders.push(parent);
  const dir = path.join(parent, name);
  fs.mkdirSync(dir);
  if (files) for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
  else for (const file of fs.readdirSync(path.join(repo, 'corpus'))) fs.copyFileSync(path.join(repo, 'corpus', file), path.join(dir, file));
  return dir;
}

export async function ingestInto(url: string, options: IngestOptions): Promise<IngestReport> {
  const pool = openPool(url, { maxConnections: INGEST_CONNECTIONS });
  try {
    return await ingest(pool, 'test archive', options);
  } finally {
    await pool.end();
  }
}

export async function withPool<T>(url: string, work: (pool: Pool) => Promise<T>): Promise<T> {
  const pool = openPool(url);
  try {
    return await work(pool);
  } finally {
    await pool.end();
  }
}
