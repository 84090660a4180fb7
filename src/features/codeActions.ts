import * as vscode from 'vscode';
import { planCitation } from '../core/citations/citation';
import { sourceTitle } from '../core/text/documentTitle';
import type { StatementResult } from '../core/types';
import { applyEditsCommand, type OffsetEdit } from './applyEdits';
import { DIAGNOSTIC_SOURCE, isProblem } from './diagnostics';
import type { DraftCheck, DraftResults } from './draftResults';
import { citationPlaceOf, MARKDOWN_SELECTOR } from './markdownDocuments';
import { citationStyle } from './settings';

export const CHECKED_MARK = '<!-- sourced: checked -->';

function action(title: string, check: DraftCheck, edits: OffsetEdit[], diagnostic?: vscode.Diagnostic, preferred = false): vscode.CodeAction {
  const codeAction = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  codeAction.command = applyEditsCommand(title, check.document, check.version, edits);
  if (diagnostic) codeAction.diagnostics = [diagnostic];
  codeAction.isPreferred = preferred;
  return codeAction;
}

function overlaps(result: StatementResult, start: number, end: number): boolean {
  return result.statement.start <= end && start <= result.statement.end;
}

/** Fixes for one flagged statement: the core's fix, and "mark as checked" for a false alarm. */
function problemActions(check: DraftCheck, result: StatementResult, diagnostic: vscode.Diagnostic): vscode.CodeAction[] {
  const actions: vscode.CodeAction[] = [];
  if (result.fix) {
    const { start, end, replacement, title } = result.fix;
    actions.push(action(title, check, [{ start, end, text: replacement }], diagnostic, true));
  }
  actions.push(action('Mark as checked (Sourced will not flag this sentence again)', check, [{ start: result.statement.end, end: result.statement.end, text: ` ${CHECKED_MARK}` }], diagnostic));
  return actions;
}

/** A citation for a supported statement that has none right after it. */
function citationAction(check: DraftCheck, result: StatementResult): vscode.CodeAction | undefined {
  const hit = result.sources[0];
  const doc = hit && check.index.engine.documents.get(hit.passage.docId);
  const text = check.document.getText();
  if (!doc || /^\s*(\[\^|\[@|\(\[)/.test(text.slice(result.statement.end, result.statement.end + 4))) return undefined;
  const plan = planCitation({
    markdown: text,
    doc,
    passage: hit.passage,
    style: citationStyle(check.document.uri),
    ...citationPlaceOf(check.document),
  });
  const edits: OffsetEdit[] = [{ start: result.statement.end, end: result.statement.end, text: plan.inline }];
  if (plan.definition) edits.push({ start: plan.definition.offset, end: plan.definition.offset, text: plan.definition.text });
  const title = `Insert citation: ${sourceTitle(doc) ?? 'untitled source'}`;
  return action(title, check, edits);
}

/** Quick fixes for Sourced's diagnostics, and a citation for supported statements. */
export function registerCodeActions(results: DraftResults): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    MARKDOWN_SELECTOR,
    {
      async provideCodeActions(document, range, context) {
        const check = await results.check(document);
        if (!check) return undefined;
        const start = document.offsetAt(range.start);
        const end = document.offsetAt(range.end);
        const actions: vscode.CodeAction[] = [];
        for (const diagnostic of context.diagnostics) {
          if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
          const dStart = document.offsetAt(diagnostic.range.start);
          const dEnd = document.offsetAt(diagnostic.range.end);
          const result = check.results.find((r) => r.verdict === diagnostic.code && isProblem(r) && overlaps(r, dStart, dEnd));
          if (result) actions.push(...problemActions(check, result, diagnostic));
        }
        for (const result of check.results) {
          if (result.verdict !== 'supported' || !overlaps(result, start, end)) continue;
          const cite = citationAction(check, result);
          if (cite) actions.push(cite);
        }
        return actions;
      },
    },
    { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
  );
}
