import * as vscode from 'vscode';
import { sourceLines } from '../core/citations/sourceLines';
import type { SourceDocument } from '../core/types';

export const OPEN_SOURCE_COMMAND = 'sourced.openSource';
/** Read-only views of sources whose indexed text is extracted (PDF, HTML, DOCX). */
export const EXTRACTED_SCHEME = 'sourced-source';

/** Where a source's text lives: the file itself for text formats, a read-only extract otherwise. */
export function sourceUri(doc: SourceDocument): vscode.Uri {
  if (doc.format === 'text' || doc.format === 'markdown') return vscode.Uri.file(doc.path);
  // A source outside the base folder has an absolute id; "//..." would be no valid URI path.
  return vscode.Uri.from({ scheme: EXTRACTED_SCHEME, path: `/${doc.id.replace(/^\/+/u, '')}.txt`, query: doc.path });
}

export function sourceRange(doc: SourceDocument, start: number, end: number): vscode.Range {
  const lines = sourceLines(doc);
  const from = lines.positionAt(start);
  const to = lines.positionAt(end);
  return new vscode.Range(from.line, from.character, to.line, to.character);
}

export function sourceLocation(doc: SourceDocument, start: number, end: number): vscode.Location {
  return new vscode.Location(sourceUri(doc), sourceRange(doc, start, end));
}

/** A `command:` link for a hover card that opens the source at [start, end). */
export function openSourceLink(folderKey: string, docId: string, start: number, end: number): string {
  // encodeURIComponent leaves ( and ) alone; a file name with an unbalanced ")" would end the Markdown link early.
  const args = encodeURIComponent(JSON.stringify([folderKey, docId, start, end])).replace(/[()]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `command:${OPEN_SOURCE_COMMAND}?${args}`;
}
