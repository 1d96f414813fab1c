// How long charts add to a report: `owbench report` on the peer's cold-start records without
// figures, with SVG figures and with SVG + PNG (median of N runs each, run from dist/ after
// `npx tsc -p .`), plus the in-process cost of each step. Usage: node bench/charts/time-charts.mjs [N]
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// The peer's data: OWBENCH_PEER_DATA, else ../shared/data/ow-mobilenet-hybrid-actions beside the repository.
const data = path.resolve(root, process.env.OWBENCH_PEER_DATA || '../shared/data/ow-mobilenet-hybrid-actions');
const inputs = ['input_vanilla_cold_start.json', 'input_wasm_cold_start.json'].map((f) => path.join(data, f));
const runs = Number(process.argv[2] ?? 5);
const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'owbench-bench-')), 'cold.md');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const env = { ...process.env, NODE_EXTRA_CA_CERTS: '' };
for (const [name, flags] of [['no charts', ['--no-charts']], ['SVG', []], ['SVG + PNG', ['--png']]]) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), 'report', ...inputs, '--out', out, ...flags], { env });
    if (result.status !== 0) throw new Error(String(result.stderr));
    times.push(performance.now() - start);
  }
  console.log(`owbench report, ${name}: median ${median(times).toFixed(0)} ms of ${runs}`);
}

const t0 = performance.now();
await Promise.all([import('vega'), import('vega-lite')]);
const t1 = performance.now();
const { composeDocument } = await import(path.join(root, 'dist/cli/report.js'));
const { renderSvg, renderPng } = await import(path.join(root, 'dist/charts/render.js'));
const { model } = composeDocument({ inputs: inputs.map((p) => ({ path: p })), root, figures: { document: out } });
console.log(`import vega + vega-lite: ${(t1 - t0).toFixed(0)} ms`);
for (const round of ['first', 'second']) {
  for (const figure of model.figures.filter((f) => f.spec)) {
    const a = performance.now();
    const { svg } = await renderSvg(figure.spec);
    const b = performance.now();
    await renderPng(svg);
    const c = performance.now();
    console.log(`${round} ${figure.id}: SVG ${(b - a).toFixed(0)} ms, PNG ${(c - b).toFixed(0)} ms`);
  }
}
