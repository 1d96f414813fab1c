// `owbench report` and `owbench docs` as a user runs them: the documents they write, the model
// they print, and bad input: exit 2, a message naming the file, and nothing written.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/cli.js';
import { goldenDir, repoRoot, SEED_PAIR_OPTIONS, SEED_SWEEP_OPTIONS } from './helpers.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'owbench-report-'));
const golden = (name: string) => readFileSync(path.join(goldenDir, name), 'utf8');

const PAIR_ARGS = ['data/seed-pair/activations.json', '--template', 'pair', '--title', SEED_PAIR_OPTIONS.title];
const SWEEP_ARGS = [
  'data/seed-sweep/results.txt', '--template', 'sweep', '--baseline', 'vanilla docker',
  '--label', 'wasm=WASM', '--label', 'vanilla docker=Docker', '--title', SEED_SWEEP_OPTIONS.title,
];

function assertUserError(result: { status: number | null; stderr: string }, message: RegExp) {
  assert.equal(result.status, 2, result.stderr);
  assert.match(result.stderr, /^owbench: /);
  assert.match(result.stderr, message);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
}

describe('owbench report / docs (CLI)', function () {
  this.timeout(60000);

  it('writes the seed documents, byte for byte the golden files', () => {
    const dir = tmp();
    for (const [args, name] of [[PAIR_ARGS, 'seed-pair.md'], [SWEEP_ARGS, 'seed-sweep.md']] as const) {
      const out = path.join(dir, 'docs', name);
      const result = runCli(['report', ...args, '--out', out]);
      assert.equal(result.status, 0, result.stderr);
      assert.equal(readFileSync(out, 'utf8'), golden(name));
    }
  });

  it('prints the report model with --json-model', () => {
    const result = runCli(['report', ...SWEEP_ARGS, '--json-model']);
    assert.equal(result.status, 0, result.stderr);
    const model = JSON.parse(result.stdout);
    assert.equal(model.schema, 'owbench-report-model/1');
    assert.equal(model.template, 'sweep');
    assert.deepEqual(model.figures, []);
    assert.equal(model.claims.comparisons[0].total.max.factor, 17.6);
    const speedup = model.speedups.find((s: { concurrency: number; metric: string }) => s.concurrency === 4 && s.metric === 'avg_total');
    assert.deepEqual(speedup, { baseline: 'vanilla docker', candidate: 'wasm', concurrency: 4, metric: 'avg_total', ratio: 17.58, ci_low: null, ci_high: null });
  });

  it('on bad input exits 2, names the file, and neither clobbers nor creates a document', () => {
    const dir = tmp();
    const bad = path.join(dir, 'truncated.json');
    writeFileSync(bad, '[{"kind": "blackbox", "duration": 12');
    const existing = path.join(dir, 'existing.md');
    writeFileSync(existing, 'old document\n');
    const before = readdirSync(dir).sort();
    assertUserError(runCli(['report', 'data/seed-pair/activations.json', bad, '--out', existing]), /truncated\.json/);
    assertUserError(runCli(['report', bad, '--out', path.join(dir, 'new.md')]), /truncated\.json/);
    assert.equal(readFileSync(existing, 'utf8'), 'old document\n');
    assert.deepEqual(readdirSync(dir).sort(), before);
  });

  it('rejects bad parameters with exit 2 and writes nothing', () => {
    const dir = tmp();
    const out = path.join(dir, 'doc.md');
    assertUserError(runCli(['report', ...SWEEP_ARGS, '--label', 'nolabel', '--out', out]), /--label "nolabel": expected RUNTIME=NAME/);
    assertUserError(runCli(['report', 'data/seed-sweep/results.txt', '--label', 'docker=D', '--out', out]), /--label names runtime "docker", which is not in the data/);
    assertUserError(runCli(['report', 'data/seed-sweep/results.txt', '--baseline', 'nope', '--out', out]), /nope/);
    assertUserError(runCli(['report', 'data/seed-sweep/results.txt', '--template', 'pair', '--out', out]), /pair template needs exactly two activations/);
    assertUserError(runCli(['report', 'data/seed-sweep/results.txt']), /--out FILE, or print the model with --json-model/);
    assert.equal(runCli(['report', 'data/seed-sweep/results.txt', '--template', 'table', '--out', out]).status, 2);
    assert.equal(existsSync(out), false);
    assert.deepEqual(readdirSync(dir), []);
  });

  it('docs renders every dataset and the index: the committed docs/ are up to date', () => {
    const out = path.join(tmp(), 'docs');
    const result = runCli(['docs', '--data', 'data', '--out', out]);
    assert.equal(result.status, 0, result.stderr);
    // Documents and their figure folders (NAME/<figure>.svg, .vl.json), every file compared.
    const written = (readdirSync(out, { recursive: true }) as string[]).filter((f) => statSync(path.join(out, f)).isFile()).sort();
    assert.ok(written.includes('README.md') && written.includes('seed-pair.md') && written.includes('seed-sweep.md'));
    for (const file of written) {
      assert.equal(readFileSync(path.join(out, file), 'utf8'), readFileSync(path.join(repoRoot, 'docs', file), 'utf8'), `docs/${file} is stale: run owbench docs`);
    }
    assert.equal(readFileSync(path.join(out, 'seed-pair.md'), 'utf8'), golden('seed-pair.md'));
    assert.equal(readFileSync(path.join(out, 'seed-sweep.md'), 'utf8'), golden('seed-sweep.md'));
    const index = readFileSync(path.join(out, 'README.md'), 'utf8');
    assert.match(index, /\[Analysis of Two `cold-start-test-mobilenet` Runs\]\(seed-pair\.md\)/);
    assert.match(index, /\[OpenWhisk Mobilenet Cold Start Performance: WASM vs Docker \(Blackbox\)\]\(seed-sweep\.md\)/);
  });

  it('docs writes nothing when one dataset is bad', () => {
    const root = tmp();
    const data = path.join(root, 'data');
    mkdirSync(path.join(data, 'good'), { recursive: true });
    mkdirSync(path.join(data, 'zbad'), { recursive: true });
    writeFileSync(path.join(data, 'good', 'a.json'), readFileSync(path.join(repoRoot, 'data/seed-pair/activations.json')));
    writeFileSync(path.join(data, 'good', 'dataset.json'), JSON.stringify({ title: 'Good', inputs: [{ path: 'a.json' }] }));
    writeFileSync(path.join(data, 'zbad', 'dataset.json'), JSON.stringify({ title: 'Bad', inputs: [{ path: 'missing.json' }] }));
    const out = path.join(root, 'docs');
    assertUserError(runCli(['docs', '--data', data, '--out', out]), /missing\.json: no such file/);
    assert.equal(existsSync(out), false);
  });
});
