// Rules of the consistency check on ratios the prose cites from the summary table (issue 11): a
// sentence's factor must be what the table's avg_total (or its own figures) give, to the decimal shown.
import { escapeInline } from '../markdown.js';
import type { ReportModel } from '../model.js';
import * as msg from './messages.js';

const NUMBER = String.raw`(\d+(?:\.\d+)?)`;
/** A factor shown to 1 decimal may differ by one unit in that decimal from the rounded table's. */
const near = (shown: number, computed: number) => Math.abs(shown - computed) <= 0.051;
/** A range's low end is "at least": the smallest factor rounded down to 1 decimal (claims/levels.ts). */
const nearOrFloor = (shown: number, computed: number) => near(shown, computed) || shown === Math.floor(computed * 10 + 1e-9) / 10;
const ratioText = (ratios: readonly number[]) => ratios.map((r) => `${Math.round(r * 10) / 10}×`).join(', ');

type Statistic = 'mean' | 'median';
type Part = 'cold' | 'warm' | null;

/**
 * other's time ÷ fast's at each level both have, by the labels the document shows: the summary
 * table's avg_total, or, for a sentence that names a statistic or a part (cold, warm), that
 * part's mean or median total from the analysis' own group figures.
 */
function ratiosOf(model: ReportModel, fastLabel: string, otherLabel: string, statistic: Statistic = 'mean', part: Part = null): Map<number, number> {
  const value = (g: ReportModel['groups'][number]) => {
    const figures = part === null ? g : g.parts?.[part] ?? null;
    return figures === null ? null : statistic === 'mean' ? figures.avg_total : figures.p50_total;
  };
  const find = (label: string, level: number) => model.groups.find((g) => escapeInline(g.label) === label && g.concurrency === level && value(g) !== null);
  const out = new Map<number, number>();
  for (const level of model.levels) {
    const fast = find(fastLabel, level);
    const other = find(otherLabel, level);
    if (fast && other) out.set(level, (value(other) as number) / (value(fast) as number));
  }
  return out;
}

/**
 * "X had [**]F× lower mean total time[**] than Y [over cold starts] at concurrency L, …" / "[**]F× to G×
 * …[**] at each of the N concurrency levels both measured (most at concurrency M)": against the
 * table's (or that part's) figures.
 */
export function delivers(model: ReportModel, markdown: string): string[] {
  const out: string[] = [];
  const pattern = new RegExp(String.raw`^(.+?) had (?:\*\*)?${NUMBER}×(?: to ${NUMBER}×)? lower (mean|median) total time(?:\*\*)? than (.+?)(?: over (cold starts|warm activations))? at (?:concurrency (\d+)|each of the \d+ concurrency levels both measured(?: \(most at concurrency (\d+)\))?)`, 'gm');
  for (const m of markdown.matchAll(pattern)) {
    const part: Part = m[6] === undefined ? null : m[6] === 'cold starts' ? 'cold' : 'warm';
    const ratios = ratiosOf(model, m[1], m[5], m[4] as Statistic, part);
    const claim = m[0];
    if (ratios.size === 0) { out.push(msg.claimAgainstTable(claim, 'no such runtimes at a shared level')); continue; }
    if (m[7] !== undefined) {
      const at = ratios.get(Number(m[7]));
      if (at === undefined || !near(Number(m[2]), at)) out.push(msg.claimAgainstTable(claim, at === undefined ? 'no such level' : ratioText([at])));
      continue;
    }
    const values = [...ratios.values()];
    const low = Math.min(...values);
    const high = Math.max(...values);
    const shownHigh = m[3] === undefined ? Number(m[2]) : Number(m[3]);
    const most = [...ratios].find(([, r]) => r === high)?.[0];
    if (!nearOrFloor(Number(m[2]), low) || !near(shownHigh, high) || (m[8] !== undefined && Number(m[8]) !== most && !near(ratios.get(Number(m[8])) ?? 0, high))) {
      out.push(msg.claimAgainstTable(claim, `${ratioText([low])} to ${ratioText([high])}, most at concurrency ${most}`));
    }
  }
  return out;
}

/** "The largest difference [in mean|median total time] [over cold starts|warm activations] is F× at concurrency L, in favour of R." (two runtimes): the largest ratio either way. */
export function largestDifference(model: ReportModel, markdown: string): string[] {
  if (model.runtimes.length !== 2) return [];
  const [a, b] = model.runtimes.map((r) => escapeInline(r.label));
  const out: string[] = [];
  // A label may hold dots (wasm:0.1): the sentence ends at a dot before a space or the line's end.
  const sentence = String.raw`The largest difference(?: in (mean|median) total time)?(?: over (cold starts|warm activations))? is ${NUMBER}× at concurrency (\d+), in favour of (.+?)\.(?=\s|$)`;
  for (const found of markdown.matchAll(new RegExp(sentence, 'g'))) {
    const statistic = (found[1] ?? 'mean') as Statistic;
    const part: Part = found[2] === undefined ? null : found[2] === 'cold starts' ? 'cold' : 'warm';
    const ratios = ratiosOf(model, a, b, statistic, part);
    const m = [found[0], found[3], found[4], found[5]];
    let best: { level: number; factor: number; winner: string } | null = null;
    for (const [level, r] of ratios) {
      const factor = Math.max(r, 1 / r);
      if (best === null || factor > best.factor) best = { level, factor, winner: r >= 1 ? a : b };
    }
    if (best === null) continue;
    const at = ratios.get(Number(m[2]));
    const factorAt = at === undefined ? 0 : Math.max(at, 1 / at);
    const winnerAt = at === undefined ? '' : at >= 1 ? a : b;
    if (!near(Number(m[1]), best.factor) || !near(factorAt, best.factor) || winnerAt !== m[3]) {
      out.push(msg.claimAgainstTable(m[0], `${ratioText([best.factor])} at concurrency ${best.level}, in favour of ${best.winner}`));
    }
  }
  return out;
}

/** "Wait times: A ms for X vs B ms for Y (Z waited F× longer)": F and Z from the sentence's own A and B. */
export function waitTimes(markdown: string): string[] {
  const out: string[] = [];
  for (const m of markdown.matchAll(new RegExp(String.raw`Wait times: ${NUMBER} ms for (.+?) vs ${NUMBER} ms for (.+?) \((.+?) waited ${NUMBER}× longer\)`, 'g'))) {
    const [x, y] = [Number(m[1]), Number(m[3])];
    const longer = x >= y ? m[2] : m[4];
    const factor = Math.max(x, y) / Math.min(x, y);
    if (m[5] !== longer || !near(Number(m[6]), factor)) out.push(msg.claimAgainstTable(m[0], `${longer} waited ${ratioText([factor])} longer`));
  }
  return out;
}
