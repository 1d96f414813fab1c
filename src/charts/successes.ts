// The per-activation points a distribution chart draws: successful activations with a total
// time (failures have no meaningful latency; the documents count them separately).
import type { ModelPoint, ReportModel } from '../report/model.js';
import { labelOf } from './palette.js';

export type TimedPoint = ModelPoint & { total_ms: number; label: string };

/** null when the model has no per-activation points (aggregate-only inputs). */
export function timedSuccesses(model: ReportModel): TimedPoint[] | null {
  if (model.points === null) return null;
  const label = labelOf(model);
  return model.points
    .filter((p): p is ModelPoint & { total_ms: number } => p.status === 'success' && p.total_ms !== null)
    .map((p) => ({ ...p, label: label(p.runtime) }));
}
