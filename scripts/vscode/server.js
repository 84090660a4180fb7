// Starts VS Code's server (server-main.js from code-server) in its own process group, waits
// until it answers, and builds workbench URLs carrying a development payload.
const { spawn } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');
const paths = require('./paths');
const { onCleanup, killGroup, trackGroup } = require('./cleanup');

const HOST = '127.0.0.1';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function answers(url) {
  return new Promise((resolve) => {
    const request = http.get(url, (response) => {
      response.resume();
      resolve(response.statusCode !== undefined && response.statusCode < 500);
    });
    request.on('error', () => resolve(false));
    request.setTimeout(2000, () => request.destroy());
  });
}

function tail(file, lines = 30) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no server log)';
  }
}

/**
 * Starts the server. `port` 0 picks a free one; `extensionsDir` defaults to an empty
 * temporary folder (so only the development extension loads); `env` reaches the extension host.
 */
async function startServer({ port = 0, extensionsDir, env = process.env } = {}) {
  if (!fs.existsSync(paths.serverMain)) {
    throw new Error(`VS Code server missing at ${paths.serverMain}; run: node scripts/vscode/install.js`);
  }
  const chosenPort = port || (await freePort());
  const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-vscode-'));
  const extensions = extensionsDir || path.join(dataRoot, 'extensions');
  for (const dir of [extensions, path.join(dataRoot, 'user-data'), path.join(dataRoot, 'server-data')]) {
    fs.mkdirSync(dir, { recursive: true });
  }
  const logFile = path.join(dataRoot, 'server.log');
  const logFd = fs.openSync(logFile, 'a');
  const args = [
    paths.serverMain,
    '--host', HOST,
    '--port', String(chosenPort),
    '--without-connection-token',
    '--accept-server-license-terms',
    // Without it the workbench ignores the development payload (extensionDevelopmentPath, tests).
    '--enable-smoke-test-driver',
    '--disable-telemetry',
    // Restricted Mode would disable the extension under test in the workspaces it opens.
    '--disable-workspace-trust',
    '--extensions-dir', extensions,
    '--user-data-dir', path.join(dataRoot, 'user-data'),
    '--server-data-dir', path.join(dataRoot, 'server-data'),
  ];
  const child = spawn(paths.node24Bin, args, { detached: true, stdio: ['ignore', logFd, logFd], env });
  fs.closeSync(logFd);
  let exited = null;
  child.on('exit', (code, signal) => (exited = signal || `exit ${code}`));

  const untrack = trackGroup(child.pid);
  const stop = onCleanup(async () => {
    // The server starts helpers (file watcher, extension host, agent host): end the whole group.
    if (killGroup(child.pid, 'SIGTERM')) {
      const deadline = Date.now() + 3000;
      while (killGroup(child.pid, 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      killGroup(child.pid, 'SIGKILL');
    }
    untrack();
    fs.rmSync(dataRoot, { recursive: true, force: true });
  });

  const origin = `http://${HOST}:${chosenPort}`;
  const deadline = Date.now() + 60_000;
  while (!(await answers(`${origin}/version`))) {
    if (exited || Date.now() > deadline) {
      const log = tail(logFile);
      await stop();
      throw new Error(`VS Code server did not start (${exited || 'no answer in 60 s'}). Server log:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { origin, port: chosenPort, logFile, stop };
}

/** A file path as the browser workbench sees it: a vscode-remote URI on this server. */
function remoteUri(server, absolutePath) {
  return `vscode-remote://${HOST}:${server.port}${path.resolve(absolutePath)}`;
}

/**
 * The workbench URL opening `folder` (or a multi-root `.code-workspace` file), with payload
 * entries such as ["extensionDevelopmentPath", uri].
 */
function workbenchUrl(server, folder, payload) {
  const kind = folder.endsWith('.code-workspace') ? 'workspace' : 'folder';
  const query = `${kind}=${encodeURIComponent(path.resolve(folder))}`;
  return payload.length ? `${server.origin}/?${query}&payload=${encodeURIComponent(JSON.stringify(payload))}` : `${server.origin}/?${query}`;
}

module.exports = { startServer, remoteUri, workbenchUrl, tail };
