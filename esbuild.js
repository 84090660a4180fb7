// Bundles the extension, the CLI and the test suites. Everything is bundled (ESM-only
// dependencies included), so Node runs plain CommonJS files and the .vsix needs no node_modules.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');
const { buildLexicon } = require('./scripts/build/lexicon');

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const withTests = args.has('--tests');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  // Node 18 reads \p{L} and the other general categories in a regular expression literal; without
  // this, esbuild writes each such literal as new RegExp(...), built again every time the code
  // runs (per word, in the checker's hot loops).
  supported: { 'regexp-unicode-property-escapes': true },
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // canvas is an optional peer of jsdom/pdfjs that Sourced never uses.
  external: ['vscode', 'canvas', 'bufferutil', 'utf-8-validate'],
  // jsdom and pdfjs (HTML and PDF sources) need patches to run from a bundle; see the plugin.
  plugins: [require('./scripts/build/bundlePatches')],
};

function listFiles(dir, suffix) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(full, suffix);
    return entry.name.endsWith(suffix) ? [full] : [];
  });
}

function builds() {
  const list = [
    { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js' },
    { ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
    // Indexing runs on a worker thread (src/core/worker); the worker needs its own bundle.
    { ...common, entryPoints: ['src/core/worker/indexWorker.ts'], outfile: 'dist/indexWorker.js' },
    // Drafts are checked on a worker too (src/core/worker/draftCheckWorker), so a long check never blocks the editor.
    { ...common, entryPoints: ['src/core/worker/checkWorker.ts'], outfile: 'dist/checkWorker.js' },
    // A cold load's per-file extraction is shared with a helper thread (src/core/worker/parallelLoad).
    { ...common, entryPoints: ['src/core/worker/extractWorker.ts'], outfile: 'dist/extractWorker.js' },
    // HTML/PDF/DOCX extractors (jsdom, pdfjs: ~17 MB) are separate files, loaded only when such a source exists.
    { ...common, entryPoints: ['html', 'pdf', 'docx'].map((f) => `src/core/formats/${f}.ts`), outdir: 'dist/formats', outbase: 'src/core/formats' },
  ];
  if (withTests) {
    const unit = listFiles('test/unit', '.test.ts');
    const integration = listFiles('test/integration', '.ts');
    const scripts = listFiles('scripts', '.ts');
    // playwright-core (the HTML report's browser test) runs from node_modules, as in the scripts.
    if (unit.length) list.push({ ...common, entryPoints: unit, outdir: 'out/test/unit', outbase: 'test/unit', external: [...common.external, 'mocha', 'playwright-core'] });
    if (integration.length) list.push({ ...common, entryPoints: integration, outdir: 'out/test/integration', outbase: 'test/integration', external: [...common.external, 'mocha'] });
    if (scripts.length) list.push({ ...common, entryPoints: scripts, outdir: 'out/scripts', outbase: 'scripts' });
  }
  return list;
}

async function main() {
  // Language data (word vectors, WordNet) for src/core/lexicon: into dist/, and out/ for tests.
  buildLexicon(withTests ? ['dist', 'out'] : ['dist']);
  const list = builds().filter((b) => b.entryPoints.every((e) => fs.existsSync(e)));
  if (watch) {
    const contexts = await Promise.all(list.map((b) => esbuild.context(b)));
    await Promise.all(contexts.map((c) => c.watch()));
    console.log('esbuild: watching for changes');
    return;
  }
  await Promise.all(list.map((b) => esbuild.build(b)));
}

main().catch((error) => {
  console.error(error.message || error);
  process.exit(1);
});
