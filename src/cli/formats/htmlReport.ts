// HTML output for an editor who does not use VS Code: each draft with every statement coloured
// by its verdict and the evidence beside it. One self-contained file: no script, no remote
// content, and a Content-Security-Policy that allows only its own style sheet.
import { createHash } from 'node:crypto';
import { isFlagged } from '../../core/check/results';
import { sourceLines } from '../../core/citations/sourceLines';
import { splitByTerms } from '../../core/render/highlight';
import { cleanText, withoutInvisible } from '../../core/render/markdownEscape';
import { sourceTitle } from '../../core/text/documentTitle';
import { VERDICT_LABELS } from '../../core/render/verdictLabels';
import type { PassageHit, StatementResult } from '../../core/types';
import { sourcePath, type CheckedFile, type CheckReport } from '../checkReport';
import { REPORT_CSS } from './htmlReportStyle';

/** Passages shown beside a statement: enough to verify, few enough to read. */
const EVIDENCE_PER_STATEMENT = 2;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text: escaped, with invisible and direction-changing characters dropped. */
function html(text: string): string {
  return withoutInvisible(text).replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

/** The colour family of a verdict: the problems share one, an unsupported claim has its own. */
function verdictClass(verdict: StatementResult['verdict']): string {
  if (verdict === 'unsupported-claim' || verdict === 'supported' || verdict === 'not-a-claim') return verdict;
  return `problem ${verdict}`;
}

function evidence(report: CheckReport, hit: PassageHit): string {
  const doc = report.engine.documents.get(hit.passage.docId);
  const passage = splitByTerms(cleanText(hit.passage.text), hit.matchedTerms)
    .map((s) => (s.match ? `<b>${html(s.text)}</b>` : html(s.text)))
    .join('');
  if (!doc) return `<blockquote>${passage}</blockquote>`;
  const { outlet, author, date, url } = doc.metadata;
  const line = sourceLines(doc).positionAt(hit.passage.start).line + 1;
  const file = `${sourcePath(report, doc.id)}, line ${line}`;
  const byline = [outlet, author, date].filter((p): p is string => !!p?.trim()).map(html);
  const title = html(sourceTitle(doc) ?? file);
  const named = url ? `<a href="${html(url)}" rel="noreferrer noopener">${title}</a>` : title;
  return `<blockquote>${passage}</blockquote><cite>${[named, ...byline, html(file)].join(' · ')}</cite>`;
}

function note(report: CheckReport, result: StatementResult, n: number, id: string): string {
  const hits = result.sources.slice(0, EVIDENCE_PER_STATEMENT).map((hit) => evidence(report, hit)).join('');
  return `<div class="note ${verdictClass(result.verdict)}" id="${id}"><span class="verdict">${n} ${html(VERDICT_LABELS[result.verdict])}</span><p class="message">${html(result.message)}</p>${hits}</div>`;
}

/** A statement's text, the part in question (a quote, a figure) in bold when it is narrower. */
function marked(text: string, start: number, end: number, focus?: { start: number; end: number }): string {
  if (!focus || focus.start < start || focus.end > end || (focus.start === start && focus.end === end)) return html(text.slice(start, end));
  return `${html(text.slice(start, focus.start))}<strong>${html(text.slice(focus.start, focus.end))}</strong>${html(text.slice(focus.end, end))}`;
}

interface Block {
  start: number;
  end: number;
  results: StatementResult[];
}

/** The draft cut into rows: each statement's block, and the text between (headings, lists without claims). */
function blocks(file: CheckedFile): Block[] {
  const rows: Block[] = [];
  for (const result of file.results) {
    const { blockStart, blockEnd } = result.statement;
    const last = rows.at(-1);
    if (last && blockStart < last.end) last.results.push(result);
    else rows.push({ start: blockStart, end: blockEnd, results: [result] });
  }
  const all: Block[] = [];
  let at = 0;
  for (const row of [...rows, { start: file.text.length, end: file.text.length, results: [] }]) {
    for (const part of file.text.slice(at, row.start).split(/\n\s*\n/)) {
      const offset = file.text.indexOf(part, at);
      if (part.trim()) all.push({ start: offset, end: offset + part.length, results: [] });
      at = offset + part.length;
    }
    if (row.end > row.start) all.push(row);
    at = Math.max(at, row.end);
  }
  return all;
}

function fileSection(report: CheckReport, file: CheckedFile, index: number): string {
  let n = 0;
  const rows = blocks(file).map((block) => {
    const notes: string[] = [];
    let text = '';
    let at = block.start;
    for (const result of block.results) {
      const start = Math.max(at, result.statement.start);
      const end = Math.min(block.end, result.statement.end);
      text += html(file.text.slice(at, start));
      if (result.verdict === 'not-a-claim') {
        text += `<mark class="not-a-claim">${html(file.text.slice(start, end))}</mark>`;
      } else {
        const id = `f${index}-${++n}`;
        text += `<mark class="${verdictClass(result.verdict)}" title="${html(VERDICT_LABELS[result.verdict])}">${marked(file.text, start, end, result.focus)}</mark><sup class="ref">${n}</sup>`;
        notes.push(note(report, result, n, id));
      }
      at = end;
    }
    text += html(file.text.slice(at, block.end));
    const heading = block.results.length === 0 && /^#{1,6}\s/.test(file.text.slice(block.start, block.end));
    return `<div class="row${heading ? ' heading' : ''}"><div class="text">${heading ? text.replace(/^#{1,6}\s+/, '') : text}</div><aside class="notes">${notes.join('')}</aside></div>`;
  });
  return `<section><h2>${html(file.path)}</h2>${rows.join('\n')}</section>`;
}

function summary(report: CheckReport): string {
  const results = report.files.flatMap((f) => f.results).filter((r) => r.verdict !== 'not-a-claim');
  const flagged = results.filter((r) => isFlagged(r.verdict)).length;
  const files = report.files.length === 1 ? '1 draft' : `${report.files.length} drafts`;
  return `${results.length} statements in ${files} checked against ${report.load.documents} sources in ${html(report.corpusRoot)}: ${flagged === 0 ? 'nothing flagged' : `${flagged} flagged`}.`;
}

export function htmlFormat(report: CheckReport): string {
  const styleHash = createHash('sha256').update(REPORT_CSS).digest('base64');
  const csp = `default-src 'none'; style-src 'sha256-${styleHash}'; img-src 'none'; base-uri 'none'; form-action 'none'`;
  const title = report.files.length === 1 ? report.files[0].path : `${report.files.length} drafts`;
  const legend = (['supported', 'unsupported-claim', 'misquote', 'not-a-claim'] as const)
    .map((v) => `<li><mark class="${verdictClass(v)}">${v === 'misquote' ? 'Misquote, unverified quote, misattribution, wrong figure' : html(VERDICT_LABELS[v].replace(/^\W+/u, ''))}</mark></li>`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sourced check: ${html(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header><h1>Sourced check</h1><p class="summary">${summary(report)}</p><ul class="legend">${legend}</ul></header>
${report.files.map((file, i) => fileSection(report, file, i)).join('\n')}
</body>
</html>
`;
}
