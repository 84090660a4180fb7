import * as vscode from 'vscode';
import { buildHoverCard } from '../core/render/hoverCard';
import { findVerbatimQuote, quotedSpans } from '../core/render/verbatimQuote';
import type { StatementResult } from '../core/types';
import type { FolderIndex } from './corpusManager';
import { resultAt, type DraftResults } from './draftResults';
import { MARKDOWN_SELECTOR } from './markdownDocuments';
import { OPEN_SOURCE_COMMAND, openSourceLink } from './sourceLocations';

function verbatimQuoteOf(result: StatementResult, index: FolderIndex) {
  if (result.verdict !== 'supported') return undefined;
  for (const span of quotedSpans(result.statement.text)) {
    const quote = findVerbatimQuote(span, index.engine.quotes());
    if (quote) return { speaker: quote.speaker, docId: quote.docId };
  }
  return undefined;
}

/** Hover cards: the verdict of the statement under the mouse and the passages behind it. */
export function registerHover(results: DraftResults): vscode.Disposable {
  return vscode.languages.registerHoverProvider(MARKDOWN_SELECTOR, {
    async provideHover(document, position) {
      const check = await results.check(document);
      if (!check) return undefined;
      const result = resultAt(check.results, document.offsetAt(position));
      if (!result || result.verdict === 'not-a-claim') return undefined;
      const card = new vscode.MarkdownString(
        buildHoverCard({
          result,
          draft: document.getText(),
          documents: check.index.engine.documents,
          openLink: (hit) => openSourceLink(check.index.key, hit.passage.docId, hit.passage.start, hit.passage.end),
          verbatimQuote: verbatimQuoteOf(result, check.index),
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
