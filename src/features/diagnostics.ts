import * as vscode from 'vscode';
import { cleanText } from '../core/render/markdownEscape';
import type { ProblemCode, StatementResult } from '../core/types';
import type { CorpusManager, FolderIndex } from './corpusManager';
import type { DraftCheck, DraftResults } from './draftResults';
import { MAX_DRAFT_CHARS } from '../core/engineApi';
import { isDraft } from './markdownDocuments';
import { checkDelayMs, checkOn, severityOf } from './settings';
import { sourceLocation } from './sourceLocations';
import { isFlagged } from '../core/check/results';

export const DIAGNOSTIC_SOURCE = 'Sourced';

export function isProblem(result: StatementResult): result is StatementResult & { verdict: ProblemCode } {
  return isFlagged(result.verdict) && !result.statement.checked;
}

function toDiagnostic(document: vscode.TextDocument, index: FolderIndex, result: StatementResult & { verdict: ProblemCode }): vscode.Diagnostic {
  const span = result.focus ?? result.statement;
  const range = new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
  // Source words reach the Problems panel as plain text, but without controls or direction overrides that could disguise them.
  const diagnostic = new vscode.Diagnostic(range, cleanText(result.message), severityOf(result.verdict, document.uri));
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = result.verdict;
  diagnostic.relatedInformation = result.sources.slice(0, 3).flatMap((hit) => {
    const doc = index.engine.documents.get(hit.passage.docId);
    return doc ? [new vscode.DiagnosticRelatedInformation(sourceLocation(doc, hit.passage.start, hit.passage.end), `Source: ${cleanText(hit.passage.text.slice(0, 160))}`)] : [];
  });
  return diagnostic;
}

/** Fills the Problems panel from check results, as the user types, saves or asks. */
export class Diagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('sourced');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Drafts already told they are too large to check, so the message is not repeated on every edit. */
  private readonly toldTooLarge = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [this.collection];

  constructor(
    private readonly results: DraftResults,
    corpus: CorpusManager,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.onEvent(d, 'open')),
      vscode.workspace.onDidChangeTextDocument((e) => this.onEvent(e.document, 'type')),
      vscode.workspace.onDidSaveTextDocument((d) => this.onEvent(d, 'save')),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.collection.delete(d.uri);
        this.toldTooLarge.delete(d.uri.toString());
        this.results.forget(d);
      }),
      // A changed corpus changes verdicts: refresh drafts that were checked before.
      corpus.onDidChange(() => this.refresh()),
    );
    for (const d of vscode.workspace.textDocuments) this.onEvent(d, 'open');
  }

  /** Checks again the drafts that were checked before (the sources changed). */
  refresh(): void {
    for (const d of vscode.workspace.textDocuments) if (isDraft(d) && (checkOn(d.uri) !== 'command' || this.collection.has(d.uri))) this.schedule(d);
  }

  private onEvent(document: vscode.TextDocument, event: 'open' | 'type' | 'save'): void {
    if (!isDraft(document)) return;
    const mode = checkOn(document.uri);
    if (mode === 'command') return;
    if (event === 'type' && mode === 'save') return;
    this.schedule(document);
  }

  private schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.check(document);
      }, checkDelayMs(document.uri)),
    );
  }

  /** Checks a draft now; returns its diagnostics, or undefined when the draft changed meanwhile. */
  async check(document: vscode.TextDocument): Promise<vscode.Diagnostic[] | undefined> {
    // The statements on screen are checked first, then the rest in parts: problems show as they are found.
    const check = await this.results.check(document, (shown) => this.show(shown));
    if (!check) return undefined;
    if (check.tooLarge) this.tellTooLarge(document);
    return this.show(check);
  }

  private show(check: DraftCheck): vscode.Diagnostic[] | undefined {
    // Results for an older version are dropped; the newer version has its own check coming.
    if (check.document.version !== check.version) return undefined;
    const diagnostics = check.results.filter(isProblem).map((r) => toDiagnostic(check.document, check.index, r));
    this.collection.set(check.document.uri, diagnostics);
    return diagnostics;
  }

  private tellTooLarge(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    if (this.toldTooLarge.has(key)) return;
    this.toldTooLarge.add(key);
    const size = (document.getText().length / 1_000_000).toFixed(1);
    void vscode.window.showWarningMessage(`Sourced: ${vscode.workspace.asRelativePath(document.uri)} is ${size} million characters; drafts over ${MAX_DRAFT_CHARS / 1_000_000} million are not checked. Split it into smaller drafts to check it.`);
  }

  registerCommand(): vscode.Disposable {
    return vscode.commands.registerCommand('sourced.checkUnsupportedClaims', async () => {
      const document = vscode.window.activeTextEditor?.document;
      if (!document || !isDraft(document)) {
        void vscode.window.showInformationMessage('Sourced: open a Markdown draft to check it.');
        return undefined;
      }
      const diagnostics = await this.check(document);
      return diagnostics?.length;
    });
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const d of this.disposables) d.dispose();
  }
}
