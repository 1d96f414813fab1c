// Many activations: the ECDF keeps at most MAX_STEPS exact steps per runtime, and the strip plot
// becomes percentile boxes whose figures equal numpy's (linear interpolation), so a large run
// still gives figures of a few tens of KB.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { percentileBoxes } from '../../src/charts/box.js';
import { ecdfSteps, MAX_STEPS } from '../../src/charts/ecdf.js';
import { ecdfChart, renderSvg, stripChart } from '../../src/charts/index.js';
import { STRIP_LIMIT } from '../../src/charts/strip.js';
import { coldModel, manyPoints } from './helpers.js';

describe('charts: many activations', function () {
  this.timeout(60000);

  it('ECDF: at most MAX_STEPS steps per runtime, each share exact, ending at 100%', () => {
    const totals = Array.from({ length: 1000 }, (_, i) => 1000 + i);
    const steps = ecdfSteps(totals.map((total_ms) => ({ runtime: 'r', total_ms })));
    const observed = steps.filter((s) => s.observed);
    assert.ok(observed.length <= MAX_STEPS && observed.length > MAX_STEPS / 2, `${observed.length} steps`);
    for (const step of observed) assert.equal(step.share, (step.total_ms - 999) / 1000);
    assert.deepEqual(observed.at(-1), { runtime: 'r', total_ms: 1999, share: 1, observed: true });
  });

  it(`strip plot: a point per activation up to ${STRIP_LIMIT}, percentile boxes beyond`, () => {
    const model = coldModel();
    const few = stripChart({ ...model, points: manyPoints(Math.floor(STRIP_LIMIT / 25)) });
    assert.match(few.title, /every activation/);
    const many = stripChart({ ...model, points: manyPoints(400) });
    assert.match(many.title, /median, quartiles and 5th–95th percentiles/);
  });

  it('percentile boxes equal numpy.percentile (linear) per runtime and concurrency', () => {
    const points = manyPoints(400).map((p) => ({ runtime: p.runtime, concurrency: p.concurrency, total_ms: p.total_ms as number }));
    const script = `
import json, sys, numpy as np, pandas as pd
df = pd.DataFrame(json.load(sys.stdin))
out = []
for (runtime, concurrency), g in df.groupby(['runtime', 'concurrency'], sort=False):
    q = np.percentile(g['total_ms'].to_numpy(), [5, 25, 50, 75, 95])
    out.append({'runtime': runtime, 'concurrency': int(concurrency), 'count': len(g), **{f'p{p}': round(float(v), 2) for p, v in zip([5, 25, 50, 75, 95], q)}})
print(json.dumps(out))`;
    const python = spawnSync('/usr/bin/python3', ['-c', script], { input: JSON.stringify(points), encoding: 'utf8' });
    assert.equal(python.status, 0, python.stderr);
    const reference = JSON.parse(python.stdout) as ReturnType<typeof percentileBoxes>;
    const ours = percentileBoxes(points);
    assert.equal(ours.length, 9, 'Docker at 4 levels, WASM at 5');
    for (const box of ours) {
      const ref = reference.find((r) => r.runtime === box.runtime && r.concurrency === box.concurrency);
      assert.ok(ref, `${box.runtime} ${box.concurrency}`);
      for (const key of ['count', 'p5', 'p25', 'p50', 'p75', 'p95'] as const) assert.ok(Math.abs(box[key] - ref[key]) <= 0.01, `${box.runtime} ${box.concurrency} ${key}: ${box[key]} vs ${ref[key]}`);
    }
  });

  it('10,000 activations make small figures (under 100 KB of SVG each)', async () => {
    const model = { ...coldModel(), points: manyPoints(400) };
    for (const chart of [stripChart(model), ecdfChart(model)]) {
      const { svg } = await renderSvg(chart.spec as Record<string, unknown>);
      assert.ok(svg.length < 100_000, `${chart.title}: ${svg.length} bytes`);
    }
  });
});
