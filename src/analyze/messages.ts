// Every user-facing analyze message, as a named function, so tests assert the message by name.

export function unknownBaseline(requested: string, available: readonly string[]): string {
  const list = available.length === 0 ? 'none (the input has no activations)' : available.map((r) => `"${r}"`).join(', ');
  return `--baseline "${requested}" is not a runtime in the input; runtimes available: ${list}`;
}

export function rawAndAggregated(runtime: string, concurrency: number): string {
  return `runtime "${runtime}" at concurrency ${concurrency} comes both as raw activations and as ` +
    'pre-aggregated rows; analyze those inputs separately, or relabel one with --runtime';
}
