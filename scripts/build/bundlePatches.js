// esbuild plugin: patches that let jsdom and pdfjs-dist run from a CommonJS bundle and inside
// VS Code's extension host. Each patch fails the build if its target changed (check on upgrade).
//   jsdom reads two files beside its sources at load time, which a bundle does not have: inline
//     the default stylesheet and drop the sync-XHR worker path (Sourced never runs page scripts).
//   css-tree's ESM build calls createRequire(import.meta.url), undefined in CommonJS: take its
//     CommonJS build.
//   pdfjs assigns globalThis.navigator when it lacks `language`; VS Code's extension host makes
//     navigator a getter-only property, so that assignment throws: make it best-effort.
//   pg reads globalThis.navigator at load to detect Cloudflare Workers; in VS Code's extension host
//     that read logs a PendingMigrationError in the console: Sourced runs pg only in Node.
//   markdown-it's build defines each class field of each instance through a _defineProperty
//     helper with a computed key (a megamorphic store and a key conversion per field): a Token,
//     made per inline mark, cost 2 us, most of parsing 1 MB of "*_". Each `_defineProperty(this,
//     "name", value)` becomes `(this["name"] = value)`, the same own data property on a fresh
//     instance (no markdown-it class has an accessor or inherited field of such a name).
const fs = require('fs');
const path = require('path');

const computedStyle = /jsdom[\\/]lib[\\/]jsdom[\\/]living[\\/]css[\\/]helpers[\\/]computed-style\.js$/;
const xhrImpl = /jsdom[\\/]lib[\\/]jsdom[\\/]living[\\/]xhr[\\/]XMLHttpRequest-impl\.js$/;
const pdfjsDisplay = /pdfjs-dist[\\/]legacy[\\/]build[\\/]pdf\.mjs$/;
const pgStream = /pg[\\/]lib[\\/]stream\.js$/;
const markdownIt = /markdown-it[\\/]dist[\\/]markdown-it\.(?:mjs|cjs\.js)$/;

function patch(source, pattern, replacement, file) {
  if (!pattern.test(source)) throw new Error(`bundlePatches: ${file} changed; update scripts/build/bundlePatches.js`);
  return source.replace(pattern, replacement);
}

module.exports = {
  name: 'bundle-patches',
  setup(build) {
    build.onResolve({ filter: /^css-tree(\/|$)/ }, (args) => {
      if (args.pluginData === 'css-tree-cjs' || args.kind === 'require-call') return undefined;
      return build.resolve(args.path, { kind: 'require-call', resolveDir: args.resolveDir, pluginData: 'css-tree-cjs' });
    });
    build.onLoad({ filter: computedStyle }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      const css = await fs.promises.readFile(path.resolve(path.dirname(args.path), '../../../browser/default-stylesheet.css'), 'utf8');
      const read = /fs\.readFileSync\(\s*path\.resolve\(__dirname, "\.\.\/\.\.\/\.\.\/browser\/default-stylesheet\.css"\),\s*\{ encoding: "utf-8" \}\s*\)/;
      return { contents: patch(source, read, JSON.stringify(css), args.path), loader: 'js' };
    });
    build.onLoad({ filter: xhrImpl }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      return { contents: patch(source, /require\.resolve\("\.\/xhr-sync-worker\.js"\)/, 'null', args.path), loader: 'js' };
    });
    build.onLoad({ filter: pdfjsDisplay }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      const assignment = /globalThis\.navigator = (\{[^{}]*\});/;
      return { contents: patch(source, assignment, 'try { globalThis.navigator = $1; } catch {}', args.path), loader: 'js' };
    });
    build.onLoad({ filter: markdownIt }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      const fieldDefinition = /_defineProperty\(\s*this,\s*(?:\/\*[\s\S]*?\*\/\s*)?("\w+"),/g;
      return { contents: patch(source, fieldDefinition, '(this[$1] =', args.path), loader: 'js' };
    });
    build.onLoad({ filter: pgStream }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      return { contents: patch(source, /function isCloudflareRuntime\(\) \{/, 'function isCloudflareRuntime() {\n  return false;', args.path), loader: 'js' };
    });
  },
};
