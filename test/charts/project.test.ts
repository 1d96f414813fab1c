// A project's colours end to end: `owbench docs` over two datasets with different runtime sets
// draws the runtime they share in one colour in every SVG, and `owbench report --out` into that
// folder keeps it (read back from the figures there, the only place colours are kept).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { folderPalette, RUNTIME_COLORS } from '../../src/charts/index.js';
import { renderDocs } from '../../src/cli/docs.js';
import { runCli } from '../helpers/cli.js';
import { records, type Shape } from '../report/corpus/generate.js';

const SHAPE: Shape = { name: 'project', runtimes: 2, levels: [1, 2], runs: 1, perRun: 4, cold: 0.5, runEffect: 0, factor: 1, seed: 3 };

function dataset(dataDir: string, name: string, labels: Record<string, string>, seed: number): void {
  mkdirSync(path.join(dataDir, name), { recursive: true });
  writeFileSync(path.join(dataDir, name, 'records.json'), JSON.stringify(records({ ...SHAPE, seed })));
  writeFileSync(path.join(dataDir, name, 'dataset.json'), JSON.stringify({ title: `Dataset ${name}`, labels, inputs: [{ path: 'records.json' }] }));
}

/** The colours the SVG marks of each runtime are drawn in (vega's aria-labels name the runtime). */
function svgColours(svg: string): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const [element] of svg.matchAll(/<(?:path|line|rect)[^>]*aria-label="[^"]*"[^>]*>/g)) {
    const runtime = element.match(/(?:Runtime|runtime): ([^;"]+)/)?.[1];
    const colour = element.match(/(?:fill|stroke)="(#[0-9a-f]{6})"/)?.[1];
    if (runtime && colour) found.set(runtime, new Set([...(found.get(runtime) ?? []), colour]));
  }
  return found;
}

describe('charts: one palette per project (docs folder)', function () {
  this.timeout(120000);
  const root = mkdtempSync(path.join(os.tmpdir(), 'owbench-palette-'));
  const data = path.join(root, 'data');
  const docs = path.join(root, 'docs');
  // Alone, WASM would be orange in a (beside Docker) and blue in b (beside alpha).
  dataset(data, 'a', { rt0: 'Docker', rt1: 'WASM' }, 3);
  dataset(data, 'b', { rt0: 'WASM', rt1: 'alpha' }, 4);

  it('owbench docs: WASM has one colour in every figure of both documents', async () => {
    await renderDocs(data, docs);
    for (const name of ['a', 'b']) {
      // The split chart colours parts, not runtimes; in b, WASM is the baseline the speedups divide by.
      const files = readdirSync(path.join(docs, name)).filter((f) => f.endsWith('.svg') && f !== 'split.svg' && !(name === 'b' && f === 'speedup.svg'));
      assert.equal(files.length, name === 'a' ? 4 : 3);
      for (const file of files) {
        const colours = svgColours(readFileSync(path.join(docs, name, file), 'utf8'));
        assert.deepEqual([...(colours.get('WASM') ?? [])], [RUNTIME_COLORS[1]], `${name}/${file}`);
      }
    }
    assert.deepEqual([...folderPalette(docs)], [['Docker', RUNTIME_COLORS[0]], ['WASM', RUNTIME_COLORS[1]], ['alpha', RUNTIME_COLORS[2]]]);
  });

  it('owbench report --out into that folder keeps WASM\'s colour, and a new runtime takes a free one', () => {
    const input = path.join(root, 'c.json');
    writeFileSync(input, JSON.stringify(records({ ...SHAPE, seed: 5 })));
    const result = runCli(['report', input, '--label', 'rt0=WASM', '--label', 'rt1=nodejs:20-with-a-long-name', '--out', path.join(docs, 'c.md')]);
    assert.equal(result.status, 0, result.stderr);
    const colours = svgColours(readFileSync(path.join(docs, 'c', 'strip.svg'), 'utf8'));
    assert.deepEqual([...(colours.get('WASM') ?? [])], [RUNTIME_COLORS[1]]);
    assert.deepEqual([...(colours.get('nodejs:20-with-a-long-name') ?? [])], [RUNTIME_COLORS[3]], 'blue, orange and green are taken');
  });
});
