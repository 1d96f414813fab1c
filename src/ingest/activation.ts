// Format 2's unit: one OpenWhisk activation record as GET /activations/{id} returns it. Timings
// and labels live in `annotations` (a list of {key, value}); the action's answer in `response`.
import type { Activation, Status } from '../types.js';
import * as msg from './messages.js';
import { isObject, optionalNumber, optionalString, optionalTime, requireNumber, requireStatus } from './fields.js';
import { RecordProblem, type FileContext } from './problem.js';
import { makeRow } from './row.js';

/** What the record itself does not say: how many invocations ran at once, which repetition. */
export interface RecordSetting {
  concurrency: number;
  repetition: number | null;
  runtime?: string;
  client_ms?: number | null;
}

export function looksLikeActivation(value: Record<string, unknown>): boolean {
  return 'annotations' in value || 'response' in value;
}

export function activationRow(rec: unknown, ctx: FileContext, setting: RecordSetting): Activation {
  if (!isObject(rec)) throw new RecordProblem('', msg.expectedObject('an activation record', rec));
  const a = readAnnotations(rec.annotations);
  const kind = optionalString(a.kind, `annotations[${a.kindAt}].value`);
  const runtime = ctx.runtime ?? setting.runtime ?? kind;
  if (runtime === null) throw new RecordProblem('annotations', msg.noRuntime());
  let memory: number | null = null;
  if (a.limits !== undefined) {
    if (!isObject(a.limits)) throw new RecordProblem(`annotations[${a.limitsAt}].value`, msg.expectedObject('limits', a.limits));
    memory = optionalNumber(a.limits.memory, `annotations[${a.limitsAt}].value.memory`);
  }
  const name = optionalString(rec.name, 'name');
  const answer = rec.response === undefined && rec.statusCode !== undefined ? listViewAnswer(rec.statusCode) : readResponse(rec.response);
  return makeRow({
    runtime,
    kind,
    action: optionalString(a.path, `annotations[${a.pathAt}].value`) ?? name,
    memory_mb: memory,
    concurrency: setting.concurrency,
    repetition: setting.repetition,
    activation_id: optionalString(rec.activationId, 'activationId'),
    start: optionalNumber(rec.start, 'start'),
    end: optionalNumber(rec.end, 'end'),
    wait_ms: optionalTime(a.waitTime, `annotations[${a.waitAt}].value`),
    init_ms: optionalTime(a.initTime, `annotations[${a.initAt}].value`),
    duration_ms: optionalTime(requireNumber(rec.duration, 'duration'), 'duration'),
    client_ms: setting.client_ms ?? null,
    status: answer.status,
    label: answer.label,
    confidence: answer.confidence,
    source: ctx.source,
  }, { init: `annotations[${a.initAt}].value`, duration: 'duration' });
}

interface Annotations {
  waitTime?: unknown; waitAt: number;
  initTime?: unknown; initAt: number;
  kind?: unknown; kindAt: number;
  path?: unknown; pathAt: number;
  limits?: unknown; limitsAt: number;
}

function readAnnotations(list: unknown): Annotations {
  const a: Annotations = { waitAt: -1, initAt: -1, kindAt: -1, pathAt: -1, limitsAt: -1 };
  if (list === undefined) return a;
  if (!Array.isArray(list)) throw new RecordProblem('annotations', msg.expectedArray('annotations', list));
  for (let i = 0; i < list.length; i++) {
    const entry: unknown = list[i];
    if (!isObject(entry) || typeof entry.key !== 'string') {
      throw new RecordProblem(`annotations[${i}]`, msg.expectedObject('an annotation {"key": ..., "value": ...}', entry));
    }
    switch (entry.key) {
      case 'waitTime': a.waitTime = entry.value; a.waitAt = i; break;
      case 'initTime': a.initTime = entry.value; a.initAt = i; break;
      case 'kind': a.kind = entry.value; a.kindAt = i; break;
      case 'path': a.path = entry.value; a.pathAt = i; break;
      case 'limits': a.limits = entry.value; a.limitsAt = i; break;
    }
  }
  return a;
}

/** GET /activations without docs=true: no response, a numeric statusCode (0..3) at the top. */
const STATUS_CODES: Status[] = ['success', 'application error', 'action developer error', 'whisk internal error'];

function listViewAnswer(code: unknown): Answer {
  const status = typeof code === 'number' ? STATUS_CODES[code] : undefined;
  if (status === undefined) throw new RecordProblem('statusCode', msg.badStatusCode(code));
  return { status, label: null, confidence: null };
}

interface Answer {
  status: Status;
  label: string | null;
  confidence: number | null;
}

/**
 * OpenWhisk's status, except that `result.success === false` (how wasm:0.1 reports a function
 * error under an outer "success") is an application error. The label is `result.label`, the
 * nested `result.result.label`, or inside a JSON object printed into `result.body` (the peer's
 * blackbox action prints "Mobilenet output:\n{...}").
 */
function readResponse(response: unknown): Answer {
  if (response === undefined) throw new RecordProblem('response', msg.missingField('the response {"status": ..., "result": ...}'));
  if (!isObject(response)) throw new RecordProblem('response', msg.expectedObject('the response', response));
  let status = requireStatus(response.status, 'response.status');
  const result = response.result;
  if (!isObject(result)) return { status, label: null, confidence: null };
  if (result.success === false && status === 'success') status = 'application error';
  let holder: Record<string, unknown> | null = null;
  let path = 'response.result';
  if ('label' in result) holder = result;
  else if (isObject(result.result) && 'label' in result.result) [holder, path] = [result.result, 'response.result.result'];
  else if (typeof result.body === 'string') [holder, path] = [labelInBody(result.body), 'response.result.body'];
  if (holder === null) return { status, label: null, confidence: null };
  return {
    status,
    label: optionalString(holder.label, `${path}.label`),
    confidence: optionalNumber(holder.confidence, `${path}.confidence`),
  };
}

function labelInBody(body: string): Record<string, unknown> | null {
  const open = body.indexOf('{');
  const close = body.lastIndexOf('}');
  if (open === -1 || close < open) return null;
  try {
    const inner: unknown = JSON.parse(body.slice(open, close + 1));
    return isObject(inner) && typeof inner.label === 'string' ? inner : null;
  } catch {
    return null;
  }
}
