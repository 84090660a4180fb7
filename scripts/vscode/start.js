// `npm start`: builds the extension and opens VS Code on a scratch copy of sample/ with the
// extension in development mode: the desktop `code` when it is on PATH, otherwise VS Code in the
// browser (this prints the URL to open and runs until Ctrl-C). SOURCED_PORT picks the port.
const { spawnSync, spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const paths = require('./paths');
const { build } = require('./build');

// VS Code autosaves and keeps settings in the workspace: trying the product in sample/ itself
// would change tracked files. The copy keeps sample/ and corpus/ side by side, as the sample's
// "sourced.corpus": ["../corpus"] expects, and is made afresh at every start.
const scratch = path.join(paths.repoRoot, 'out', 'try-sourced');
const sample = path.join(scratch, 'sample');
const draft = path.join(sample, 'drafts', 'sample-story.md');

function copySample() {
  fs.rmSync(scratch, { recursive: true, force: true });
  for (const folder of ['sample', 'corpus']) {
    fs.cpSync(path.join(paths.repoRoot, folder), path.join(scratch, folder), { recursive: true });
  }
  console.log(`Opening a scratch copy of sample/ in ${path.relative(paths.repoRoot, sample)}: your edits there change no file of the repository, and the next \`npm start\` begins from a fresh copy.`);
}

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
  copySample();
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
