import * as vscode from 'vscode';
import type { Archives } from './archives';
import { buildHoverCard } from '../core/render/hoverCard';
import type { StatementResult } from '../core/types';
import { resultAt, type DraftResults } from './draftResults';
import { isProblem } from './diagnostics';
import { MARKDOWN_SELECTOR } from './markdownDocuments';
import { OPEN_SOURCE_COMMAND, openSourceLink } from './sourceLocations';

/** The quotation the check found word for word in a source, as the verdict used it (never matched again here). */
function verbatimQuoteOf(result: StatementResult) {
  if (result.verdict !== 'supported') return undefined;
  const quote = result.quotes?.find((q) => q.outcome === 'verbatim' && q.docId);
  return quote && { speaker: quote.speaker, docId: quote.docId! };
}

/** Hover cards: the verdict of the statement under the mouse and the passages behind it. */
export function registerHover(results: DraftResults, archives?: Archives): vscode.Disposable {
  return vscode.languages.registerHoverProvider(MARKDOWN_SELECTOR, {
    async provideHover(document, position) {
      const check = await results.check(document);
      if (!check) return undefined;
      const result = resultAt(check.results, document.offsetAt(position));
      if (!result || result.verdict === 'not-a-claim') return undefined;
      const offset = document.offsetAt(position);
      const flagged = result.focus ?? result.statement;
      const card = new vscode.MarkdownString(
        buildHoverCard({
          result,
          draft: document.getText(),
          documents: archives ? archives.documentsWith(check.index.engine.documents) : check.index.engine.documents,
          openLink: (hit) => openSourceLink(check.index.key, hit.passage.docId, hit.passage.start, hit.passage.end),
          verbatimQuote: verbatimQuoteOf(result),
          // VS Code shows a diagnostic's message in the hover over its range (the focus, else the statement).
          problemShown: isProblem(result) && offset >= flagged.start && offset <= flagged.end,
        }),
      );
      // Source text is escaped in the card; only Sourced's own command links are trusted.
      card.isTrusted = { enabledCommands: [OPEN_SOURCE_COMMAND] };
      card.supportHtml = false;
      card.supportThemeIcons = false;
      const range = new vscode.Range(document.positionAt(result.statement.start), document.positionAt(result.statement.end));
      return new vscode.Hover(card, range);
    },
  });
}
