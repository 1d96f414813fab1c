// Catalog actions that run inside the server rather than in a runtime container: the feed and
// API-management actions, whose whole job is to change the server's own state (an alarm, a
// route), as OpenWhisk's run against their provider services.
import type { StatusCode } from '../store/record.js';

export interface BuiltinAnswer {
  statusCode: StatusCode;
  result: Record<string, unknown>;
}

export type Builtin = (params: Record<string, unknown>) => Promise<BuiltinAnswer> | BuiltinAnswer;

export function ok(result: Record<string, unknown>): BuiltinAnswer {
  return { statusCode: 0, result };
}

export function failed(error: string): BuiltinAnswer {
  return { statusCode: 1, result: { error } };
}
