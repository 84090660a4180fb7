// Builds the extension, tests and scripts with the project's esbuild script.
const { spawnSync } = require('child_process');
const paths = require('./paths');

function build(...flags) {
  const result = spawnSync(process.execPath, ['esbuild.js', ...flags], { cwd: paths.repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`build failed: node esbuild.js ${flags.join(' ')}`);
}

module.exports = { build };
