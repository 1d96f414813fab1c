// Where total time goes: stacked bars of wait, init and exec per runtime (a panel each) and
// concurrency. The parts are means over successful activations, so they add up to the mean total:
// init is the mean init time per activation (warm ones count 0) = avg_duration − avg_exec.
// Pre-aggregated rows give wait (= avg_total − avg_duration) and duration, but not init apart from
// exec: they do not say how many activations were cold, and avg_init is a mean over cold ones only.
import type { ModelGroup, ReportModel } from '../report/model.js';
import { round } from '../report/round.js';
import { drawn, leftOut, presentInOrder, type Chart } from './chart.js';
import { PART_COLORS } from './palette.js';
import { CHART_HEIGHT, CONCURRENCY_AXIS, frame } from './theme.js';

const PARTS = [
  { key: 'wait', name: 'Wait', color: PART_COLORS.wait },
  { key: 'init', name: 'Init', color: PART_COLORS.init },
  { key: 'exec', name: 'Exec', color: PART_COLORS.exec },
  { key: 'duration', name: 'Duration (init + exec, not separable)', color: PART_COLORS.duration },
] as const;
type PartKey = (typeof PARTS)[number]['key'];

/** Panels get their own y scale when one runtime's tallest bar is under 1/OWN_SCALE_BELOW of another's. */
const OWN_SCALE_BELOW = 10;
const MIXED_INIT = 'Init (mean over all activations, warm as 0)';
const TITLE = 'Where total time goes: mean wait, init and exec by concurrency';
/** Total width of the panels together: fits GitHub's Markdown column. */
const PANELS_WIDTH = 640;

export function splitChart(model: ReportModel): Chart {
  const values = model.groups.flatMap((g) =>
    parts(g).map(([part, ms]) => ({ runtime: g.label, concurrency: g.concurrency, part: partName(part) as string, order: partIndex(part), ms })),
  );
  if (values.length === 0) return leftOut(TITLE, 'no-times');
  // Init is a mean over every activation (warm ones count 0): where a group mixes both, the legend says so.
  const mixed = model.groups.some((g) => g.from === 'activations' && g.cold !== null && g.cold > 0 && g.cold < g.count);
  if (mixed) for (const v of values) if (v.part === partName('init')) v.part = MIXED_INIT;
  const used = PARTS.map((p): { name: string; color: string } => (p.key === 'init' && mixed ? { ...p, name: MIXED_INIT } : p)).filter((p) => values.some((v) => v.part === p.name));
  const shown = presentInOrder(model.runtimes.map((r) => r.label), values.map((v) => v.runtime));
  const columns = Math.min(shown.length, 3);
  const own = ownScales(values);
  const spec = {
    ...frame(TITLE, null),
    data: { values },
    facet: { field: 'runtime', type: 'nominal', title: null, sort: shown },
    columns,
    spec: {
      width: Math.floor(PANELS_WIDTH / columns) - 20,
      height: CHART_HEIGHT,
      mark: { type: 'bar', stroke: 'white', strokeWidth: 0.5 },
      encoding: {
        x: { field: 'concurrency', type: 'ordinal', axis: CONCURRENCY_AXIS },
        y: { field: 'ms', type: 'quantitative', aggregate: 'sum', stack: 'zero', title: own ? 'Mean time (ms), each panel its own scale' : 'Mean time (ms)' },
        color: {
          field: 'part',
          type: 'nominal',
          title: 'Part of total time',
          scale: { domain: used.map((p) => p.name), range: used.map((p) => p.color) },
        },
        order: { field: 'order', type: 'quantitative' },
      },
    },
  };
  if (own) Object.assign(spec, { resolve: { scale: { y: 'independent' } } });
  return drawn(TITLE, spec, shown, model.groups.every((g) => g.from === 'aggregates'));
}

/** One runtime's tallest bar under a tenth of another's would all but vanish on a shared scale. */
function ownScales(values: ReadonlyArray<{ runtime: string; concurrency: number; ms: number }>): boolean {
  const tallest = new Map<string, number>();
  const bars = new Map<string, number>();
  for (const v of values) bars.set(`${v.runtime}\u0000${v.concurrency}`, (bars.get(`${v.runtime}\u0000${v.concurrency}`) ?? 0) + v.ms);
  for (const [key, ms] of bars) {
    const runtime = key.split('\u0000')[0];
    tallest.set(runtime, Math.max(tallest.get(runtime) ?? 0, ms));
  }
  const heights = [...tallest.values()];
  return heights.length > 1 && Math.min(...heights) * OWN_SCALE_BELOW < Math.max(...heights);
}

function parts(g: ModelGroup): Array<[PartKey, number]> {
  if (g.from === 'activations') {
    if (g.avg_wait === null || g.avg_exec === null || g.avg_duration === null) return [];
    return [['wait', g.avg_wait], ['init', round(g.avg_duration - g.avg_exec, 2)], ['exec', g.avg_exec]];
  }
  if (g.avg_total === null || g.avg_duration === null) return [];
  return [['wait', round(g.avg_total - g.avg_duration, 2)], ['duration', g.avg_duration]];
}

const partIndex = (key: PartKey) => PARTS.findIndex((p) => p.key === key);
const partName = (key: PartKey) => PARTS[partIndex(key)].name;
