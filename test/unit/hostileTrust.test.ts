// Workspace Trust and virtual workspaces: what package.json declares must stay true of the code.
// Sourced only reads: it runs nothing from a workspace, so it declares untrusted workspaces
// supported; it reads sources with Node's fs, so it declares virtual workspaces unsupported.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const repo = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as {
  capabilities?: { untrustedWorkspaces?: { supported: boolean | string; description?: string; restrictedConfigurations?: string[] }; virtualWorkspaces?: { supported: boolean | string; description?: string } };
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|js)$/.test(entry.name) ? [full] : [];
  });
}

/** Every file of the shipped code (src/ and the webview's media/), with comments removed. */
const shipped = [...sourceFiles(path.join(repo, 'src')), ...sourceFiles(path.join(repo, 'media'))].map((file) => ({
  file: path.relative(repo, file),
  code: fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|(^|[^:\\])\/\/.*$/gm, '$1'),
}));

function filesMatching(pattern: RegExp): string[] {
  return shipped.filter((f) => pattern.test(f.code)).map((f) => f.file);
}

describe('workspace trust and virtual workspaces', () => {
  it('works in untrusted workspaces, saying why (it only reads), but takes the corpus location only from trusted settings', () => {
    const untrusted = manifest.capabilities?.untrustedWorkspaces;
    assert.equal(untrusted?.supported, 'limited');
    assert.match(untrusted?.description ?? '', /only reads|runs nothing/i);
    // An untrusted folder must not point indexing at the whole disk or at private files.
    assert.deepEqual(untrusted?.restrictedConfigurations, ['sourced.corpus']);
  });

  it('declares virtual workspaces unsupported, because sources are read from disk with Node', () => {
    const virtual = manifest.capabilities?.virtualWorkspaces;
    assert.equal(virtual?.supported, false);
    assert.match(virtual?.description ?? '', /file system|Node/i);
    // True of the code: the corpus is read with node:fs, not vscode.workspace.fs.
    assert.deepEqual(filesMatching(/workspace\.fs\./), []);
    assert.ok(filesMatching(/from 'node:fs'|from 'fs'/).includes(path.join('src', 'core', 'corpus', 'loadCorpus.ts')));
  });

  it('runs nothing: no processes, no eval, no Function constructor, no vm', () => {
    assert.deepEqual(filesMatching(/child_process|\beval\s*\(|new Function\s*\(|from 'node:vm'|from 'vm'|require\('vm'\)/), []);
  });

  it('parses web pages with scripts off and PDFs with font eval off', () => {
    const html = shipped.find((f) => f.file.endsWith(path.join('formats', 'html.ts')))!.code;
    assert.match(html, /new JSDOM\(/);
    assert.doesNotMatch(html, /runScripts|resources\s*:/, 'jsdom must neither run scripts nor fetch resources');
    const pdf = shipped.find((f) => f.file.endsWith(path.join('formats', 'pdf.ts')))!.code;
    assert.match(pdf, /isEvalSupported:\s*false/);
  });

  it('writes only its own cache: never a source, and the webview cannot run commands from links', () => {
    // Progress lines on the terminal (process.stderr.write) are not files.
    const writers = filesMatching(/\b(writeFile|writeFileSync|appendFile|createWriteStream|(?<!std(?:err|out))\.write\(|unlink|rmSync|\.rm\()/);
    assert.deepEqual(writers, [path.join('src', 'core', 'cache', 'cacheFile.ts')]);
    assert.deepEqual(filesMatching(/enableCommandUris/), []);
  });
});
