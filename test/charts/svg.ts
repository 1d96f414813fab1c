// Reads the geometry of a rendered chart back from its SVG (vega's output: translated groups,
// lines, rectangles as paths, text), in absolute pixels, so tests check what a reader sees.
import { FONT_FILES } from '../../src/charts/fonts.js';
import { loadFontMetrics } from '../../src/charts/text-metrics.js';

export interface Mark {
  /** vega's aria-roledescription ("bar", "rule mark", "tick", …) or, for text, the group's role. */
  role: string;
  label: string;
  x: number;
  y: number;
  /** Line end or rectangle size. */
  dx: number;
  dy: number;
  stroke: string | null;
  fill: string | null;
  /** Where the groups around it put it: marks of one facet cell share it. */
  origin: string;
}

export interface Label {
  /** The class of the enclosing mark group, e.g. "role-axis-label", and its nth occurrence. */
  group: string;
  text: string;
  x: number;
  y: number;
  anchor: string;
  angle: number;
  size: number;
}

const attr = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1] ?? null;
const translate = (tag: string) => {
  const m = attr(tag, 'transform')?.match(/translate\(([-\d.e]+),([-\d.e]+)\)/);
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
};

/** Every graphics-symbol mark and every text element, with the offsets of the groups around it. */
export function readSvg(svg: string): { marks: Mark[]; labels: Label[] } {
  const marks: Mark[] = [];
  const labels: Label[] = [];
  const stack: Array<{ x: number; y: number; group: string }> = [{ x: 0, y: 0, group: '' }];
  let groups = 0;
  for (const [tag, name, , text] of svg.matchAll(/<(\/?[a-z]+)([^>]*)>(?:([^<]*)<\/text>)?/g)) {
    const top = stack[stack.length - 1];
    if (name === 'g') {
      const [dx, dy] = translate(tag);
      const cls = attr(tag, 'class');
      stack.push({ x: top.x + dx, y: top.y + dy, group: cls ? `${cls}#${groups++}` : top.group });
      if (tag.endsWith('/>')) stack.pop();
    } else if (name === '/g') {
      stack.pop();
    } else if (name === 'text' && attr(tag, 'opacity') !== '0') {
      // vega keeps the labels its overlap rule hides, at opacity 0: a reader sees only the others.
      const [x, y] = translate(tag);
      const angle = Number(attr(tag, 'transform')?.match(/rotate\(([-\d.]+)\)/)?.[1] ?? 0);
      labels.push({ group: top.group, text: text ?? '', x: top.x + x, y: top.y + y, anchor: attr(tag, 'text-anchor') ?? 'start', angle, size: parseFloat(attr(tag, 'font-size') ?? '11') });
    } else if (attr(tag, 'role') === 'graphics-symbol' && (name === 'line' || name === 'path')) {
      const role = attr(tag, 'aria-roledescription') ?? '';
      const base = { role, label: attr(tag, 'aria-label') ?? '', stroke: attr(tag, 'stroke'), fill: attr(tag, 'fill'), origin: `${top.x},${top.y}` };
      if (name === 'line') {
        const [x, y] = translate(tag);
        marks.push({ ...base, x: top.x + x, y: top.y + y, dx: Number(attr(tag, 'x2') ?? 0), dy: Number(attr(tag, 'y2') ?? 0) });
      } else {
        const rect = attr(tag, 'd')?.match(/^M([-\d.e]+),([-\d.e]+)h([-\d.e]+)v([-\d.e]+)h/);
        const [x, y] = translate(tag);
        if (rect) marks.push({ ...base, x: top.x + x + Number(rect[1]), y: top.y + y + Number(rect[2]), dx: Number(rect[3]), dy: Number(rect[4]) });
      }
    }
  }
  return { marks, labels };
}

const metrics = loadFontMetrics(FONT_FILES.regular);

/** A label's box as four corners (the font's advance widths, the font size as height), rotated as drawn. */
export function labelCorners(label: Label): Array<[number, number]> {
  const width = metrics.width(label.text, label.size);
  const left = label.anchor === 'middle' ? -width / 2 : label.anchor === 'end' ? -width : 0;
  // Baseline at y; cap height and descenders within about 0.8 and 0.2 of the size.
  const corners: Array<[number, number]> = [[left, -0.8 * label.size], [left + width, -0.8 * label.size], [left + width, 0.2 * label.size], [left, 0.2 * label.size]];
  const a = (label.angle * Math.PI) / 180;
  return corners.map(([x, y]) => [label.x + x * Math.cos(a) - y * Math.sin(a), label.y + x * Math.sin(a) + y * Math.cos(a)]);
}

/** Whether two convex polygons overlap by more than `slack` px (separating axis theorem). */
export function overlap(a: Array<[number, number]>, b: Array<[number, number]>, slack = 0.5): boolean {
  for (const polygon of [a, b]) {
    for (let i = 0; i < polygon.length; i++) {
      const [x1, y1] = polygon[i];
      const [x2, y2] = polygon[(i + 1) % polygon.length];
      const length = Math.hypot(x2 - x1, y2 - y1);
      const [nx, ny] = [(y1 - y2) / length, (x2 - x1) / length];
      const project = (p: Array<[number, number]>) => p.map(([x, y]) => x * nx + y * ny);
      const [pa, pb] = [project(a), project(b)];
      if (Math.max(...pa) - slack <= Math.min(...pb) || Math.max(...pb) - slack <= Math.min(...pa)) return false;
    }
  }
  return true;
}

/** Pairs of tick labels of one axis whose drawn boxes overlap. */
export function overlappingTickLabels(svg: string): Array<[string, string]> {
  const byAxis = new Map<string, Label[]>();
  for (const label of readSvg(svg).labels.filter((l) => l.group.startsWith('mark-text role-axis-label'))) {
    byAxis.set(label.group, [...(byAxis.get(label.group) ?? []), label]);
  }
  const clashes: Array<[string, string]> = [];
  for (const labels of byAxis.values()) {
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) {
        if (overlap(labelCorners(labels[i]), labelCorners(labels[j]))) clashes.push([labels[i].text, labels[j].text]);
      }
    }
  }
  return clashes;
}
