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

const TITLE = 'Where total time goes: mean wait, init and exec by concurrency';
/** Total width of the panels together: fits GitHub's Markdown column. */
const PANELS_WIDTH = 640;

export function splitChart(model: ReportModel): Chart {
  const values = model.groups.flatMap((g) =>
    parts(g).map(([part, ms]) => ({ runtime: g.label, concurrency: g.concurrency, part: partName(part), order: partIndex(part), ms })),
  );
  if (values.length === 0) return leftOut(TITLE, 'no-times');
  const used = PARTS.filter((p) => values.some((v) => v.part === p.name));
  const shown = presentInOrder(model.runtimes.map((r) => r.label), values.map((v) => v.runtime));
  const columns = Math.min(shown.length, 3);
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
        y: { field: 'ms', type: 'quantitative', aggregate: 'sum', stack: 'zero', title: 'Mean time (ms)' },
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
  return drawn(TITLE, spec, shown, model.groups.every((g) => g.from === 'aggregates'));
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
