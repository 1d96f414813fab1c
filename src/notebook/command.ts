// The `owbench report` command line that writes the same document as a notebook's report() call.
import path from 'node:path';
import type { InputSpec } from '../index.js';
import { projectRoot } from './paths.js';

export interface CommandSettings {
  template?: string;
  baseline?: string;
  title?: string;
  labels?: Record<string, string>;
  out: string;
  skipInvalid?: boolean;
  charts?: boolean;
  png?: boolean;
}

const quote = (text: string) => (/^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`);

export function reportCommand(inputs: readonly InputSpec[], settings: CommandSettings): string {
  const runtimes = new Set(inputs.map((input) => input.runtime));
  const only = runtimes.size === 1 ? [...runtimes][0] : undefined;
  return [
    'owbench', 'report',
    ...inputs.map((input) => quote(path.relative(projectRoot, input.path))),
    ...(only ? ['--runtime', quote(only)] : []),
    ...(settings.template ? ['--template', settings.template] : []),
    ...(settings.baseline ? ['--baseline', quote(settings.baseline)] : []),
    ...(settings.title ? ['--title', quote(settings.title)] : []),
    ...Object.entries(settings.labels ?? {}).flatMap(([runtime, name]) => ['--label', quote(`${runtime}=${name}`)]),
    ...(settings.skipInvalid ? ['--skip-invalid'] : []),
    ...(settings.charts === false ? ['--no-charts'] : []),
    ...(settings.png ? ['--png'] : []),
    '--out', quote(path.relative(projectRoot, settings.out)),
  ].join(' ');
}
