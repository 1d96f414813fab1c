// Where a run took place, as its run log records it (DESIGN.md §2.4, issue 11): the target (a real
// deployment, or owbench's embedded server and how it isolated each kind), the server's own
// description, the machine, the date and the experiment's parameters. Read from each run-log
// input's first line; inputs of other formats say nothing about where they ran.
import { readFileSync } from 'node:fs';
import type { Source } from '../types.js';

export interface RunSetting {
  embedded: boolean;
  apihost: string;
  /** What the API answered at /api/v1, in a few words; null when it said nothing. */
  server: string | null;
  /** A real deployment: its invokers and limits as its controller answered, in words; null when unknown. */
  deployment: string | null;
  /** Embedded only: how each kind ran (process, worker thread). */
  isolation: Array<{ kind: string; how: string }>;
  machine: { cpu: string; cores: number; memory_mb: number; os: string; node: string } | null;
  started: string | null;
  experiment: { name: string; concurrency: number[]; repetitions: number | null; cold: string | null } | null;
}

/** `kinds`: the action kinds of the data; the server's isolation of other kinds is not this run's setting. */
export function settingsOf(sources: readonly Source[], kinds?: ReadonlySet<string>): RunSetting[] {
  return sources.filter((s) => s.format === 'run-log').flatMap((s) => {
    const header = firstLine(s.path);
    if (header === null) return [];
    const setting = settingOf(header);
    return [kinds === undefined ? setting : { ...setting, isolation: setting.isolation.filter((i) => kinds.has(i.kind)) }];
  });
}

function firstLine(file: string): Record<string, unknown> | null {
  try {
    const text = readFileSync(file, 'utf8');
    const line = text.slice(0, text.indexOf('\n') >>> 0);
    const header = JSON.parse(line) as unknown;
    return isObject(header) && header.type === 'run' ? header : null;
  } catch {
    return null; // the table was read from it already; a header we cannot read just says nothing
  }
}

/** The run log's isolation values (the server's `isolation` annotation) in words. */
const ISOLATION_WORDS: Record<string, string> = {
  docker: 'a Docker container', process: 'a process', thread: 'a worker thread', 'worker thread': 'a worker thread',
};

function settingOf(header: Record<string, unknown>): RunSetting {
  const target = isObject(header.target) ? header.target : {};
  const machine = isObject(header.machine) ? header.machine : null;
  const experiment = isObject(header.experiment) ? header.experiment : null;
  const isolation = isObject(target.isolation) ? target.isolation : {};
  return {
    embedded: target.embedded === true,
    apihost: String(target.apihost ?? 'unknown'),
    server: serverOf(header.server),
    deployment: target.embedded === true ? null : deploymentOf(header.deployment),
    isolation: Object.entries(isolation).map(([kind, how]) => ({ kind, how: ISOLATION_WORDS[String(how)] ?? String(how) })),
    machine: machine === null ? null : {
      cpu: String(machine.cpu), cores: Number(machine.cores), memory_mb: Number(machine.memory_mb), os: String(machine.os), node: String(machine.node),
    },
    started: typeof header.started === 'string' ? header.started : null,
    experiment: experiment === null ? null : {
      name: String(experiment.name ?? ''),
      concurrency: Array.isArray(experiment.concurrency) ? experiment.concurrency.map(Number) : [],
      repetitions: typeof experiment.repetitions === 'number' ? experiment.repetitions : null,
      cold: typeof experiment.cold === 'string' ? experiment.cold : null,
    },
  };
}

function serverOf(server: unknown): string | null {
  if (!isObject(server)) return null;
  const parts = [server.description, server.api_version && `API ${String(server.api_version)}`, server.build && `build ${String(server.build)}`]
    .filter((p) => typeof p === 'string' && p.length > 0);
  return parts.length === 0 ? null : parts.join(', ');
}

/** The run log's `deployment` (GET /invokers and GET / of the controller) in words. */
function deploymentOf(deployment: unknown): string | null {
  if (!isObject(deployment)) return null;
  const invokers = isObject(deployment.invokers) ? deployment.invokers : null;
  const parts = [
    invokers === null ? 'the controller did not list its invokers (GET /invokers)'
      : `${String(invokers.total)} invoker${invokers.total === 1 ? '' : 's'} listed by the controller, ${String(invokers.healthy)} healthy`,
    typeof deployment.concurrent_actions === 'number' && `a limit of ${deployment.concurrent_actions} concurrent invocations per namespace`,
    typeof deployment.actions_per_minute === 'number' && `${deployment.actions_per_minute} invocations per minute`,
  ];
  return parts.filter((p): p is string => typeof p === 'string').join('; ');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
