// The thresholds behind every word a document uses for a comparison or a trend. A word that no
// rule here licenses is not written.
export const THRESHOLDS = {
  /** Times within this factor of each other are "about the same", not faster or slower. */
  same: 1.1,
  /** "significantly faster": faster by at least this factor at every shared level. */
  significant: 1.5,
  /** "order-of-magnitude": faster by at least this factor at every shared level. */
  orderOfMagnitude: 10,
  /** "consistently": a runtime's values stay within this factor of each other across levels. */
  consistent: 1.25,
  /** Wait times "grow sharply": the peak is at least this factor of the lowest level's value. */
  sharpGrowth: 5,
  /** A trend "rises" / "falls": the last level differs from the first by at least this factor. */
  trend: 1.2,
  /** A runtime "degrades from concurrency L": avg_total reaches this factor of its first level's. */
  degrade: 2,
  /** init overhead worth reducing: the slower runtime's avg_init is this factor of the other's. */
  initOverhead: 3,
  /** Fewer independent runs per level than this: no trend claim, a caveat instead. */
  minRunsForTrend: 3,
  /** Cold starts at least this long (ms) make warm-up advice worth giving. */
  painfulInitMs: 1000,
  /** A wait is "low" when it is under this share of the total time. */
  lowWaitShare: 0.1,
  /** Confidence scores at most this far apart are "very similar". */
  similarConfidence: 0.01,
} as const;
