// Installs Node 24 and code-server (VS Code's server + web workbench) into the cache on first
// use. A stamp file marks a finished install, so an interrupted or failed one is redone from
// scratch on the next run.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const paths = require('./paths');

function log(message) {
  console.log(`[vscode-install] ${message}`);
}

/** An install failure: the message says what went wrong and what to do about it. */
class InstallError extends Error {}

const RERUN = 'then run the same command again (the half-done install is removed and redone)';

function run(command, args, options) {
  log(`$ ${command} ${args.join(' ')}  (in ${options.cwd})`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw new InstallError(`could not run ${command}: ${result.error.message}; install Node.js with npm, ${RERUN}`);
  if (result.status !== 0) {
    throw new InstallError(
      `${command} ${args.join(' ')} failed (exit ${result.status}). Its output is above; the usual causes are no access to the npm registry (check the network and any proxy settings) or a full disk (df -h ${paths.cacheRoot}); fix that, ${RERUN}.`,
    );
  }
}

// Settings a user may have given npm through the environment, which the inner installs need too.
const USER_NPM_SETTINGS = /^npm_config_(cache|registry|proxy|https_proxy|noproxy|cafile|strict_ssl)$/i;

// npm 11 blocks dependency install scripts unless allowed; code-server needs its postinstall
// (it installs and compiles VS Code's own dependencies), so allow them for these two installs only.
// The outer npm's other variables are dropped: under `npm test` they describe Node 20 (code-server's
// postinstall reads the Node version from npm_config_user_agent) and would fail every retry.
function npmEnv(extra, env = process.env) {
  const inherited = Object.fromEntries(Object.entries(env).filter(([key]) => !/^npm_/i.test(key) || USER_NPM_SETTINGS.test(key)));
  return {
    ...inherited,
    npm_config_dangerously_allow_all_scripts: 'true',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_update_notifier: 'false',
    ...extra,
  };
}

function installInto(dir, spec, env, verify) {
  const stamp = path.join(dir, '.installed');
  if (fs.existsSync(stamp) && verify()) return false;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'sourced-vscode-cache', private: true }));
  const started = Date.now();
  run('npm', ['install', '--no-save', '--foreground-scripts', spec], { cwd: dir, env });
  if (!verify()) {
    throw new InstallError(
      `${spec} installed, but its install scripts did not finish or what they built does not load (see the output above; building native modules needs python3, make, g++ and libkrb5-dev); fix that, ${RERUN}.`,
    );
  }
  fs.writeFileSync(stamp, `${new Date().toISOString()}\n`);
  log(`${spec} ready in ${Math.round((Date.now() - started) / 1000)} s`);
  return true;
}

function node24Works() {
  if (!fs.existsSync(paths.node24Bin)) return false;
  const out = spawnSync(paths.node24Bin, ['--version'], { encoding: 'utf8' });
  return out.status === 0 && out.stdout.startsWith(`v${paths.NODE_MAJOR}.`);
}

// code-server's postinstall installs VS Code's own dependencies and compiles native modules
// against Node 24; loading one with Node 24 proves both ran and the result works.
function codeServerWorks() {
  const vscodeRoot = path.join(paths.codeServerRoot, 'lib', 'vscode');
  const spdlog = path.join(vscodeRoot, 'node_modules', '@vscode', 'spdlog', 'build', 'Release', 'spdlog.node');
  if (!fs.existsSync(paths.serverMain) || !fs.existsSync(spdlog) || !fs.existsSync(path.join(vscodeRoot, 'extensions', 'node_modules'))) {
    return false;
  }
  const load = spawnSync(paths.node24Bin, ['-e', `require(${JSON.stringify(spdlog)})`], { encoding: 'utf8' });
  return load.status === 0;
}

function ensureVsCodeServer() {
  fs.mkdirSync(paths.cacheRoot, { recursive: true });
  log(`cache: ${paths.cacheRoot}`);
  installInto(paths.nodeDir, `node@${paths.NODE_MAJOR}`, npmEnv(), node24Works);
  const env = npmEnv({
    PATH: `${path.dirname(paths.node24Bin)}${path.delimiter}${process.env.PATH}`,
    // The machine's npmrc points node-gyp at /usr (Node 20 headers): native modules would get the wrong ABI.
    npm_config_nodedir: paths.node24Headers,
  });
  const fresh = installInto(paths.codeServerDir, `code-server@${paths.CODE_SERVER_VERSION}`, env, codeServerWorks);
  if (!fresh) log(`code-server ${paths.CODE_SERVER_VERSION} already installed`);
  return paths;
}

module.exports = { ensureVsCodeServer, npmEnv };

if (require.main === module) {
  try {
    ensureVsCodeServer();
  } catch (error) {
    console.error(`[vscode-install] ${error instanceof InstallError ? error.message : error.stack}`);
    process.exit(1);
  }
}
