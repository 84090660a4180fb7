import * as path from 'node:path';
import type { Engine, LoadReport } from '../core/engineApi';
import type { SourceDocument, StatementResult } from '../core/types';

/** One checked draft: its path as the user named it (relative to the working folder), its text and results. */
export interface CheckedFile {
  path: string;
  text: string;
  results: StatementResult[];
}

/** Everything an output format needs to report a `sourced check` run. */
export interface CheckReport {
  engine: Engine;
  /** The corpus folder, relative to the working folder. */
  corpusRoot: string;
  load: LoadReport;
  files: CheckedFile[];
  /** The working folder paths are reported relative to. */
  cwd: string;
  /** A document the results cite: local, or fetched from an archive. */
  documentOf(id: string): SourceDocument | undefined;
  /** The archives asked (`--archive`), and whether they answered. */
  archives: ArchiveStatus[];
}

export interface ArchiveStatus {
  name: string;
  /** Where it is, without the password. */
  server: string;
  answered: boolean;
  /** What went wrong and what to do, when it did not answer. */
  problem?: string;
}

/** A source's file relative to the working folder (`../corpus/a.txt`), `/`-separated, as reports name it; an archived one by its id. */
export function sourcePath(report: CheckReport, docId: string): string {
  if (!report.engine.documents.has(docId)) return docId;
  const file = report.engine.documents.get(docId)?.path ?? docId;
  return path.relative(report.cwd, path.resolve(report.cwd, file)).split(path.sep).join('/');
}
