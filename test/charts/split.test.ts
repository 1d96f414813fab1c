// The split chart as drawn: a column of panels per runtime and a row per kind of start, each bar
// in the panel its headers name (vega-lite misplaces cells under a custom facet sort), init in
// cold-start bars only (the mean over cold starts, as the prose quotes avg_init), and panels on
// their own scale where one runtime's bars would otherwise vanish.
import assert from 'node:assert/strict';
import { renderSvg, splitChart } from '../../src/charts/index.js';
import type { ReportModel } from '../../src/report/index.js';
import { readSvg } from './svg.js';
import { coldModel, shapeModel, sweepModel } from './helpers.js';

type Value = { runtime: string; start: string; concurrency: number; part: string; ms: number };

/** What the SVG shows: (runtime, start, level, part) of every bar, runtime and start read from the nearest headers. */
async function drawnBars(model: ReportModel) {
  const chart = splitChart(model);
  const spec = chart.spec as { data: { values: Value[] }; resolve?: unknown };
  const { svg, warnings } = await renderSvg(spec);
  assert.deepEqual(warnings, []);
  const width = Number(svg.match(/<svg[^>]* width="(\d+)"/)?.[1]);
  assert.ok(width <= 800, `fits GitHub's Markdown column: ${width} px`);
  const { marks, labels } = readSvg(svg);
  const headers = labels.filter((l) => l.group.startsWith('mark-text role-title-text'));
  const starts = headers.filter((h) => h.angle === -90 && h.text !== 'Mean time (ms)');
  // A header too long for its panel is cut with an ellipsis: it names the runtime it starts.
  const runtimeOf = (text: string) => spec.data.values.find((v) => v.runtime === text || (text.endsWith('…') && v.runtime.startsWith(text.slice(0, -1))))?.runtime;
  const runtimes = headers.filter((h) => h.angle === 0 && runtimeOf(h.text)).map((h) => ({ ...h, text: runtimeOf(h.text) as string }));
  const nearest = (items: typeof headers, key: 'x' | 'y', at: number) => [...items].sort((a, b) => Math.abs(a[key] - at) - Math.abs(b[key] - at))[0].text;
  const bars = marks.filter((m) => m.role === 'bar').map((bar) => ({
    bar,
    key: [
      nearest(runtimes, 'x', bar.x + bar.dx / 2),
      starts.length > 0 ? nearest(starts, 'y', bar.y + bar.dy / 2) : spec.data.values[0].start,
      bar.label.match(/concurrency: (\d+)/)?.[1],
      bar.label.match(/Part of total time: ([^;]+)/)?.[1],
    ].join(' | '),
  }));
  const expected = spec.data.values.filter((v) => v.ms > 0).map((v) => [v.runtime, v.start, v.concurrency, v.part].join(' | '));
  return { spec, bars, expected, starts: starts.map((s) => s.text) };
}

describe('charts: split', function () {
  this.timeout(60000);

  const cases: Record<string, () => ReportModel> = {
    'the peer\'s cold-start records (cold and warm mixed, Docker at 4 levels, WASM at 5)': coldModel,
    'generated, 4 runtimes with long names at one level': () => shapeModel({ levels: [1], runtimes: 4 }, { rt0: 'vanilla docker', rt1: 'nodejs:20-with-a-long-name', rt2: 'WASM', rt3: 'python' }),
    'generated, 14 levels up to 10000': () => shapeModel({ levels: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1000, 2000, 5000, 10000], perRun: 3 }),
    'generated, 4 runtimes 100× apart at 64 levels': () => shapeModel({ levels: Array.from({ length: 64 }, (_, i) => i + 1), perRun: 2, runtimes: 4, factor: 100 }),
  };
  for (const [name, model] of Object.entries(cases)) {
    it(`${name}: every bar is drawn in the panel of its runtime and start`, async () => {
      const { bars, expected, starts } = await drawnBars(model());
      assert.deepEqual(starts, ['cold starts', 'warm starts']);
      assert.deepEqual(bars.map((b) => b.key).sort(), expected.sort());
    });
  }

  it('init is in cold-start bars only, named as the mean over cold starts', async () => {
    const { spec } = await drawnBars(coldModel());
    const inits = spec.data.values.filter((v) => v.part.startsWith('Init'));
    assert.ok(inits.length > 0);
    assert.ok(inits.every((v) => v.start === 'cold starts' && v.part === 'Init (cold starts only)'));
  });

  it('warm-only data: one row of warm starts, no init; aggregates: one row that says so, duration not split', async () => {
    const warm = await drawnBars(shapeModel({ cold: 0 }));
    assert.deepEqual(warm.starts, ['warm starts']);
    assert.deepEqual([...new Set(warm.spec.data.values.map((v) => v.part))], ['Wait', 'Exec']);
    assert.deepEqual(warm.bars.map((b) => b.key).sort(), warm.expected.sort());
    const sweep = await drawnBars(sweepModel());
    assert.deepEqual(sweep.starts, ['all (pre-aggregated rows)']);
    assert.deepEqual([...new Set(sweep.spec.data.values.map((v) => v.part))], ['Wait', 'Duration (init + exec, not separable)']);
  });

  it('one runtime 100× slower: each panel has its own scale, and the fast runtime\'s tallest bar fills most of its panel', async () => {
    const model = shapeModel({ factor: 100, levels: [1, 2, 4, 8], cold: 1 }, { rt0: 'slow', rt1: 'fast' });
    const { spec, bars } = await drawnBars(model);
    assert.deepEqual(spec.resolve, { scale: { y: 'independent' } });
    for (const runtime of ['slow', 'fast']) {
      const own = bars.filter((b) => b.key.startsWith(`${runtime} |`)).map((b) => b.bar);
      const stacks = new Map<number, number>();
      for (const bar of own) stacks.set(bar.x, (stacks.get(bar.x) ?? 0) + bar.dy);
      assert.ok(Math.max(...stacks.values()) > 0.5 * 280, `${runtime}: tallest bar ${Math.max(...stacks.values())} px`);
    }
  });
});
