// A notebook's parameters: the `parameters`-tagged cell sets their defaults as variables (a
// papermill-style tool injects a cell after it that sets them again), and OWBENCH_PARAMS — inline
// JSON (an object), or a JSON file's path relative to the project root — overrides them for a headless run.
import { readFileSync } from 'node:fs';
import { paramsNotJson, unknownParam, NotebookError } from './messages.js';
import { fromRoot } from './paths.js';

export function params<T extends Record<string, unknown>>(defaults: T, value: string | undefined = process.env.OWBENCH_PARAMS): T {
  if (value === undefined || value.trim() === '') return defaults;
  const inline = /^[[{]/.test(value.trim());
  const where = inline ? 'OWBENCH_PARAMS' : `OWBENCH_PARAMS file ${value}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(inline ? value : readFileSync(fromRoot(value), 'utf8'));
  } catch (error) {
    throw new NotebookError(paramsNotJson(where, (error as Error).message));
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new NotebookError(paramsNotJson(where, 'not an object'));
  const known = Object.keys(defaults);
  const unknown = Object.keys(parsed).find((name) => !known.includes(name));
  if (unknown !== undefined) throw new NotebookError(unknownParam(where, unknown, known));
  return { ...defaults, ...parsed };
}
