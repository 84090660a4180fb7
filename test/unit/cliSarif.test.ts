import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';

const REPO = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(REPO, 'dist', 'cli.js');
// The SARIF 2.1.0 schema as published with Microsoft's SARIF test matchers (the one GitHub code scanning validates against).
const SCHEMA = path.join(REPO, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

function sarifOf(args: string[], cwd: string): { code: number | null; log: Sarif.Log } {
  const out = spawnSync(process.execPath, [CLI, 'check', '--format', 'sarif', ...args], { cwd, encoding: 'utf8' });
  assert.ok(out.stdout, out.stderr);
  return { code: out.status, log: JSON.parse(out.stdout) };
}

describe('sourced check --format sarif', function () {
  this.timeout(20000);
  let dir: string;
  const validate = (() => {
    // The schema's language pattern has a stray "]" that only non-Unicode regular expressions accept.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    return ajv.compile(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')));
  })();

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-sarif-'));
    fs.cpSync(path.join(REPO, 'sample'), dir, { recursive: true });
    fs.cpSync(path.join(REPO, 'corpus'), path.join(dir, 'corpus'), { recursive: true });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes a log valid against the SARIF 2.1.0 schema, one result per flagged statement', () => {
    const { code, log } = sarifOf(['drafts'], dir);
    assert.equal(code, 1);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    assert.equal(log.version, '2.1.0');
    // The validator does reject what SARIF forbids: a run without its tool, a result level SARIF lacks.
    assert.equal(validate({ version: '2.1.0', runs: [{ results: [] }] }), false);
    assert.equal(validate({ ...log, runs: [{ ...log.runs[0], results: [{ ...log.runs[0].results![0], level: 'information' }] }] }), false);
    const [run] = log.runs;
    assert.equal(run.tool.driver.name, 'Sourced');
    assert.deepEqual(run.tool.driver.rules?.map((r) => r.id), ['unsupported-claim', 'misquote', 'unverified-quote', 'misattribution', 'number-mismatch']);
    assert.deepEqual(run.results?.map((r) => r.ruleId).sort(), ['misattribution', 'misquote', 'number-mismatch', 'unsupported-claim']);
  });

  it('puts each finding on its line and column of the draft, with the source passage beside it', () => {
    const text = fs.readFileSync(path.join(dir, 'drafts', 'sample-story.md'), 'utf8');
    const { log } = sarifOf(['drafts/sample-story.md'], dir);
    const results = log.runs[0].results ?? [];
    const number = results.find((r) => r.ruleId === 'number-mismatch')!;
    const location = number.locations![0].physicalLocation!;
    assert.equal(location.artifactLocation!.uri, 'drafts/sample-story.md');
    const { startLine, startColumn, endColumn, snippet } = location.region!;
    const line = text.split('\n')[startLine! - 1];
    assert.equal(line.slice(startColumn! - 1, endColumn! - 1), snippet!.text);
    assert.match(snippet!.text!, /15/);
    assert.equal(number.level, 'warning');
    const related = number.relatedLocations![0];
    assert.match(related.physicalLocation!.artifactLocation!.uri!, /^corpus\/\d{3}_[0-9a-f]+\.txt$/);
    assert.match(related.message!.text!, /^Source: /);
    assert.equal(number.fixes?.[0].artifactChanges[0].replacements[0].insertedContent?.text, '12');
    assert.equal(results.find((r) => r.ruleId === 'unsupported-claim')?.level, 'note');
  });

  it('writes a valid, empty log when nothing is flagged, and never an absolute path', () => {
    fs.writeFileSync(path.join(dir, 'fine.md'), 'Belarus and Hungary are close allies of the Kremlin.\n');
    const { code, log } = sarifOf(['fine.md'], dir);
    assert.equal(code, 0);
    assert.ok(validate(log), JSON.stringify(validate.errors));
    assert.deepEqual(log.runs[0].results, []);
    assert.ok(!JSON.stringify(sarifOf(['drafts'], dir).log).includes(dir), 'the log names the working folder');
  });
});
