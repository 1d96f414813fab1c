// /usr/bin/python3 (Debian's, with numpy and pandas) as the independent reference the analyze
// tests compare against. The python3 first on PATH may lack pandas, so the path is explicit.
import { spawnSync } from 'node:child_process';

export const PYTHON = '/usr/bin/python3';

/** Why pandas cannot be used here, or null when it can. */
export function pandasMissing(): string | null {
  const probe = spawnSync(PYTHON, ['-c', 'import numpy, pandas'], { encoding: 'utf8' });
  if (probe.error) return `${PYTHON} not found (${probe.error.message}); install Debian's python3-pandas`;
  if (probe.status !== 0) return `${PYTHON} has no numpy/pandas; install Debian's python3-pandas (make deps does)`;
  return null;
}

/** Runs a Python script (a file path or `-c` code) with `input` on stdin; returns stdout, throws on failure. */
export function runPython(args: string[], input = ''): string {
  const result = spawnSync(PYTHON, args, { input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${PYTHON} ${args[0]} failed (${result.status}):\n${result.stderr}`);
  return result.stdout;
}

/** Why scipy cannot be used here, or null when it can (Debian's python3-scipy). */
export function scipyMissing(): string | null {
  const probe = spawnSync(PYTHON, ['-c', 'import scipy.stats'], { encoding: 'utf8' });
  if (probe.error) return `${PYTHON} not found (${probe.error.message}); install Debian's python3-scipy`;
  if (probe.status !== 0) return `${PYTHON} has no scipy; install Debian's python3-scipy (make deps does)`;
  return null;
}
