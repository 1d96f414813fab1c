// Number and list formatting for documents, by hand: toLocaleString and Intl depend on the
// machine's locale, and a document's bytes must not.

/** A rounded number as text: no exponent, no "-0", no grouping separators. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`cannot format ${value} for a document`);
  if (value === 0) return '0';
  const text = String(value);
  // Very small or large values print with an exponent; figures in documents never need one.
  return /e/i.test(text) ? value.toFixed(Math.min(20, Math.max(0, -Math.floor(Math.log10(Math.abs(value))) + 3))) : text;
}

/** "1", "1 and 2", "1, 2 and 3". */
export function formatList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export type DurationStyle = 'short' | 'long' | 'tight';

/**
 * A time in the unit a reader expects: milliseconds below one second ("296 ms"), seconds from
 * there on ("2.46 s", or "2.46 seconds" in the long style, "2.46s" tight as the seed wrote it).
 * `unitMs` picks the unit, so a range can share the unit of its larger end.
 */
export function formatDuration(valueMs: number, style: DurationStyle = 'short', unitMs = valueMs): string {
  const gap = style === 'tight' ? '' : ' ';
  if (unitMs < 1000) return `${formatNumber(Number(valueMs.toFixed(2)))}${gap}ms`;
  const seconds = Number((valueMs / 1000).toFixed(2));
  // "1 second" (1003 ms to two decimals), not "1 seconds".
  return `${formatNumber(seconds === 0 ? 0 : seconds)}${gap}${style === 'long' ? (seconds === 1 ? 'second' : 'seconds') : 's'}`;
}

/** "1.04–1.22 s", "11–17 ms": both ends in the unit of the larger one. */
export function formatDurationRange(lowMs: number, highMs: number): string {
  const high = formatDuration(highMs, 'short');
  const low = formatDuration(lowMs, 'short', highMs).replace(/ m?s$/, '');
  // Ends that round alike are one value, not a range ("1–1 s" says nothing a range should).
  if (`${low}${high.slice(high.lastIndexOf(' '))}` === high) return high;
  return `${low}–${high}`;
}
