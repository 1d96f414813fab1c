// Colours: a runtime keeps its colour across every document of a project. A project is the
// set of documents in one docs folder: `owbench docs` assigns the palette over the sorted union
// of the runtime labels of all its datasets (so its output depends on the data alone), and
// `owbench report --out DIR/NAME.md` keeps the colours the figures already in DIR give their
// runtimes (see project.ts). Nothing is persisted beyond the charts themselves.
import type { ReportModel } from '../report/model.js';

/** Tableau 10 (vega's default categorical scheme), fixed here so a vega upgrade cannot recolour documents. */
export const RUNTIME_COLORS = [
  '#4c78a8', '#f58518', '#54a24b', '#e45756', '#72b7b2',
  '#eeca3b', '#b279a2', '#ff9da6', '#9d755d', '#bab0ac',
];

/** The parts of total time in the split chart: greys, so they never read as runtimes. */
export const PART_COLORS = { wait: '#c8c8c8', init: '#8a8a8a', exec: '#3c3c3c', duration: '#636363' } as const;

/** A runtime's display label → its colour, for every document of a project. */
export type RuntimePalette = ReadonlyMap<string, string>;

/** Locale-free order (code units), so the palette is the same bytes on every machine. */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Colours for the runtimes of `documents` (each a list of labels). Labels in `kept` keep their
 * colour unless a runtime of the same document already has it; the others, in sorted order,
 * take the first colour no runtime of the project has, else the first no runtime of their
 * documents has. Up to ten labels in a project, the i-th sorted label gets the i-th colour.
 */
export function projectPalette(documents: ReadonlyArray<readonly string[]>, kept: RuntimePalette = new Map()): Map<string, string> {
  const labels = [...new Set(documents.flat())].sort(byCodeUnits);
  const neighbours = new Map(labels.map((label) => [label, new Set(documents.filter((d) => d.includes(label)).flat())]));
  const palette = new Map<string, string>();
  const takenBy = (label: string) => new Set([...(neighbours.get(label) ?? [])].map((n) => palette.get(n)).filter((c) => c !== undefined));
  for (const label of labels.filter((l) => kept.has(l))) {
    const colour = kept.get(label) as string;
    if (!takenBy(label).has(colour)) palette.set(label, colour);
  }
  for (const label of labels.filter((l) => !palette.has(l))) {
    const project = new Set([...palette.values(), ...kept.values()]);
    const taken = takenBy(label);
    const colour =
      RUNTIME_COLORS.find((c) => !project.has(c) && !taken.has(c)) ??
      RUNTIME_COLORS.find((c) => !taken.has(c)) ??
      RUNTIME_COLORS[palette.size % RUNTIME_COLORS.length];
    palette.set(label, colour);
  }
  return palette;
}

/** A document on its own is a project of one: its runtimes' colours in sorted label order. */
export const documentPalette = (model: ReportModel): Map<string, string> => projectPalette([model.runtimes.map((r) => r.label)]);

/** A Vega-Lite colour scale over the runtimes a chart shows (by display label), each in its project colour. */
export function runtimeColorScale(palette: RuntimePalette, shown: string[]): { domain: string[]; range: string[] } {
  const own = projectPalette([shown], palette);
  return { domain: shown, range: shown.map((label) => own.get(label) as string) };
}

/** The colour encoding of a chart's runtimes (its legend titled `title`), in their project colours. */
export function runtimeColor(palette: RuntimePalette, shown: string[], title = 'Runtime') {
  return { field: 'runtime', type: 'nominal', title, scale: runtimeColorScale(palette, shown) };
}

export const labelOf = (model: ReportModel) => {
  const labels = new Map(model.runtimes.map((r) => [r.id, r.label]));
  return (runtime: string) => labels.get(runtime) ?? runtime;
};
