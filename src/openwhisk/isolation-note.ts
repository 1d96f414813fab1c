// Which isolation ran each runtime's activations, from the records' `isolation` annotation (the
// embedded OpenWhisk's: docker, process or thread), for the run's notes. Real OpenWhisk records
// carry none, and then nothing is said.
import type { RunLogState } from './runlog.js';

const WORDS: Record<string, string> = { docker: 'Docker containers', process: 'processes (no Docker)', thread: 'worker threads' };

export function isolationNote(state: RunLogState): string | undefined {
  const byRuntime = new Map<string, Map<string, number>>();
  for (const trial of state.trials.values()) {
    const record = trial.activation_id ? state.activations.get(trial.activation_id) : undefined;
    const annotations = (record?.annotations ?? []) as Array<{ key?: unknown; value?: unknown }>;
    const isolation = annotations.find((a) => a.key === 'isolation')?.value;
    if (typeof isolation !== 'string') continue;
    const counts = byRuntime.get(trial.runtime) ?? new Map<string, number>();
    counts.set(isolation, (counts.get(isolation) ?? 0) + 1);
    byRuntime.set(trial.runtime, counts);
  }
  if (byRuntime.size === 0) return undefined;
  const parts = [...byRuntime].map(([runtime, counts]) =>
    `${runtime} in ${[...counts].map(([how, n]) => `${WORDS[how] ?? how} (${n})`).join(' and ')}`);
  return `- Isolation (the records' \`isolation\` annotation): ${parts.join('; ')}.`;
}
