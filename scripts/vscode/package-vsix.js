// Builds the .vsix with `npm run package` (vsce, after the production build) and installs it
// into an extensions folder, as a user's VS Code would.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const paths = require('./paths');

function packageVsix(outFile) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', '--silent', 'package', '--', '--out', outFile], { cwd: paths.repoRoot, encoding: 'utf8' });
  if (result.status !== 0 || !fs.existsSync(outFile)) {
    throw new Error(`npm run package failed:\n${result.stdout}\n${result.stderr}`);
  }
  return outFile;
}

/** Installs with the given VS Code CLI (`[command, ...args]`), or with the VS Code server's own installer. */
function installVsix(vsix, extensionsDir, cli) {
  fs.mkdirSync(extensionsDir, { recursive: true });
  const [command, ...args] = cli || [paths.node24Bin, paths.serverMain, '--accept-server-license-terms'];
  const result = spawnSync(command, [...args, '--extensions-dir', extensionsDir, '--install-extension', vsix], { encoding: 'utf8' });
  const installed = fs.readdirSync(extensionsDir).some((name) => name.startsWith('sourced-dev.sourced-'));
  if (result.status !== 0 || !installed) {
    throw new Error(`installing ${path.basename(vsix)} failed:\n${result.stdout}\n${result.stderr}`);
  }
}

module.exports = { packageVsix, installVsix };
