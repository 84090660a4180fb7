import { extractStatements } from '../src/core/markdown/statements';
import { parseMarkdown } from '../src/core/markdown/parse';
import { SourcedEngine } from '../src/core/engine';
import * as fs from 'fs';
async function main() {
  const [file, stage] = process.argv.slice(2);
  const text = fs.readFileSync(file, 'utf8');
  let t = Date.now();
  if (stage === 'parse') { parseMarkdown(text); console.log('parse', Date.now() - t); return; }
  const st = extractStatements(text); console.log('extract', Date.now() - t, st.length);
  if (stage === 'extract') return;
  const engine = new SourcedEngine();
  await engine.loadCorpus({ base: '/work/wt/drafts', roots: ['corpus'] });
  t = Date.now();
  const r = engine.checkDraft(text); console.log('check', Date.now() - t, r.length, Math.round(process.memoryUsage().rss/1e6),'MB');
}
main();
