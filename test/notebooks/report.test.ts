// report.ipynb and `owbench report` must write the same bytes for the same parameters. The notebook
// runs headless here (the tslab kernel through Debian's nbclient, as `npm run notebooks` runs it);
// both sides use the built library in dist/ (npm test builds it first), so this checks the
// notebook's composition, not the freshness of the build.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { executeNotebook, type NotebookRun } from '../../notebooks/tools/execute.js';
import { ensureNbclient, writeKernelSpec } from '../../notebooks/tools/kernel.js';
import { hasPeerData, needPeerData, repoRoot, sharedData } from '../helpers/cli.js';

const notebook = path.join(repoRoot, 'notebooks', 'report.ipynb');
const peer = path.relative(repoRoot, sharedData);

/** `owbench report …` as installed: the built CLI, run at the project root. */
function owbench(args: string[]): void {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, NODE_EXTRA_CA_CERTS: '' } });
  assert.equal(result.status, 0, `owbench ${args.join(' ')} failed:\n${result.stderr}`);
}

function markdownShown(run: NotebookRun): string {
  const saved = JSON.parse(readFileSync(run.output, 'utf8')) as { cells: Array<{ outputs?: Array<{ data?: Record<string, string | string[]> }> }> };
  const shown = saved.cells.flatMap((cell) => cell.outputs ?? []).find((output) => output.data?.['text/markdown']);
  const text = shown?.data?.['text/markdown'];
  // The shown copy inlines each figure: put the document's links back.
  return withoutLinks(Array.isArray(text) ? text.join('') : (text ?? ''));
}

/** The shown copy inlines each figure and points links from notebooks/: compare the text around them. */
function withoutLinks(markdown: string): string {
  return markdown.replace(/<a href="[^"]*">([^<]*)<\/a>/g, '[$1](LINK)').replace(/\]\([^)\s]+\)/g, '](LINK)');
}

function printed(run: NotebookRun): string {
  const saved = JSON.parse(readFileSync(run.output, 'utf8')) as { cells: Array<{ id: string; outputs?: Array<{ text?: string | string[] }> }> };
  const text = saved.cells.find((cell) => cell.id === 'command')?.outputs?.[0]?.text ?? '';
  return (Array.isArray(text) ? text.join('') : text).trim();
}

describe('notebooks/report.ipynb', function () {
  this.timeout(300_000);
  let dir: string;
  const runs: Record<string, NotebookRun> = {};
  // The document's name is in its figure links (NAME.md → NAME/latency.svg): both sides write NAME.md, in their own folders.
  // Each document in a folder of its own: a folder of documents is one project, whose runtime colours a later document keeps.
  const out = (name: string) => path.join(dir, 'notebook', name, `${name}.md`);
  const cliOut = (name: string) => path.join(dir, 'cli', name, `${name}.md`);

  /** The document and every figure file beside it are the same bytes on both sides. */
  function assertSameOutput(name: string): void {
    const expected = readFileSync(cliOut(name));
    assert.ok(expected.length > 500, 'the CLI wrote a document');
    assert.ok(readFileSync(out(name)).equals(expected), `${name}.md: notebook and CLI documents differ`);
    const figures = readdirSync(path.join(dir, 'cli', name, name)).sort();
    assert.ok(figures.some((file) => file.endsWith('.svg')), 'the CLI wrote SVG figures');
    assert.deepEqual(readdirSync(path.join(dir, 'notebook', name, name)).sort(), figures);
    for (const file of figures) {
      assert.ok(readFileSync(path.join(dir, 'notebook', name, name, file)).equals(readFileSync(path.join(dir, 'cli', name, name, file))), `${name}/${file} differs`);
    }
  }

  before(async () => {
    ensureNbclient();
    writeKernelSpec();
    dir = mkdtempSync(path.join(os.tmpdir(), 'owbench-notebooks-'));
    mkdirSync(path.join(dir, 'cli'));
    const pairParams = path.join(dir, 'pair-params.json');
    writeFileSync(pairParams, JSON.stringify({
      files: ['data/seed-pair/activations.json'],
      title: 'Two *runs*, one notebook',
      baseline: 'wasm:0.1',
      labels: { blackbox: 'Docker', 'wasm:0.1': 'WASM' },
      out: out('pair'),
    }));
    const warmParams = {
      files: [`${peer}/input_vanilla_prewarmed.json`, `${peer}/input_wasm_prewarmed.json`],
      template: 'warm',
      title: 'Prewarmed',
      png: true,
      out: out('warm'),
    };
    const execute = (name: string, params?: string) =>
      executeNotebook(notebook, path.join(dir, `${name}.ipynb`), { env: { OWBENCH_PARAMS: params ?? '' } }).then((run) => (runs[name] = run));
    // Independent kernels: side by side.
    await Promise.all([
      execute('pair', pairParams),
      ...(hasPeerData ? [execute('warm', JSON.stringify(warmParams))] : []),
      execute('default', JSON.stringify({ out: out('default') })),
      execute('bad', '{"files": ["data/seed-pair/activations.json"], "baseline": "blackbox", "colour": "red"}'),
    ]);
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('parameters from a JSON file: the same document and figures as owbench report with the same flags', () => {
    assert.deepEqual(runs.pair!.failures, []);
    owbench(['report', 'data/seed-pair/activations.json', '--title', 'Two *runs*, one notebook', '--baseline', 'wasm:0.1', '--label', 'blackbox=Docker', '--label', 'wasm:0.1=WASM', '--out', cliOut('pair')]);
    assertSameOutput('pair');
    assert.equal(markdownShown(runs.pair!), withoutLinks(readFileSync(cliOut('pair'), 'utf8')), 'the notebook shows the document it wrote');
  });

  it('inline JSON parameters (peer data, warm template, --png): the same document and figures as owbench report', () => {
    needPeerData();
    assert.deepEqual(runs.warm!.failures, []);
    owbench(['report', `${peer}/input_vanilla_prewarmed.json`, `${peer}/input_wasm_prewarmed.json`, '--template', 'warm', '--title', 'Prewarmed', '--png', '--out', cliOut('warm')]);
    assertSameOutput('warm');
    assert.match(readFileSync(cliOut('warm'), 'utf8'), /input_wasm_prewarmed\.json/, 'provenance names the inputs relative to the project root');
    assert.ok(readdirSync(path.join(dir, 'notebook', 'warm', 'warm')).some((file) => file.endsWith('.png')));
  });

  it('prints the owbench report command line that writes the same document', () => {
    const command = printed(runs.pair!);
    assert.equal(
      command,
      `owbench report data/seed-pair/activations.json --baseline wasm:0.1 --title 'Two *runs*, one notebook' --label blackbox=Docker --label wasm:0.1=WASM --out ${path.relative(repoRoot, out('pair'))}`,
    );
  });

  it('default parameters: the seed sweep, as owbench docs renders data/seed-sweep', () => {
    assert.deepEqual(runs.default!.failures, []);
    const docs = path.join(dir, 'docs');
    owbench(['docs', '--out', docs]);
    // docs/ names it seed-sweep.md, so its figure links differ: compare with the links renamed.
    const expected = readFileSync(path.join(docs, 'seed-sweep.md'), 'utf8').replaceAll('](seed-sweep/', '](default/');
    assert.equal(readFileSync(out('default'), 'utf8'), expected);
  });

  it('an unknown parameter fails the parameter cell, names the parameter, and the later cells do not run', () => {
    const failures = runs.bad!.failures;
    assert.match(failures[0] ?? '', /cell 3 .*error — owbench: OWBENCH_PARAMS: unknown parameter "colour"/);
    const failing = runs.bad!.cells.find((cell) => cell.index === 3)!;
    assert.deepEqual([failing.outputs, failing.stderr], [['error'], ''], 'an error output, nothing on stderr');
    assert.ok(failures.length >= 3, `later cells reported as not run: ${failures.join('\n')}`);
    assert.ok(runs.bad!.cells.filter((cell) => cell.index >= 3).every((cell) => cell.status !== 'ok'));
  });
});
