// Rules of the consistency check on ratios the prose cites from the summary table (issue 11): a
// sentence's factor must be what the table's avg_total (or its own figures) give, to the decimal shown.
import { escapeInline } from '../markdown.js';
import type { ReportModel } from '../model.js';
import * as msg from './messages.js';

const NUMBER = String.raw`(\d+(?:\.\d+)?)`;
/** A factor shown to 1 decimal may differ by one unit in that decimal from the rounded table's. */
const near = (shown: number, computed: number) => Math.abs(shown - computed) <= 0.051;
const ratioText = (ratios: readonly number[]) => ratios.map((r) => `${Math.round(r * 10) / 10}×`).join(', ');

/** other's avg_total ÷ fast's at each level both have, by the labels the document shows. */
function ratiosOf(model: ReportModel, fastLabel: string, otherLabel: string): Map<number, number> {
  const find = (label: string, level: number) => model.groups.find((g) => escapeInline(g.label) === label && g.concurrency === level && g.avg_total !== null);
  const out = new Map<number, number>();
  for (const level of model.levels) {
    const fast = find(fastLabel, level);
    const other = find(otherLabel, level);
    if (fast && other) out.set(level, (other.avg_total as number) / (fast.avg_total as number));
  }
  return out;
}

/** "X delivers **F× lower average total time** than Y at concurrency L" / "**F× to G× …** at every concurrency level … (most at concurrency M)". */
export function delivers(model: ReportModel, markdown: string): string[] {
  const out: string[] = [];
  const pattern = new RegExp(String.raw`^(.+?) delivers \*\*${NUMBER}×(?: to ${NUMBER}×)? lower average total time\*\* than (.+?) at (?:concurrency (\d+)|every concurrency level both measured(?: \(most at concurrency (\d+)\))?)`, 'gm');
  for (const m of markdown.matchAll(pattern)) {
    const ratios = ratiosOf(model, m[1], m[4]);
    const claim = m[0];
    if (ratios.size === 0) { out.push(msg.claimAgainstTable(claim, 'no such runtimes at a shared level')); continue; }
    if (m[5] !== undefined) {
      const at = ratios.get(Number(m[5]));
      if (at === undefined || !near(Number(m[2]), at)) out.push(msg.claimAgainstTable(claim, at === undefined ? 'no such level' : ratioText([at])));
      continue;
    }
    const values = [...ratios.values()];
    const low = Math.min(...values);
    const high = Math.max(...values);
    const shownHigh = m[3] === undefined ? Number(m[2]) : Number(m[3]);
    const most = [...ratios].find(([, r]) => r === high)?.[0];
    if (!near(Number(m[2]), low) || !near(shownHigh, high) || (m[6] !== undefined && Number(m[6]) !== most && !near(ratios.get(Number(m[6])) ?? 0, high))) {
      out.push(msg.claimAgainstTable(claim, `${ratioText([low])} to ${ratioText([high])}, most at concurrency ${most}`));
    }
  }
  return out;
}

/** "The largest difference is F× at concurrency L, in favour of R." (two runtimes): the largest avg_total ratio either way. */
export function largestDifference(model: ReportModel, markdown: string): string[] {
  if (model.runtimes.length !== 2) return [];
  const [a, b] = model.runtimes.map((r) => escapeInline(r.label));
  const ratios = ratiosOf(model, a, b);
  const out: string[] = [];
  for (const m of markdown.matchAll(new RegExp(String.raw`The largest difference is ${NUMBER}× at concurrency (\d+), in favour of (.+?)\.`, 'g'))) {
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
