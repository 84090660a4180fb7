// The HTML report's only style sheet; the report's CSP allows exactly this text by its hash.
export const REPORT_CSS = `
:root {
  color-scheme: light dark;
  --ink: #1f2328; --muted: #59636e; --paper: #ffffff; --rule: #d1d9e0; --card: #f6f8fa;
  --supported: #1a7f37; --supported-bg: #dafbe1;
  --problem: #cf222e; --problem-bg: #ffebe9;
  --unsupported: #9a6700; --unsupported-bg: #fff8c5;
}
@media (prefers-color-scheme: dark) {
  :root {
    --ink: #e6edf3; --muted: #9198a1; --paper: #0d1117; --rule: #3d444d; --card: #151b23;
    --supported: #3fb950; --supported-bg: #12261e;
    --problem: #f85149; --problem-bg: #2d1517;
    --unsupported: #d29922; --unsupported-bg: #2e2611;
  }
}
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 32px 48px; background: var(--paper); color: var(--ink); font: 16px/1.55 Georgia, "Times New Roman", serif; }
header, h2, .note, .legend, .summary { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
h1 { font: 600 22px/1.3 system-ui, sans-serif; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 32px 0 8px; padding-bottom: 6px; border-bottom: 1px solid var(--rule); word-break: break-all; }
.summary { color: var(--muted); margin: 0 0 10px; font-size: 14px; }
.legend { display: flex; flex-wrap: wrap; gap: 8px 16px; padding: 0; margin: 0; list-style: none; font-size: 13px; }
.row { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 24px; padding: 10px 0; border-bottom: 1px solid var(--rule); }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
.heading .text { font: 600 20px/1.35 system-ui, sans-serif; }
mark { color: inherit; background: none; border-bottom: 3px solid; padding: 1px 0; }
mark.supported { background: var(--supported-bg); border-color: var(--supported); }
mark.problem { background: var(--problem-bg); border-color: var(--problem); }
mark.unsupported-claim { background: var(--unsupported-bg); border-color: var(--unsupported); }
mark.not-a-claim { border-bottom: 0; }
mark strong { text-decoration: underline wavy; text-underline-offset: 3px; }
sup.ref { font: 600 11px system-ui, sans-serif; color: var(--muted); padding-left: 2px; }
.notes { display: flex; flex-direction: column; gap: 10px; }
.note { background: var(--card); border-left: 4px solid var(--rule); border-radius: 4px; padding: 8px 12px; font-size: 14px; line-height: 1.45; }
.note.supported { border-left-color: var(--supported); }
.note.problem { border-left-color: var(--problem); }
.note.unsupported-claim { border-left-color: var(--unsupported); }
.verdict { font-weight: 600; }
.note.supported .verdict { color: var(--supported); }
.note.problem .verdict { color: var(--problem); }
.note.unsupported-claim .verdict { color: var(--unsupported); }
.message { margin: 2px 0 6px; }
blockquote { margin: 6px 0 2px; padding: 0 0 0 10px; border-left: 2px solid var(--rule); font-family: Georgia, serif; overflow-wrap: anywhere; }
blockquote b { background: var(--supported-bg); font-weight: 600; }
.note.problem blockquote b, .note.unsupported-claim blockquote b { background: none; }
cite { display: block; font-style: normal; color: var(--muted); font-size: 12.5px; overflow-wrap: anywhere; }
a { color: inherit; }
@media (max-width: 760px) { .row { grid-template-columns: 1fr; gap: 8px; } body { padding: 16px; } }
@media print { body { padding: 0; } .row { break-inside: avoid; } }
`;
