// The template claims computed from means alone (src/report/claims/) pass through the findings
// here before a template sees them: a recommendation stays only where a finding backs it, at
// most one per question, and the strong words get their rule from ./words/.
import type { SweepClaims } from '../claims/sweep.js';
import type { WarmClaims } from '../claims/warm.js';
import type { Findings } from './index.js';
import { isOrderOfMagnitude } from './words/order-of-magnitude.js';

/** Why the data allows no recommendation at all (pre-aggregated or untestable). */
export const UNTESTABLE = 'no test is possible on this data, so no difference in it is shown to be more than noise';

export function gateSweep(claims: SweepClaims, findings: Findings): SweepClaims {
  const cold = findings.questions.find((q) => q.part === 'cold') ?? findings.questions[0];
  let given = false;
  const comparisons = claims.comparisons.map((c) => {
    const backed = !given && c.total?.winner != null && cold?.recommendation?.runtime.id === c.total.winner.id;
    if (backed) given = true;
    const prefer = c.recommend.prefer && backed;
    const items = prefer ? c.recommend.items : [];
    const reason = prefer ? null : cold?.reason ?? (cold ? 'the recommendation is given once, above' : UNTESTABLE);
    const heavy = (level: number) => findings.heavy_tails.some((h) => h.concurrency === level && h.part === 'cold');
    const total = c.total === null ? null : {
      ...c.total,
      order_of_magnitude: c.total.order_of_magnitude && isOrderOfMagnitude(c.total.levels.map((l) => ({
        factor: l.factor, heavyTail: heavy(l.concurrency), significant: findings.unit === null ? null : prefer,
      }))),
    };
    return {
      ...c,
      total,
      recommend: { ...c.recommend, prefer, reduce_init: prefer && c.recommend.reduce_init, warm_up: prefer ? c.recommend.warm_up : null, degrade: prefer ? c.recommend.degrade : null, items, reason, scope: findings.unit?.scope ?? null },
    };
  });
  return { ...claims, comparisons, wait_heading: claims.trends.some((t) => t.wait !== null) };
}

export function gateWarm(claims: WarmClaims, findings: Findings): WarmClaims {
  const warm = findings.questions.find((q) => q.part === 'warm');
  let given = false;
  const comparisons = claims.comparisons.map((c) => {
    const lower = c.duration?.lower.name;
    const backed = !given && warm?.recommendation != null && lower !== undefined && warm.recommendation.runtime.label === lower;
    if (backed) given = true;
    return { ...c, recommended: backed, reason: backed ? null : warm?.reason ?? (warm ? 'the recommendation is given once, above' : UNTESTABLE), scope: findings.unit?.scope ?? null };
  });
  return { ...claims, comparisons };
}
