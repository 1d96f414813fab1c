// Format 2's unit: one OpenWhisk activation record as GET /activations/{id} returns it. Timings
// and labels live in `annotations` (a list of {key, value}); the action's answer in `response`.
import type { Activation, Composition } from '../types.js';
import * as msg from './messages.js';
import { isObject, optionalNumber, optionalString, optionalTime, requireNumber } from './fields.js';
import { RecordProblem, type FileContext } from './problem.js';
import { listViewAnswer, readResponse } from './response.js';
import { makeRow } from './row.js';

/** What the record itself does not say: how many invocations ran at once, which repetition. */
export interface RecordSetting {
  /** Null: not recorded (a record on its own does not say). */
  concurrency: number | null;
  repetition: number | null;
  runtime?: string;
  /** The deployed function, where the run knows it (its experiment). */
  function?: string | null;
  client_ms?: number | null;
}

export function looksLikeActivation(value: Record<string, unknown>): boolean {
  return 'annotations' in value || 'response' in value;
}

export function activationRow(rec: unknown, ctx: FileContext, setting: RecordSetting): Activation {
  if (!isObject(rec)) throw new RecordProblem('', msg.expectedObject('an activation record', rec));
  const a = readAnnotations(rec.annotations);
  const at = (key: string) => `annotations[${a.at.get(key)}].value`;
  const kind = optionalString(a.values.kind, at('kind'));
  const composition = compositionOf(kind, a.values.conductor, rec);
  // A composition is labelled by what it is, never by --runtime: it is kept out of runtime groups.
  const runtime = composition ?? ctx.runtime ?? setting.runtime ?? kind;
  if (runtime === null) throw new RecordProblem('annotations', msg.noRuntime());
  let memory: number | null = null;
  const limits = a.values.limits;
  if (limits !== undefined) {
    if (!isObject(limits)) throw new RecordProblem(at('limits'), msg.expectedObject('limits', limits));
    memory = optionalNumber(limits.memory, `${at('limits')}.memory`);
  }
  const name = optionalString(rec.name, 'name');
  const answer = rec.response === undefined && rec.statusCode !== undefined ? listViewAnswer(rec.statusCode) : readResponse(rec.response);
  // OpenWhisk sets `timeout: true` when the run (or init) hit the action's time limit: a timeout,
  // whatever developer error the response reports.
  const status = a.values.timeout === true ? 'timeout' : answer.status;
  // A failed activation stays a failure even when it has no duration (trigger-like records).
  // A trigger's record has no duration at all (OpenWhisk removes it with `end`).
  const duration = composition !== 'trigger' && (status === 'success' || rec.duration !== undefined)
    ? requireNumber(rec.duration, 'duration')
    : optionalNumber(rec.duration, 'duration');
  return makeRow({
    runtime,
    kind,
    action: optionalString(a.values.path, at('path')) ?? name,
    memory_mb: memory,
    function: setting.function ?? null,
    concurrency: setting.concurrency,
    repetition: setting.repetition,
    activation_id: optionalString(rec.activationId, 'activationId'),
    start: optionalNumber(rec.start, 'start'),
    end: optionalNumber(rec.end, 'end'),
    wait_ms: optionalTime(a.values.waitTime, at('waitTime')),
    init_ms: optionalTime(a.values.initTime, at('initTime')),
    duration_ms: optionalTime(duration, 'duration'),
    client_ms: setting.client_ms ?? null,
    status,
    label: answer.label,
    confidence: answer.confidence,
    composition,
    caused_by: optionalString(a.values.causedBy, at('causedBy')),
    components: composition === null ? null : componentsOf(rec.logs),
    source: ctx.source,
  }, { init: at('initTime'), duration: 'duration' });
}

/**
 * `kind: "sequence"`, or the `conductor` annotation of a composition (OPENWHISK.md §1.4); a record
 * with no kind, no `end` and rule lines for logs is a fired trigger (Triggers.scala writes one JSON
 * line per rule: `{statusCode, success, activationId, rule, action}`).
 */
function compositionOf(kind: string | null, conductor: unknown, rec: Record<string, unknown>): Composition | null {
  if (kind === 'sequence') return 'sequence';
  if (conductor === true || conductor === 'true') return 'conductor';
  if (kind === null && rec.end === undefined && rec.duration === undefined && Array.isArray(rec.logs) && rec.logs.every(isRuleLine)) return 'trigger';
  return null;
}

function isRuleLine(line: unknown): boolean {
  if (typeof line !== 'string' || !line.startsWith('{')) return false;
  try {
    const entry: unknown = JSON.parse(line);
    return isObject(entry) && typeof entry.rule === 'string' && 'activationId' in entry;
  } catch {
    return false;
  }
}

/**
 * A sequence's `logs` list its components' activation ids (32 hex digits), one a line; a trigger's
 * logs list the rules it fired, each with the activation it started.
 */
function componentsOf(logs: unknown): number | null {
  if (!Array.isArray(logs)) return null;
  return logs.filter((line) => typeof line === 'string' && (/^[0-9a-f]{32}$/i.test(line.trim()) || isRuleLine(line))).length;
}

const READ = new Set(['waitTime', 'initTime', 'kind', 'path', 'limits', 'timeout', 'causedBy', 'conductor']);

interface Annotations {
  values: Record<string, unknown>;
  /** Each key's index in the list, so a problem names the user's own place. */
  at: Map<string, number>;
}

function readAnnotations(list: unknown): Annotations {
  const a: Annotations = { values: {}, at: new Map() };
  if (list === undefined) return a;
  if (!Array.isArray(list)) throw new RecordProblem('annotations', msg.expectedArray('annotations', list));
  for (let i = 0; i < list.length; i++) {
    const entry: unknown = list[i];
    if (!isObject(entry) || typeof entry.key !== 'string') {
      throw new RecordProblem(`annotations[${i}]`, msg.expectedObject('an annotation {"key": ..., "value": ...}', entry));
    }
    if (READ.has(entry.key)) {
      a.values[entry.key] = entry.value;
      a.at.set(entry.key, i);
    }
  }
  return a;
}
