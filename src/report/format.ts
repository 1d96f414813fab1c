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
