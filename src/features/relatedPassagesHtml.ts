import { randomBytes } from 'crypto';
import * as vscode from 'vscode';

/** Shown until a draft's paragraph or a search gives the view something to list. */
export const NO_DRAFT_HINT = 'Open a Markdown draft and put the cursor in a paragraph to see the passages of your sources that relate to it, or search the sources above.';

/** The view's page: local script and style only, inline script blocked by a nonce-based CSP. */
export function relatedPassagesHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'relatedPassages.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'relatedPassages.css'));
  const csp = [`default-src 'none'`, `style-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`, `img-src ${webview.cspSource}`, `font-src ${webview.cspSource}`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link href="${style}" rel="stylesheet">
  <title>Related Passages</title>
</head>
<body>
  <form id="search" role="search">
    <input id="query" type="search" placeholder="Search the sources" aria-label="Search the sources">
  </form>
  <p id="context" class="context" aria-live="polite"></p>
  <main id="results" aria-label="Related passages"><p class="note">${NO_DRAFT_HINT}</p></main>
  <script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
