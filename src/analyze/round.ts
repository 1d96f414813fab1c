// Python's round(x, digits) on doubles, so that figures compare digit for digit with what
// Python scripts printed. Python rounds the exact binary value; an exact tie goes to the even
// digit (round(0.125, 2) == 0.12), where JavaScript's toFixed goes away from zero ("0.13").

/**
 * Rounds like Python's `round(x, digits)` (digits ≥ 0): the decimal with `digits` places nearest
 * to the exact value of `x`, ties to even, returned as the double nearest to that decimal.
 */
export function roundHalfEven(x: number, digits = 0): number {
  if (!Number.isInteger(digits) || digits < 0 || digits > 20) {
    throw new RangeError(`roundHalfEven: digits must be an integer in 0..20, got ${digits}`);
  }
  if (!Number.isFinite(x) || Math.abs(x) >= 2 ** 53) return x; // already integral
  if (isTie(x, digits)) return evenOfTie(x, digits);
  // toFixed rounds the exact binary value too (ECMA-262 Number.prototype.toFixed); it differs
  // from Python only on exact ties, handled above.
  return Number(x.toFixed(digits));
}

/**
 * x·10^d lies exactly halfway between two integers iff x = m / 2^(d+1) with m odd: only such
 * dyadic values can be ties, and for them x·10^d = m·5^d / 2 with m·5^d odd.
 */
function isTie(x: number, digits: number): boolean {
  return Number.isInteger(x * 2 ** (digits + 1)) && !Number.isInteger(x * 2 ** digits);
}

/** Picks the even neighbour of an exact tie, in exact integer arithmetic. */
function evenOfTie(x: number, digits: number): number {
  const sign = x < 0 ? '-' : '';
  const m = BigInt(Math.abs(x) * 2 ** (digits + 1)); // exact: scaling by a power of two
  const twice = m * 5n ** BigInt(digits); // = 2·|x|·10^d, odd
  const below = (twice - 1n) / 2n;
  const even = below % 2n === 0n ? below : below + 1n;
  return Number(`${sign}${even}e-${digits}`);
}
