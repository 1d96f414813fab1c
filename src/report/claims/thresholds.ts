// The thresholds behind the documents' lesser words (sharp growth, degrading, low waits, warm-up
// advice). The strong words ("faster", "significant", "at every level", "consistently", "order of
// magnitude", "up to", "flat", "scales linearly", "prefer") each have their one rule in
// src/report/findings/words/.
import { GROUP_MIN } from '../../analyze/group-interval.js';

export const THRESHOLDS = {
  /** Wait times "grow sharply": the peak is at least this factor of the lowest level's value. */
  sharpGrowth: 5,
  /** A runtime "degrades from concurrency L": avg_total reaches this factor of its first level's. */
  degrade: 2,
  /** …and only where the winner's lead grew by this factor from that first level (else both degrade alike). */
  degradeLead: 1.25,
  /** init overhead worth reducing: the slower runtime's avg_init is this factor of the other's. */
  initOverhead: 3,
  /** Fewer independent runs per level than this: no trend claim, a caveat instead (analyze's trend interval over runs starts there: GROUP_MIN.run). */
  minRunsForTrend: GROUP_MIN.run,
  /** Cold starts at least this long (ms) make warm-up advice worth giving. */
  painfulInitMs: 1000,
  /** A wait is "low" when it is under this share of the total time. */
  lowWaitShare: 0.1,
  /** Confidence scores at most this far apart are "very similar". */
  similarConfidence: 0.01,
} as const;
