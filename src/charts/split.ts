// Where total time goes: stacked bars of mean wait, init and exec per runtime (a column of
// panels each) and concurrency, cold starts and warm starts apart (a row each), so init is the
// mean over cold starts only: the avg_init the documents' prose quotes. Each bar adds up to the
// mean total of its own activations. Pre-aggregated rows give wait (= avg_total − avg_duration)
// and duration, not init apart from exec: they do not say how many activations were cold, and
// their avg_init is a mean over cold ones only; their row says so.
import type { ModelGroup, ReportModel } from '../report/model.js';
import type { PartFigures } from '../types.js';
import { round } from '../report/round.js';
import { concurrencyAxis } from './axis.js';
import { drawn, leftOut, presentInOrder, type Chart } from './chart.js';
import { PART_COLORS } from './palette.js';
import { CHART_HEIGHT, frame } from './theme.js';

const PARTS = [
  { key: 'wait', name: 'Wait', color: PART_COLORS.wait },
  { key: 'init', name: 'Init (cold starts only)', color: PART_COLORS.init },
  { key: 'exec', name: 'Exec', color: PART_COLORS.exec },
  { key: 'duration', name: 'Duration (init + exec, not separable)', color: PART_COLORS.duration },
] as const;
type PartKey = (typeof PARTS)[number]['key'];
const STARTS = ['cold starts', 'warm starts', 'all (pre-aggregated rows)'] as const;
type Start = (typeof STARTS)[number];

/** Panels get their own y scale when one panel's tallest bar is under 1/OWN_SCALE_BELOW of another's. */
const OWN_SCALE_BELOW = 10;
const TITLE = 'Where total time goes: mean wait, init and exec by concurrency';
/** Width of the panels and their y axes together, beside the row headers: fits GitHub's Markdown column (800 px). */
const PANELS_WIDTH = 730;
const PANEL_MIN_WIDTH = 80;

interface SplitValue {
  runtime: string;
  start: Start;
  concurrency: number;
  part: string;
  order: number;
  ms: number;
}

export function splitChart(model: ReportModel): Chart {
  const values: SplitValue[] = model.groups.flatMap((g) =>
    bars(g).flatMap(([start, parts]) =>
      parts.map(([part, ms]) => ({ runtime: g.label, start, concurrency: g.concurrency, part: partName(part), order: partIndex(part), ms })),
    ),
  );
  if (values.length === 0) return leftOut(TITLE, 'no-times');
  const used = PARTS.filter((p) => values.some((v) => v.part === p.name));
  const shown = presentInOrder(model.runtimes.map((r) => r.label), values.map((v) => v.runtime));
  const rows = new Set(values.map((v) => v.start)).size;
  const own = ownScales(values);
  // Panels with their own scale each carry a y axis (about 70 px): narrower, so the figure still fits.
  const width = Math.max(PANEL_MIN_WIDTH, own ? Math.floor(PANELS_WIDTH / shown.length) - 90 : Math.floor((PANELS_WIDTH - 70) / shown.length) - 20);
  const spec = {
    ...frame(TITLE, null),
    data: { values },
    // Both in vega's ascending order (code units): with a custom sort, vega-lite 6.4 lays a row ×
    // column facet's cells out column by column under row-by-row headers (a runtime's cold bars under "warm starts").
    facet: {
      column: { field: 'runtime', type: 'nominal', title: null, header: { labelLimit: width } },
      row: { field: 'start', type: 'nominal', title: null, header: { labelAngle: -90, labelOrient: 'left' } },
    },
    spec: {
      width,
      height: rows > 1 ? Math.round(CHART_HEIGHT * 0.75) : CHART_HEIGHT,
      mark: { type: 'bar', stroke: 'white', strokeWidth: 0.5 },
      encoding: {
        x: { field: 'concurrency', type: 'ordinal', axis: concurrencyAxis(values.map((v) => v.concurrency), width) },
        y: { field: 'ms', type: 'quantitative', aggregate: 'sum', stack: 'zero', title: own ? 'Mean time (ms), own scale' : 'Mean time (ms)' },
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

/** One panel's tallest bar under a tenth of another's would all but vanish on a shared scale. */
function ownScales(values: readonly SplitValue[]): boolean {
  const bars = new Map<string, number>();
  for (const v of values) {
    const bar = `${v.runtime}\u0000${v.start}\u0000${v.concurrency}`;
    bars.set(bar, (bars.get(bar) ?? 0) + v.ms);
  }
  const tallest = new Map<string, number>();
  for (const [bar, ms] of bars) {
    const panel = bar.split('\u0000').slice(0, 2).join('\u0000');
    tallest.set(panel, Math.max(tallest.get(panel) ?? 0, ms));
  }
  const heights = [...tallest.values()];
  return heights.length > 1 && Math.min(...heights) * OWN_SCALE_BELOW < Math.max(...heights);
}

/** A group's bars: its cold starts and its warm starts apart, each the means over its own activations. */
function bars(g: ModelGroup): Array<[Start, Array<[PartKey, number]>]> {
  if (g.from !== 'activations') {
    if (g.avg_total === null || g.avg_duration === null) return [];
    return [['all (pre-aggregated rows)', [['wait', round(g.avg_total - g.avg_duration, 2)], ['duration', g.avg_duration]]]];
  }
  const out: Array<[Start, Array<[PartKey, number]>]> = [];
  for (const [start, part] of [['cold starts', g.parts.cold], ['warm starts', g.parts.warm]] as const) {
    const parts = part ? partsOf(part, start === 'cold starts') : null;
    if (parts) out.push([start, parts]);
  }
  return out;
}

function partsOf(part: PartFigures, cold: boolean): Array<[PartKey, number]> | null {
  if (part.count === 0 || part.avg_wait === null || part.avg_exec === null || part.avg_duration === null) return null;
  // exec = duration − init per activation, so the mean init is the mean duration less the mean exec.
  const init = cold ? [['init', round(part.avg_duration - part.avg_exec, 2)] as [PartKey, number]] : [];
  return [['wait', part.avg_wait], ...init, ['exec', part.avg_exec]];
}

const partIndex = (key: PartKey) => PARTS.findIndex((p) => p.key === key);
const partName = (key: PartKey): string => PARTS[partIndex(key)].name;
