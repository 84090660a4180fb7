import * as vscode from 'vscode';
import type { CitationPlace } from '../core/citations/citation';

/** Sourced works on Markdown drafts only, saved or not. */
export const MARKDOWN_SELECTOR: vscode.DocumentSelector = [
  { language: 'markdown', scheme: 'file' },
  { language: 'markdown', scheme: 'untitled' },
  { language: 'markdown', scheme: 'vscode-remote' },
];

export function isDraft(document: vscode.TextDocument): boolean {
  return vscode.languages.match(MARKDOWN_SELECTOR, document) > 0;
}

/** Where a draft sits, for citations: its workspace folder (sources outside it are cited without a path) and its file. */
export function citationPlaceOf(document: vscode.TextDocument): CitationPlace {
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  return {
    workspaceFolder: folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined,
    draftPath: document.uri.scheme === 'untitled' ? undefined : document.uri.fsPath,
  };
}
