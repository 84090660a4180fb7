import * as vscode from 'vscode';
import type { CitationStyle } from '../core/citations/citation';
import type { ProblemCode } from '../core/types';

export type CheckOn = 'type' | 'save' | 'command';

const SEVERITIES: Record<string, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

const DEFAULT_SEVERITY: Record<ProblemCode, string> = {
  'unsupported-claim': 'information',
  misquote: 'warning',
  'unverified-quote': 'warning',
  misattribution: 'warning',
  'number-mismatch': 'warning',
};

function config(scope?: vscode.ConfigurationScope): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('sourced', scope);
}

/** Corpus folders or globs for a workspace folder (relative to it, or absolute). */
export function corpusRoots(scope?: vscode.ConfigurationScope): string[] {
  const value = config(scope).get<string[] | string>('corpus', ['corpus']);
  const list = Array.isArray(value) ? value : [value];
  return list.filter((root) => typeof root === 'string' && root.trim().length > 0);
}

export function citationStyle(scope?: vscode.ConfigurationScope): CitationStyle {
  const style = config(scope).get<string>('citationStyle', 'footnote');
  return style === 'link' || style === 'pandoc' ? style : 'footnote';
}

export function checkOn(scope?: vscode.ConfigurationScope): CheckOn {
  const when = config(scope).get<string>('checkOn', 'type');
  return when === 'save' || when === 'command' ? when : 'type';
}

export function checkDelayMs(scope?: vscode.ConfigurationScope): number {
  return Math.max(0, config(scope).get<number>('checkDelay', 500));
}

export function severityOf(code: ProblemCode, scope?: vscode.ConfigurationScope): vscode.DiagnosticSeverity {
  const configured = config(scope).get<Record<string, string>>('severity', {})[code];
  return SEVERITIES[configured ?? ''] ?? SEVERITIES[DEFAULT_SEVERITY[code]];
}
