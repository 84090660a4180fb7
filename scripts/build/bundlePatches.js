// esbuild plugin that lets jsdom run from a bundle. jsdom reads two files next to its own
// sources when it is loaded, which a bundle does not have: inline the default stylesheet and
// drop the sync-XHR worker path (Sourced never runs page scripts, so sync XHR never happens).
// css-tree's ESM build calls createRequire(import.meta.url), which is undefined in CommonJS:
// always take its CommonJS build.
const fs = require('fs');
const path = require('path');

const computedStyle = /jsdom[\\/]lib[\\/]jsdom[\\/]living[\\/]css[\\/]helpers[\\/]computed-style\.js$/;
const xhrImpl = /jsdom[\\/]lib[\\/]jsdom[\\/]living[\\/]xhr[\\/]XMLHttpRequest-impl\.js$/;

function replaceOnce(source, from, to, file) {
  if (!source.includes(from)) throw new Error(`jsdomPlugin: ${file} changed; update scripts/build/jsdomPlugin.js`);
  return source.replace(from, to);
}

module.exports = {
  name: 'jsdom-bundle',
  setup(build) {
    build.onResolve({ filter: /^css-tree(\/|$)/ }, (args) => {
      if (args.pluginData === 'css-tree-cjs' || args.kind === 'require-call') return undefined;
      return build.resolve(args.path, { kind: 'require-call', resolveDir: args.resolveDir, pluginData: 'css-tree-cjs' });
    });
    build.onLoad({ filter: computedStyle }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      const css = await fs.promises.readFile(path.resolve(path.dirname(args.path), '../../../browser/default-stylesheet.css'), 'utf8');
      const read = /fs\.readFileSync\(\s*path\.resolve\(__dirname, "\.\.\/\.\.\/\.\.\/browser\/default-stylesheet\.css"\),\s*\{ encoding: "utf-8" \}\s*\)/;
      if (!read.test(source)) throw new Error(`jsdomPlugin: ${args.path} changed; update scripts/build/jsdomPlugin.js`);
      return { contents: source.replace(read, JSON.stringify(css)), loader: 'js' };
    });
    build.onLoad({ filter: xhrImpl }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      return { contents: replaceOnce(source, 'require.resolve("./xhr-sync-worker.js")', 'null', args.path), loader: 'js' };
    });
  },
};
