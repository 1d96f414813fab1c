// What an action proxy's /run receives (the nodejs proxy as HTTP body, the action loop as one
// stdin line): the parameters as `value`, then the __OW_* values of the activation.
import type { RunContext } from '../container.js';

export interface RunBody {
  value: Record<string, unknown>;
  namespace: string;
  action_name: string;
  activation_id: string;
  deadline: string;
  api_host: string;
  /** OpenWhisk's run body carries the key only for actions annotated provide-api-key. */
  api_key?: string;
}

export function runBody(params: Record<string, unknown>, context: RunContext): RunBody {
  return {
    value: params,
    namespace: context.namespace,
    action_name: context.actionName,
    activation_id: context.activationId,
    deadline: String(context.deadline),
    api_host: context.apiHost,
    ...(context.apiKey !== undefined ? { api_key: context.apiKey } : {}),
  };
}
