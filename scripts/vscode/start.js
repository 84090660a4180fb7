// `npm start`: builds the extension and opens VS Code on sample/ with the extension in
// development mode: the desktop `code` when it is on PATH, otherwise VS Code in the browser
// (this prints the URL to open and runs until Ctrl-C). SOURCED_PORT picks the port.
const { spawnSync, spawn } = require('child_process');
const path = require('path');
const paths = require('./paths');
const { build } = require('./build');

const sample = path.join(paths.repoRoot, 'sample');
const draft = path.join(sample, 'drafts', 'sample-story.md');

function desktopCodeOnPath() {
  if (process.env.SOURCED_VSCODE_RUNNER === 'server') return false;
  return spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
}

async function serveInBrowser() {
  const { ensureVsCodeServer } = require('./install');
  const { startServer, remoteUri, workbenchUrl } = require('./server');
  ensureVsCodeServer();
  const server = await startServer({ port: Number(process.env.SOURCED_PORT) || 0 });
  const url = workbenchUrl(server, sample, [
    ['extensionDevelopmentPath', remoteUri(server, paths.repoRoot)],
    ['skipWelcome', 'true'],
    ['openFile', remoteUri(server, draft)],
  ]);
  console.log('\nVS Code is running with Sourced in development mode. Open this URL in a browser:\n');
  console.log(`  ${url}\n`);
  console.log(`(The server listens on 127.0.0.1 only; from another machine forward port ${server.port}, e.g. ssh -L ${server.port}:127.0.0.1:${server.port}.)`);
  console.log('After changing the code, run `npm run build` and reload the browser window. Press Ctrl-C to stop.');
  // The cleanup hooks stop the server on Ctrl-C; until then keep the process alive.
  setInterval(() => undefined, 1 << 30);
}

async function main() {
  build();
  if (desktopCodeOnPath()) {
    console.log('Opening desktop VS Code with Sourced in development mode...');
    const child = spawn('code', [`--extensionDevelopmentPath=${paths.repoRoot}`, sample, draft], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  await serveInBrowser();
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
