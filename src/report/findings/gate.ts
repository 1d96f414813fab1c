// The sweep and warm claims pass through the findings here before a template sees them: a
// recommendation stays only where a finding backs it (./recommend.ts), at most one per question.
import type { SweepClaims } from '../claims/sweep.js';
import type { WarmClaims } from '../claims/warm.js';
import type { Findings } from './index.js';
import { atEveryLevel } from './words/every-level.js';
import { isRange } from './words/up-to.js';

/** Why the data allows no recommendation at all (pre-aggregated or untestable). */
export const UNTESTABLE = 'no test is possible on this data, so no difference in it is shown to be more than noise';

export function gateSweep(claims: SweepClaims, findings: Findings): SweepClaims {
  const given = new Set<string>();
  const comparisons = claims.comparisons.map((c) => {
    const question = findings.questions.find((q) => q.part === c.part) ?? null;
    const key = c.part ?? 'all';
    const backed = !given.has(key) && c.total?.winner != null && question?.recommendation?.runtime.id === c.total.winner.id;
    if (backed) given.add(key);
    const prefer = c.recommend.prefer && backed;
    const reason = prefer ? null : question?.reason ?? (question ? 'the recommendation is given once, above' : UNTESTABLE);
    return {
      ...c,
      recommend: {
        ...c.recommend, prefer, reduce_init: prefer && c.recommend.reduce_init, warm_up: prefer ? c.recommend.warm_up : null,
        degrade: prefer ? c.recommend.degrade : null, items: prefer ? c.recommend.items : [], reason, scope: findings.unit?.scope ?? null,
      },
    };
  });
  return { ...claims, comparisons, wait_heading: claims.trends.some((t) => t.wait !== null) };
}

/** The warm document's one recommendation (the warm question's), once, after its comparisons. */
export function gateWarm(claims: WarmClaims, findings: Findings): WarmClaims {
  const warm = findings.questions.find((q) => q.part === 'warm');
  const r = warm?.recommendation ?? null;
  const recommendation = r === null || findings.unit === null ? null : {
    runtime: r.runtime, over: r.over, levels: r.levels, min_factor: r.min_factor, max_factor: r.max_factor,
    range: isRange(r.min_factor, r.max_factor), every_level: atEveryLevel(r.levels, () => true), scope: findings.unit.scope,
  };
  return { ...claims, recommendation, reason: recommendation ? null : warm?.reason ?? UNTESTABLE };
}
