// `owbench report --out` with figures, as a user runs it: NAME.md plus NAME/ with each figure's
// SVG, spec and PNG, links that resolve, charts left out with a sentence, byte-identical output
// across runs and time zones, and nothing written on bad input.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { needPeerData, runCli } from '../helpers/cli.js';
import { COLD_FILES } from './helpers.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'owbench-charts-'));
const coldArgs = () => (needPeerData(), ['report', ...COLD_FILES, '--label', 'blackbox=Docker', '--label', 'wasm:0.1=WASM']);
const SWEEP_ARGS = ['report', 'data/seed-sweep/results.txt', '--template', 'sweep', '--baseline', 'vanilla docker', '--label', 'wasm=WASM'];
const IDS = ['ecdf', 'latency', 'speedup', 'split', 'strip'];

function run(args: string[], env: Record<string, string> = {}) {
  const result = runCli(args, { env });
  assert.equal(result.status, 0, result.stderr);
  return result;
}

/** Every file under `dir`, relative, sorted, with its bytes. */
function tree(dir: string): Map<string, Buffer> {
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => statSync(path.join(dir, f)).isFile());
  return new Map(files.sort().map((f) => [f, readFileSync(path.join(dir, f))]));
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('charts: documents with figures (CLI)', function () {
  this.timeout(120000);

  it('writes NAME.md and NAME/<figure>.svg, .vl.json and .png, linked with relative paths that resolve', () => {
    const dir = tmp();
    const out = path.join(dir, 'docs', 'cold start.md');
    run([...coldArgs(), '--out', out, '--png']);
    const folder = path.join(dir, 'docs', 'cold start');
    assert.deepEqual(readdirSync(folder).sort(), IDS.flatMap((id) => [`${id}.png`, `${id}.svg`, `${id}.vl.json`]).sort());
    const markdown = readFileSync(out, 'utf8');
    const images = [...markdown.matchAll(/!\[([^\]]+)\]\(([^)]+)\)/g)];
    assert.deepEqual(images.map((m) => path.basename(m[2], '.svg')).sort(), IDS);
    for (const [, alt, link] of images) {
      assert.match(link, /^cold%20start\/[a-z]+\.svg$/, 'relative, URL-encoded');
      assert.ok(existsSync(path.join(dir, 'docs', decodeURI(link))), link);
      assert.match(alt, /Docker, WASM|WASM\)/, 'the alt text names the runtimes');
    }
    for (const [, link] of markdown.matchAll(/\]\(([^)]+\.(?:vl\.json|png))\)/g)) assert.ok(existsSync(path.join(dir, 'docs', decodeURI(link))), link);
    for (const id of IDS) {
      const svg = readFileSync(path.join(folder, `${id}.svg`), 'utf8');
      const [, width, height] = svg.match(/<svg[^>]* width="(\d+)" height="(\d+)"/) ?? [];
      assert.deepEqual(pngSize(readFileSync(path.join(folder, `${id}.png`))), { width: 2 * Number(width), height: 2 * Number(height) });
      assert.ok(Number(width) <= 800, `${id} fits GitHub's Markdown column (${width} px)`);
      assert.match(svg, /font-family="DejaVu Sans, Verdana, sans-serif"/);
      assert.ok(JSON.parse(readFileSync(path.join(folder, `${id}.vl.json`), 'utf8')).$schema.includes('vega-lite/v6'));
    }
  });

  it('aggregates: no ECDF and no strip plot, and the document says why', () => {
    const dir = tmp();
    const out = path.join(dir, 'sweep.md');
    run([...SWEEP_ARGS, '--out', out]);
    assert.deepEqual(readdirSync(path.join(dir, 'sweep')).sort(), ['latency.svg', 'latency.vl.json', 'speedup.svg', 'speedup.vl.json', 'split.svg', 'split.vl.json']);
    const markdown = readFileSync(out, 'utf8');
    assert.doesNotMatch(markdown, /ecdf\.svg|strip\.svg/);
    assert.match(markdown, /^> The chart "Distribution of total time: share of activations finished within a time" is left out: the inputs are pre-aggregated rows \(means per concurrency level\), which carry no distribution of single activations\.$/m);
    assert.match(markdown, /^> The chart "Total time of every activation by concurrency" is left out: .*no distribution/m);
  });

  it('renders byte-identical files in two runs, under TZ=UTC and TZ=Asia/Kolkata with other locales', () => {
    const dir = tmp();
    const envs = [
      { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' },
      { TZ: 'Asia/Kolkata', LANG: 'de_DE.UTF-8', LC_ALL: 'hi_IN.UTF-8' },
    ];
    const trees = envs.map((env, i) => {
      const out = path.join(dir, `run-${i}`, 'cold.md');
      run([...coldArgs(), '--out', out, '--png'], env);
      return tree(path.join(dir, `run-${i}`));
    });
    assert.deepEqual([...trees[1].keys()], [...trees[0].keys()]);
    assert.equal(trees[0].size, 1 + 3 * IDS.length, 'the document and three files per figure');
    for (const [file, bytes] of trees[0]) assert.ok(bytes.equals(trees[1].get(file) as Buffer), `${file} differs between the runs`);
  });

  it('a later render removes the figure files it no longer writes (PNG not asked for)', () => {
    const dir = tmp();
    const out = path.join(dir, 'cold.md');
    run([...coldArgs(), '--out', out, '--png']);
    run([...coldArgs(), '--out', out]);
    assert.deepEqual(readdirSync(path.join(dir, 'cold')).filter((f) => f.endsWith('.png')), []);
    assert.doesNotMatch(readFileSync(out, 'utf8'), /\.png\)/);
  });

  it('--no-charts writes the Markdown alone', () => {
    const dir = tmp();
    run([...coldArgs(), '--out', path.join(dir, 'cold.md'), '--no-charts']);
    assert.deepEqual(readdirSync(dir), ['cold.md']);
    assert.doesNotMatch(readFileSync(path.join(dir, 'cold.md'), 'utf8'), /!\[/);
  });

  it('bad input: exit 2, and neither the document nor its figures are written or touched', () => {
    const dir = tmp();
    mkdirSync(path.join(dir, 'cold'));
    writeFileSync(path.join(dir, 'cold', 'latency.svg'), 'old figure');
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '[{"no_concurrent_requests": 1, "responses": [{"annotations": 3}]}]');
    const result = runCli([...coldArgs(), bad, '--out', path.join(dir, 'cold.md'), '--png']);
    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stderr, /bad\.json/);
    assert.deepEqual(readdirSync(dir).sort(), ['bad.json', 'cold']);
    assert.deepEqual(readdirSync(path.join(dir, 'cold')), ['latency.svg']);
    assert.equal(readFileSync(path.join(dir, 'cold', 'latency.svg'), 'utf8'), 'old figure');
  });
});
