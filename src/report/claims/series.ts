// One runtime's figure across concurrency levels, and the rules that describe it: a trend between
// the first and last level, the range of values, and the growth of a peak over the first level.
import { factor, ms, percent } from '../round.js';
import { THRESHOLDS } from './thresholds.js';
import { directionOf } from '../findings/words/flat.js';
import { isConsistent } from '../findings/words/consistently.js';
import { isRelevant } from '../findings/words/faster.js';

export interface Point {
  concurrency: number;
  ms: number;
}

export interface LevelValue {
  concurrency: number;
  value: number;
}

export interface Trend {
  first: Point;
  last: Point;
  low: Point;
  high: Point;
  /** findings/words/flat.ts: "rises" / "falls" (last vs first), "flat" (every level within 20%), else "varies". */
  direction: 'rises' | 'falls' | 'flat' | 'varies';
  /** last / first when rising, first / last when falling (1 decimal). */
  factor: number;
  /** |last − first| / first, in percent. */
  change_percent: number;
  /** Every step moves in the trend's direction (never for "flat"). */
  monotone: boolean;
  /** Two levels: one step, of which "at every step" would say more than there is. */
  one_step: boolean;
}

export interface Range {
  low: Point;
  high: Point;
  /** findings/words/consistently.ts. */
  consistent: boolean;
  /** One value (one level, or equal ends): written as one value, never as a range. */
  single: boolean;
}

export interface Growth {
  first: Point;
  peak: Point;
  /** peak / first (1 decimal); null when the first value is 0, the peak is the first level, or the growth is not relevant (findings/words/faster.ts). */
  factor: number | null;
  /** factor ≥ THRESHOLDS.sharpGrowth. */
  sharp: boolean;
}

export function point(concurrency: number, valueMs: number): Point {
  return { concurrency, ms: ms(valueMs) as number };
}

const at = (v: LevelValue) => point(v.concurrency, v.value);

function extremes(values: LevelValue[]): { low: LevelValue; high: LevelValue } {
  // First occurrence wins ties, so the result does not depend on anything but level order.
  let low = values[0];
  let high = values[0];
  for (const v of values) {
    if (v.value < low.value) low = v;
    if (v.value > high.value) high = v;
  }
  return { low, high };
}

/** Needs two levels or more. */
export function trendOf(values: LevelValue[]): Trend | null {
  if (values.length < 2) return null;
  const first = values[0];
  const last = values[values.length - 1];
  const { low, high } = extremes(values);
  const ratio = first.value > 0 ? last.value / first.value : Number.NaN;
  const direction = directionOf(values.map((v) => v.value));
  const steps = values.slice(1).map((v, i) => v.value - values[i].value);
  const monotone =
    direction === 'rises' ? steps.every((d) => d > 0) : direction === 'falls' ? steps.every((d) => d < 0) : false;
  return {
    first: at(first),
    last: at(last),
    low: at(low),
    high: at(high),
    direction,
    factor: direction === 'falls' ? factor(1 / ratio) : Number.isFinite(ratio) ? factor(ratio) : 0,
    change_percent: Number.isFinite(ratio) ? percent(Math.abs(ratio - 1)) : 0,
    monotone,
    one_step: steps.length === 1,
  };
}

/** fewestRuns: the fewest runs behind any of the values (consistently needs repeated runs). */
export function rangeOf(values: LevelValue[], fewestRuns: number): Range | null {
  if (values.length === 0) return null;
  const { low, high } = extremes(values);
  const shown = [at(low), at(high)];
  return { low: shown[0], high: shown[1], consistent: isConsistent(values.map((v) => v.value), fewestRuns), single: shown[0].ms === shown[1].ms };
}

/** Needs two levels or more. */
export function growthOf(values: LevelValue[]): Growth | null {
  if (values.length < 2) return null;
  const first = values[0];
  const { high } = extremes(values);
  // No growth ratio when the peak is the first level, or when it would read "1.0×".
  const raw = first.value > 0 && high !== first ? high.value / first.value : null;
  const ratio = raw !== null && isRelevant(raw) ? raw : null;
  return {
    first: at(first),
    peak: at(high),
    factor: ratio === null ? null : factor(ratio),
    sharp: ratio !== null && ratio >= THRESHOLDS.sharpGrowth,
  };
}
