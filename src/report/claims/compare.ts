// Comparing two times: which side is lower, by what factor, and whether the difference is large
// enough (findings/words/faster.ts) to call one faster. Pure; rounding happens here, on the way out.
import { factor, ms } from '../round.js';
import { isRelevant } from '../findings/words/faster.js';

export interface Side {
  /** A display name: "Run #1", or a runtime's label. */
  name: string;
  ms: number;
}

export interface Comparison {
  /** The side with the lower time (the faster one). */
  lower: Side;
  higher: Side;
  /** higher / lower, rounded to 1 decimal. */
  factor: number;
  /** Not relevantly different: neither is called faster. */
  same: boolean;
}

export interface Named {
  name: string;
  value: number | null;
}

/** null when either time is unknown or the lower one is not positive (no finite factor). */
export function compareTimes(a: Named, b: Named): Comparison | null {
  if (a.value === null || b.value === null) return null;
  const [lower, higher] = a.value <= b.value ? [a, b] : [b, a];
  if ((lower.value as number) <= 0) return null;
  const ratio = (higher.value as number) / (lower.value as number);
  return {
    lower: side(lower.name, lower.value as number),
    higher: side(higher.name, higher.value as number),
    factor: factor(ratio),
    same: !isRelevant(ratio),
  };
}

export function side(name: string, valueMs: number): Side {
  return { name, ms: ms(valueMs) as number };
}
