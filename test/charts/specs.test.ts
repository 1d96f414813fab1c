// The specs themselves: valid Vega-Lite (the schema vega-lite ships), the numbers they draw equal
// to independent references (the peer's published aggregates, the raw records, hand computation),
// one colour per runtime across a document, and a chart left out when its data is missing.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { chartFigures, RUNTIME_COLORS } from '../../src/charts/index.js';
import { ecdfSteps } from '../../src/charts/ecdf.js';
import { logTicks } from '../../src/charts/chart.js';
import { runtimesDifferTenfold } from '../../src/charts/latency.js';
import type { ModelFigure } from '../../src/report/index.js';
import { needPeerData } from '../helpers/cli.js';
import { coldModel, COLD_FILES, repoRoot, pairModel, publishedAverages, sweepModel, warmModel } from './helpers.js';

type Values = Array<Record<string, unknown>>;
const valuesOf = (figure: ModelFigure) => ((figure.spec as { data: { values: Values } }).data.values);
const figure = (figures: ModelFigure[], id: string) => figures.find((f) => f.id === id) as ModelFigure;
const MODELS = { sweep: sweepModel, pair: pairModel, cold: coldModel, warm: warmModel };

/** Every `color` encoding on the runtime field, wherever it sits in the spec (layers, facets). */
function runtimeColorScales(node: unknown): Array<{ domain: string[]; range: string[] }> {
  if (node === null || typeof node !== 'object') return [];
  const found: Array<{ domain: string[]; range: string[] }> = [];
  const color = (node as { color?: { field?: string; scale?: { domain: string[]; range: string[] } } }).color;
  if (color?.field === 'runtime' && color.scale) found.push(color.scale);
  for (const child of Object.values(node)) found.push(...runtimeColorScales(child));
  return found;
}

describe('charts: specs', () => {
  // vega-lite ships its schema but does not export it: read from the installed package.
  const schemaFile = path.join(repoRoot, 'node_modules/vega-lite/build/vega-lite-schema.json');
  const ajv = new Ajv({ strict: false, allErrors: false, allowUnionTypes: true });
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));

  for (const [name, model] of Object.entries(MODELS)) {
    it(`every figure of the ${name} model is valid Vega-Lite`, () => {
      for (const f of chartFigures(model())) {
        if (f.spec === null) continue;
        assert.ok(validate(f.spec), `${name}/${f.id}: ${ajv.errorsText(validate.errors)}`);
      }
    });
  }

  it('the schema check can fail: a misspelt encoding is rejected', () => {
    const spec = structuredClone(figure(chartFigures(coldModel()), 'latency').spec) as Record<string, Record<string, unknown>>;
    spec.encoding.colour = spec.encoding.color;
    assert.equal(validate(spec), false);
  });

  it('latency: the means drawn are the peer\'s published avg_total at every level, on a log scale (Docker/WASM > 10×)', () => {
    const latency = figure(chartFigures(coldModel()), 'latency');
    for (const [label, file] of [['Docker', 'average_cold_start_vanilla.json'], ['WASM', 'average_cold_start_wasm.json']]) {
      for (const row of publishedAverages(file)) {
        const drawn = valuesOf(latency).find((v) => v.runtime === label && v.concurrency === row.concurrency && v.statistic === 'mean');
        assert.equal(drawn?.total_ms, row.avg_total, `${label} at ${row.concurrency}`);
      }
    }
    assert.deepEqual((latency.spec as { encoding: { y: { scale: { type: string } } } }).encoding.y.scale.type, 'log');
  });

  it('latency: a log scale only when the runtimes differ by more than 10× at a level, not for a wide spread alone', () => {
    const model = coldModel();
    assert.equal(runtimesDifferTenfold(model), true, 'the peer\'s Docker/WASM differ 17.6× at concurrency 4');
    // Both runtimes span 20 ms to 400 ms across levels, yet never differ by 10× at one level.
    const levels = [...new Set(model.groups.map((g) => g.concurrency))];
    const close = { ...model, groups: model.groups.map((g) => ({ ...g, avg_total: 20 * 20 ** (levels.indexOf(g.concurrency) / (levels.length - 1)) * (g.runtime === model.baseline ? 1.5 : 1) })) };
    assert.equal(runtimesDifferTenfold(close), false);
    const y = (figure(chartFigures(close), 'latency').spec as { encoding: { y: { scale: { type?: string; zero?: boolean } } } }).encoding.y;
    assert.equal(y.scale.type, undefined);
    assert.equal(y.scale.zero, true);
  });

  it('latency: a linear scale from zero when the runtimes are within 10× (prewarmed: 398 vs 1024.6 ms)', () => {
    const latency = figure(chartFigures(warmModel()), 'latency');
    assert.deepEqual((latency.spec as { encoding: { y: { scale: unknown } } }).encoding.y.scale, { zero: true });
  });

  it('latency: no 95th percentile for a group of one activation (it would be that activation)', () => {
    const values = valuesOf(figure(chartFigures(coldModel()), 'latency'));
    assert.equal(values.some((v) => v.concurrency === 1 && v.statistic === '95th percentile'), false);
    assert.equal(values.some((v) => v.concurrency === 4 && v.statistic === '95th percentile'), true);
  });

  it('split: cold starts and warm starts apart, init over cold starts only: the means of the raw records', () => {
    needPeerData();
    const values = valuesOf(figure(chartFigures(coldModel()), 'split'));
    type Raw = { duration: number; annotations: Array<{ key: string; value: unknown }> };
    for (const [label, file] of [['Docker', COLD_FILES[0]], ['WASM', COLD_FILES[1]]]) {
      for (const level of JSON.parse(readFileSync(file, 'utf8')) as Array<{ no_concurrent_requests: number; responses: Raw[] }>) {
        const annotation = (r: Raw, key: string) => r.annotations.find((a) => a.key === key)?.value as number | undefined;
        for (const [start, cold] of [['cold starts', true], ['warm starts', false]] as const) {
          const own = level.responses.filter((r) => (annotation(r, 'initTime') !== undefined) === cold);
          const parts = values.filter((v) => v.runtime === label && v.concurrency === level.no_concurrent_requests && v.start === start);
          if (own.length === 0) {
            assert.deepEqual(parts, [], `${label} ${level.no_concurrent_requests}: no ${start}, no bar`);
            continue;
          }
          const mean = (f: (r: Raw) => number) => own.reduce((sum, r) => sum + f(r), 0) / own.length;
          const init = (r: Raw) => annotation(r, 'initTime') ?? 0;
          const expected = [['Wait', mean((r) => annotation(r, 'waitTime') as number)], ...(cold ? [['Init (cold starts only)', mean(init)]] : []), ['Exec', mean((r) => r.duration - init(r))]];
          assert.deepEqual(parts.map((p) => p.part), expected.map(([part]) => part), `${label} ${level.no_concurrent_requests} ${start}`);
          parts.forEach((p, i) => assert.ok(Math.abs((p.ms as number) - (expected[i][1] as number)) <= 0.01, `${label} ${level.no_concurrent_requests} ${start} ${p.part}: ${p.ms} vs ${expected[i][1]}`));
        }
      }
    }
  });

  it('split: aggregates give wait (avg_total − avg_duration) and duration, never a guessed init', () => {
    const split = figure(chartFigures(sweepModel()), 'split');
    assert.equal(split.from_aggregates, true);
    const docker4 = valuesOf(split).filter((v) => v.runtime === 'Docker' && v.concurrency === 4);
    // The seed's table: avg_total 27562, avg_duration 8748.25 at concurrency 4.
    assert.deepEqual(docker4.map((v) => [v.part, v.ms]), [['Wait', 27562 - 8748.25], ['Duration (init + exec, not separable)', 8748.25]]);
  });

  it('speedup: baseline / candidate of mean total time, 17.58× at concurrency 4 (27562 / 1567.75)', () => {
    const values = valuesOf(figure(chartFigures(sweepModel()), 'speedup'));
    assert.deepEqual(values.map((v) => v.concurrency), [1, 2, 3, 4]);
    assert.equal(values.find((v) => v.concurrency === 4)?.ratio, Math.round((27562 / 1567.75) * 100) / 100);
    assert.ok(values.every((v) => v.runtime === 'WASM' && v.ci_low === null));
  });

  it('strip: one point per successful activation of the raw records', () => {
    needPeerData();
    const raw = COLD_FILES.flatMap((file) =>
      (JSON.parse(readFileSync(file, 'utf8')) as Array<{ responses: Array<{ response: { status: string } }> }>).flatMap((level) => level.responses),
    );
    const successes = raw.filter((r) => r.response.status === 'success').length;
    assert.equal(successes, 25, 'the peer ran 10 Docker and 15 WASM activations, all successful');
    assert.equal(valuesOf(figure(chartFigures(coldModel()), 'strip')).length, successes);
  });

  it('each runtime has one colour in every figure of a document, from its sorted label order (a project of one)', () => {
    for (const [name, model] of Object.entries(MODELS)) {
      const order = model().runtimes.map((r) => r.label).sort();
      for (const f of chartFigures(model())) {
        const scales = runtimeColorScales(f.spec);
        if (f.spec !== null && f.id !== 'split') assert.ok(scales.length > 0, `${name}/${f.id} colours its runtimes`);
        for (const { domain, range } of scales) {
          domain.forEach((label, i) => assert.equal(range[i], RUNTIME_COLORS[order.indexOf(label)], `${name}/${f.id}: ${label}`));
        }
      }
    }
  });

  it('aggregates carry no distribution: ECDF and strip plot are left out, saying why', () => {
    const figures = chartFigures(sweepModel());
    for (const id of ['ecdf', 'strip']) {
      assert.equal(figure(figures, id).spec, null);
      assert.equal(figure(figures, id).omitted, 'no-distribution');
    }
    assert.ok(['latency', 'split', 'speedup'].every((id) => figure(figures, id).spec !== null));
  });

  it('one runtime: no speedup chart, the others drawn', () => {
    const model = coldModel();
    const single = { ...model, runtimes: model.runtimes.slice(0, 1), groups: model.groups.filter((g) => g.runtime === 'blackbox') };
    const figures = chartFigures({ ...single, points: (model.points ?? []).filter((p) => p.runtime === 'blackbox'), speedups: [] });
    assert.equal(figure(figures, 'speedup').omitted, 'one-runtime');
    assert.ok(['latency', 'split', 'ecdf', 'strip'].every((id) => figure(figures, id).spec !== null));
  });

  it('the pair document (one activation per runtime) gets all five', () => {
    assert.deepEqual(chartFigures(pairModel()).filter((f) => f.spec !== null).map((f) => f.id), ['latency', 'split', 'speedup', 'ecdf', 'strip']);
  });
});

describe('charts: log scales', () => {
  it('ticks at 1-2-5 steps inside the range, denser while fewer than four fit (hand computed)', () => {
    assert.deepEqual(logTicks(1567.75, 27562), [2000, 5000, 10000, 20000]);
    assert.deepEqual(logTicks(69, 745), [100, 200, 300, 500]);
    assert.deepEqual(logTicks(0.26, 1), [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
  });
});

describe('charts: ECDF steps', () => {
  it('computes the share at or below each distinct time, ties as one step, from 0 at the fastest', () => {
    const steps = ecdfSteps([3, 1, 2, 2].map((total_ms) => ({ runtime: 'a', total_ms })));
    assert.deepEqual(steps.map((s) => [s.total_ms, s.share, s.observed]), [[1, 0, false], [1, 0.25, true], [2, 0.75, true], [3, 1, true]]);
  });

  it('reaches 100% at the slowest activation of each runtime of the peer\'s records', () => {
    const steps = valuesOf(figure(chartFigures(coldModel()), 'ecdf'));
    for (const runtime of ['Docker', 'WASM']) {
      const own = steps.filter((s) => s.runtime === runtime && s.observed);
      const slowest = Math.max(...(coldModel().points ?? []).filter((p) => p.runtime === (runtime === 'Docker' ? 'blackbox' : 'wasm:0.1')).map((p) => p.total_ms as number));
      assert.deepEqual(own.at(-1), { runtime, total_ms: slowest, share: 1, observed: true });
    }
  });
});
