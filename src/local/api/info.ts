// Unauthenticated server information: GET /api/v1 (API info) and GET / (limits and runtimes),
// shaped as OpenWhisk's controller answers them.
import { version } from '../../version.js';
import { LIMIT_BOUNDS } from '../store/actionSchema.js';
import { SUPPORTED_KINDS } from '../store/actions.js';
import type { ResolvedConfig } from '../config.js';
import type { IsolationChoice } from '../runtimes/isolation.js';

export function apiInfo(): Record<string, unknown> {
  return {
    description: 'OpenWhisk API',
    api_version: '1.0.0',
    api_version_path: 'v1',
    build: `owbench ${version}`,
    buildno: version,
    swagger_paths: { ui: '/docs', 'api-docs': '/api/v1/api-docs' },
  };
}

export function serverInfo(config: ResolvedConfig, isolation?: IsolationChoice): Record<string, unknown> {
  return {
    description: 'OpenWhisk (owbench embedded server)',
    ...(isolation ? { isolation } : {}),
    runtimes: {
      nodejs: [{ kind: 'nodejs:20', default: true, deprecated: false }],
      blackbox: [{ kind: 'blackbox', default: true, deprecated: false }],
      wasm: [{ kind: 'wasm:0.1', default: true, deprecated: false }],
    },
    supportedKinds: [...SUPPORTED_KINDS],
    limits: {
      actions_per_minute: config.throttle.invocationsPerMinute ?? null,
      concurrent_actions: config.throttle.concurrentInvocations ?? null,
      min_action_duration: LIMIT_BOUNDS.timeout.min,
      max_action_duration: LIMIT_BOUNDS.timeout.max,
      min_action_memory: LIMIT_BOUNDS.memory.min * 1024 * 1024,
      max_action_memory: LIMIT_BOUNDS.memory.max * 1024 * 1024,
      max_action_logs: LIMIT_BOUNDS.logs.max * 1024 * 1024,
    },
  };
}

/**
 * GET /invokers, as a standalone OpenWhisk answers it: the embedded server is one in-process
 * invoker, always up (its health is the server's own: a dead server answers nothing).
 */
export function invokerHealth(): Record<string, string> {
  return { 'invoker0/0': 'up' };
}
