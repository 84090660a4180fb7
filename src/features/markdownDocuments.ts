import * as vscode from 'vscode';

/** Sourced works on Markdown drafts only, saved or not. */
export const MARKDOWN_SELECTOR: vscode.DocumentSelector = [
  { language: 'markdown', scheme: 'file' },
  { language: 'markdown', scheme: 'untitled' },
  { language: 'markdown', scheme: 'vscode-remote' },
];

export function isDraft(document: vscode.TextDocument): boolean {
  return vscode.languages.match(MARKDOWN_SELECTOR, document) > 0;
}

/** The draft's file path for relative source links; undefined for an unsaved draft. */
export function draftPathOf(document: vscode.TextDocument): string | undefined {
  return document.uri.scheme === 'untitled' ? undefined : document.uri.fsPath;
}
