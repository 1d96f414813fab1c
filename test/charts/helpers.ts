// Shared by the chart tests: report models of real data (the seed's and the peer's), and
// golden SVGs compared the way observablehq/plot does: numbers rounded to 3 decimals, generated
// ids renumbered, one element a line.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../src/analyze/index.js';
import { ingestText } from '../../src/ingest/index.js';
import { buildReportModel, type ReportModel } from '../../src/report/index.js';
import { records, type Shape } from '../report/corpus/generate.js';
import { needPeerData } from '../helpers/cli.js';
import { render, repoRoot, sharedData, SEED_PAIR_OPTIONS, SEED_SWEEP_OPTIONS, WARM_FILES, WARM_OPTIONS } from '../report/helpers.js';

export { repoRoot, sharedData };
export const goldenDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden');

export const COLD_FILES = [path.join(sharedData, 'input_vanilla_cold_start.json'), path.join(sharedData, 'input_wasm_cold_start.json')];
export const COLD_OPTIONS = { labels: { blackbox: 'Docker', 'wasm:0.1': 'WASM' } };

const cache = new Map<string, ReportModel>();
const cached = (name: string, make: () => ReportModel) => {
  if (!cache.has(name)) cache.set(name, make());
  return cache.get(name) as ReportModel;
};

/** The seed's aggregate sweep (data/seed-sweep): means only, no distribution. */
export const sweepModel = () => cached('sweep', () => render(['data/seed-sweep/results.txt'], SEED_SWEEP_OPTIONS).model);
/** The seed's two activations (data/seed-pair). */
export const pairModel = () => cached('pair', () => render(['data/seed-pair/activations.json'], SEED_PAIR_OPTIONS).model);
/** The peer's raw cold-start records, Docker (blackbox) and WASM, concurrency 1–5. */
export const coldModel = () => (needPeerData(), cached('cold', () => render(COLD_FILES, COLD_OPTIONS).model));
/** The peer's prewarmed records: five runs of concurrency 1 each. */
export const warmModel = () => (needPeerData(), cached('warm', () => render(WARM_FILES, WARM_OPTIONS).model));

/** plot's normalization: 3-decimal numbers, ids renumbered in order of appearance, a tag a line. */
export function normalizeSvg(svg: string): string {
  const ids = new Map<string, string>();
  for (const [, id] of svg.matchAll(/\sid="([^"]+)"/g)) if (!ids.has(id)) ids.set(id, `id${ids.size}`);
  let out = svg.replace(/-?\d+\.\d+(?:e[-+]?\d+)?/g, (n) => String(Number(Number(n).toFixed(3))));
  for (const [id, renamed] of ids) {
    out = out.split(`id="${id}"`).join(`id="${renamed}"`).split(`#${id})`).join(`#${renamed})`).split(`"#${id}"`).join(`"#${renamed}"`);
  }
  return `${out.replace(/></g, '>\n<')}\n`;
}

/** A missing golden is written (never under CI=true); a mismatch writes a git-ignored *-changed.svg. */
export function assertGoldenSvg(name: string, svg: string): void {
  const actual = normalizeSvg(svg);
  const expectedPath = path.join(goldenDir, `${name}.svg`);
  const changedPath = path.join(goldenDir, `${name}-changed.svg`);
  if (!existsSync(expectedPath)) {
    if (process.env.CI === 'true') assert.fail(`golden file ${name}.svg is missing (not generated under CI=true)`);
    writeFileSync(expectedPath, actual);
    return;
  }
  if (readFileSync(expectedPath, 'utf8') === actual) {
    rmSync(changedPath, { force: true });
    return;
  }
  writeFileSync(changedPath, actual);
  assert.fail(`${name}.svg differs from its golden file: see ${path.relative(repoRoot, changedPath)}`);
}

/** The peer's published aggregates (average_*.json): the authors' own avg_total per level. */
export function publishedAverages(file: string): Array<{ concurrency: number; count: number; avg_total: number; avg_duration: number }> {
  needPeerData();
  return JSON.parse(readFileSync(path.join(sharedData, file), 'utf8'));
}

/** The peer's 25 cold-start activations, each repeated `times` with a deterministic spread. */
export function manyPoints(times: number): NonNullable<ReportModel['points']> {
  const points = coldModel().points ?? [];
  return Array.from({ length: times }, (_, k) => points.map((p) => ({ ...p, total_ms: Math.round((p.total_ms as number) * (0.7 + (k % 37) / 60 + (k % 11) / 30) * 100) / 100 }))).flat();
}

/** The corpus generator's defaults: two runtimes, three levels, five activations each, half cold. */
const SHAPE: Shape = { name: 'chart', runtimes: 2, levels: [1, 2, 4], runs: 1, perRun: 5, cold: 0.5, runEffect: 0, factor: 1, seed: 7 };

/** A report model of generated records (runtimes rt0, rt1, …; rt0 is `factor` times slower), read through ingest as a file would be. */
export function shapeModel(shape: Partial<Shape>, labels?: Record<string, string>): ReportModel {
  const table = ingestText(JSON.stringify(records({ ...SHAPE, ...shape })), 'generated.json');
  return buildReportModel(table, analyze(table, { baseline: 'rt0' }), { labels });
}
