import type { Engine, LoadReport } from '../core/engineApi';
import type { StatementResult } from '../core/types';

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
}
