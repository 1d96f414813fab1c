// One comparison of the sweep document (a candidate against the baseline, over one part): what
// the document's tests say at each level, which strong words (src/report/findings/words/) the
// data licenses, and the advice that follows a preference.
import { factor } from '../round.js';
import type { LevelValue, Range } from './series.js';
import type { RuntimeRef, Spread } from './levels.js';
import { THRESHOLDS } from './thresholds.js';
import { atEveryLevel } from '../findings/words/every-level.js';
import { fasterHeading } from '../findings/words/faster.js';
import { isOrderOfMagnitude } from '../findings/words/order-of-magnitude.js';
import { isSignificant } from '../findings/words/significant.js';
import { isRange, upTo } from '../findings/words/up-to.js';
import { isBold } from '../findings/words/bold.js';
import type { UnitComparison } from '../../types.js';

export interface Recommendations {
  /** winner faster on the total at every level, significantly (the gate then asks the findings). */
  prefer: boolean;
  /** the loser's avg_init is THRESHOLDS.initOverhead × the winner's or more at every level. */
  reduce_init: boolean;
  /** the loser's avg_init range, when all its cold starts take THRESHOLDS.painfulInitMs or longer. */
  warm_up: Range | null;
  /** The loser's first level whose avg_total reaches THRESHOLDS.degrade × its first level's. */
  degrade: { from_level: number; base_level: number; factor: number } | null;
  /** The recommendations that hold, in the document's order. */
  items: Array<'prefer' | 'reduce_init' | 'warm_up' | 'degrade'>;
  /** Why no recommendation (src/report/findings/gate.ts); null when there is one or before gating. */
  reason?: string | null;
  /** "in this run" or "across 8 runs" (issue 11). */
  scope?: string | null;
}

export interface SweepComparison {
  baseline: RuntimeRef;
  candidate: RuntimeRef;
  /** Cold or warm activations only (compared apart); null for pre-aggregated rows, which do not say. */
  part: 'cold' | 'warm' | null;
  /** The data has both parts, so every sentence names the one it is about. */
  name_part: boolean;
  /** The figure compared: the part's mean total time, or its median where a mean is carried by a few activations. */
  statistic: 'mean' | 'median';
  total: Spread | null;
  /** avg_init (cold activations only); null on the warm part. */
  init: Spread | null;
  /** avg_init ranges of the runtimes in `runtimes` order of the pair: baseline, then candidate. */
  baseline_init: Range | null;
  candidate_init: Range | null;
  tests: SweepTests;
  words: SweepWords;
  recommend: Recommendations;
}

/** What the document's tests (the total time, src/report/findings/family.ts) say about the pair. */
export interface SweepTests {
  tested: boolean;
  /** The runtime a "✅ X: Faster Than Y …, Significantly" heading may name (findings/words/faster.ts). */
  heading: RuntimeRef | null;
  /** Levels where the test is significant and the difference relevant, by the runtime lower there. */
  significant: Array<{ runtime: RuntimeRef; levels: number[] }>;
  /** Levels where the test is significant but the difference under RELEVANT.factor: neither is called faster there. */
  negligible: number[];
  /** Significant at every level compared. */
  everywhere: boolean;
  /** Significant differences point both ways: the choice depends on the load. */
  opposite: boolean;
}

/** The strong words, each from its rule in src/report/findings/words/. */
export interface SweepWords {
  /** "at every level" (two levels or more) of the total's levels, and of the init's. */
  every_level: boolean;
  init_every_level: boolean;
  /** "up to N×, at least M×" for the total time (findings/words/up-to.ts). */
  up_to: boolean;
  /** The total's factors are a range (at least M× to N×, the same ends), and the init's (nearest tenths), not one value. */
  total_range: boolean;
  init_range: boolean;
  order_of_magnitude: boolean;
  /** The total's factor is set in bold (findings/words/bold.ts): significant at every level it names. */
  bold: boolean;
}

export function testsOf(total: Spread | null, tests: UnitComparison[], baseline: RuntimeRef, candidate: RuntimeRef): SweepTests {
  const levels = total?.levels ?? [];
  const complete = levels.length > 0 && tests.length === levels.length;
  // baseline / candidate as the claim's figure gives it: above 1 the candidate is lower.
  const tested = levels.map((l, i) => ({ ratio: l.faster.id === candidate.id ? l.slower_ms / l.faster_ms : l.faster_ms / l.slower_ms, test: tests[i] ?? null }));
  const way = complete ? fasterHeading(tested) : null;
  const significant = [baseline, candidate].map((runtime) => ({
    runtime,
    levels: levels.filter((l) => l.significant === true && !l.same && l.faster.id === runtime.id).map((l) => l.concurrency),
  })).filter((s) => s.levels.length > 0);
  return {
    tested: tests.length > 0,
    heading: way === 'candidate' ? candidate : way === 'baseline' ? baseline : null,
    significant,
    negligible: levels.filter((l) => l.significant === true && l.same).map((l) => l.concurrency),
    everywhere: complete && tests.every(isSignificant),
    opposite: significant.length > 1,
  };
}

export function wordsOf(total: Spread | null, init: Spread | null, tests: UnitComparison[]): SweepWords {
  const winning = total?.winner ?? null;
  const totalEnds = total !== null && upTo(total.levels.length, total.at_least, total.max.factor);
  return {
    every_level: total !== null && atEveryLevel(total.levels, () => true),
    init_every_level: init !== null && atEveryLevel(init.levels, () => true),
    up_to: winning !== null && totalEnds,
    total_range: totalEnds,
    init_range: init !== null && isRange(init.min.factor, init.max.factor),
    order_of_magnitude: winning !== null && isOrderOfMagnitude((total as Spread).levels.map((l) => ({
      factor: l.factor,
      heavyTail: tests.some((t) => t.concurrency === l.concurrency && t.heavy_tails.length > 0),
      significant: l.significant,
    }))),
    bold: winning !== null && isBold((total as Spread).levels),
  };
}

export function recommendations(total: Spread | null, init: Spread | null, loserInit: Range | null, loserTotal: LevelValue[]): Recommendations {
  const prefer = total !== null && total.winner !== null && total.levels.every((l) => l.significant === true);
  // The advice below is computed whatever the preference; src/report/findings/gate.ts keeps it only with one.
  const reduceInit =
    init !== null && init.winner?.id === total?.winner?.id &&
    init.levels.every((r) => r.slower_ms / r.faster_ms >= THRESHOLDS.initOverhead);
  const warmUp = loserInit !== null && loserInit.low.ms >= THRESHOLDS.painfulInitMs ? loserInit : null;
  let degrade: Recommendations['degrade'] = null;
  if (loserTotal.length >= 2 && loserTotal[0].value > 0) {
    const base = loserTotal[0];
    const from = loserTotal.slice(1).find((v) => v.value / base.value >= THRESHOLDS.degrade);
    // "Avoid the loser under load" only if it degrades more than the winner does: its lead at that
    // level is at least degradeLead × its lead at the first level (else both slow down alike).
    const lead = (level: number) => total?.levels.find((l) => l.concurrency === level);
    const [leadBase, leadFrom] = [lead(base.concurrency), from && lead(from.concurrency)];
    const degradesMore = leadBase !== undefined && leadFrom != null &&
      (leadFrom.slower_ms / leadFrom.faster_ms) / (leadBase.slower_ms / leadBase.faster_ms) >= THRESHOLDS.degradeLead;
    if (from && degradesMore) degrade = { from_level: from.concurrency, base_level: base.concurrency, factor: factor(from.value / base.value) };
  }
  const items: Recommendations['items'] = [];
  if (prefer) items.push('prefer');
  if (prefer && reduceInit) items.push('reduce_init');
  if (prefer && warmUp) items.push('warm_up');
  if (prefer && degrade) items.push('degrade');
  return { prefer, reduce_init: reduceInit, warm_up: warmUp, degrade, items };
}
