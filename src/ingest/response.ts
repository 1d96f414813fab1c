// What an OpenWhisk record says the action answered: its status (in any of the spellings and
// codes OpenWhisk uses), its label and confidence where it has one.
import type { Status } from '../types.js';
import * as msg from './messages.js';
import { isObject, optionalNumber, optionalString, requireStatus, requireStatusCode } from './fields.js';
import { RecordProblem } from './problem.js';

export interface Answer {
  status: Status;
  label: string | null;
  confidence: number | null;
}

/** GET /activations without docs=true: no response, a numeric statusCode (0..3) at the top. */
export function listViewAnswer(code: unknown): Answer {
  return { status: requireStatusCode(code, 'statusCode'), label: null, confidence: null };
}

/**
 * OpenWhisk's status, except that `result.success === false` (how wasm:0.1 reports a function
 * error under an outer "success") is an application error. `response.status` and
 * `response.statusCode` (the stored document and `wsk` keep it) must agree where both are given.
 * The label is `result.label`, the nested `result.result.label`, or inside a JSON object printed
 * into `result.body` (the peer's blackbox action prints "Mobilenet output:\n{...}").
 */
export function readResponse(response: unknown): Answer {
  if (response === undefined) throw new RecordProblem('response', msg.missingField('the response {"status": ..., "result": ...}'));
  if (!isObject(response)) throw new RecordProblem('response', msg.expectedObject('the response', response));
  let status = statusOf(response);
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

function statusOf(response: Record<string, unknown>): Status {
  const byCode = response.statusCode === undefined ? null : requireStatusCode(response.statusCode, 'response.statusCode');
  if (response.status === undefined && byCode !== null) return byCode;
  const byName = requireStatus(response.status, 'response.status');
  if (byCode !== null && byCode !== byName) {
    throw new RecordProblem('response.statusCode', msg.statusDisagrees(response.statusCode, byCode, response.status));
  }
  return byName;
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
