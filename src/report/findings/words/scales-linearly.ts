// "scales linearly": never written. Telling a line from another curve needs a model comparison
// over many levels and runs that these experiments do not carry; a trend is named only by the
// sign of a fitted slope whose interval excludes zero (src/analyze/trend.ts).
export const SCALES_LINEARLY = { allowed: false } as const;

export function scalesLinearly(): false {
  return false;
}
