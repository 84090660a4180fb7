// `sourced check --archive URL`: the drafts checked against the local corpus and the archive.
import { ArchiveReader } from '../core/archive/archiveReader';
import { checkWithArchives } from '../core/archive/archiveCheck';
import { archiveLabel } from '../core/archive/connection';
import type { SourcedEngine } from '../core/engine';
import type { SourceDocument } from '../core/types';
import type { ArchiveStatus, CheckedFile } from './checkReport';
import type { Draft } from './inputs';
import { terminalLine } from './terminalText';

/** A CI run waits longer for the archive than an editor would, but not for ever. */
const CLI_DEADLINE_MS = 60_000;
const CLI_STATEMENT_TIMEOUT_MS = 30_000;

/** Checks each draft; after an archive failure the rest are checked locally, and the failure is said once on stderr. */
export async function checkAgainstArchive(engine: SourcedEngine, drafts: Draft[], url: string): Promise<{ files: CheckedFile[]; archives: ArchiveStatus[]; archived: Map<string, SourceDocument> }> {
  const reader = new ArchiveReader({ name: 'archive', url }, { statementTimeoutMs: CLI_STATEMENT_TIMEOUT_MS });
  const archived = new Map<string, SourceDocument>();
  let problem: string | undefined;
  try {
    const files: CheckedFile[] = [];
    for (const draft of drafts) {
      const checked = await checkWithArchives(engine, draft.text, problem ? [] : [reader], { deadlineMs: CLI_DEADLINE_MS });
      problem ??= checked.problems[0]?.problem.message;
      for (const result of checked.results) for (const hit of result.sources) if (!engine.documents.has(hit.passage.docId)) archived.set(hit.passage.docId, checked.documentOf(hit.passage.docId)!);
      files.push({ ...draft, results: checked.results });
    }
    if (problem) console.error(`sourced: ${terminalLine(problem)}`);
    return { files, archives: [{ name: reader.name, server: archiveLabel(url), answered: !problem, ...(problem ? { problem } : {}) }], archived };
  } finally {
    await reader.close();
  }
}
