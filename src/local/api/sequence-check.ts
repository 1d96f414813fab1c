// What the controller checks when a sequence is created (Actions.scala checkSequenceActionLimits):
// at least one component, each fully qualified and existing, no cycle back to the sequence
// itself, and at most SEQUENCE_LIMIT atomic actions once nested sequences are expanded.
import { HttpError } from '../http/exchange.js';
import { messages } from '../messages.js';
import type { ActionPut } from '../store/actionSchema.js';
import type { WhiskContext } from './context.js';
import { findFullyQualified, qualify } from './resolve.js';
import { SEQUENCE_LIMIT } from './sequence.js';

type Exec = NonNullable<ActionPut['exec']>;

export function checkSequence(ctx: WhiskContext, name: string, exec: Exec): Exec {
  const components = (exec.components ?? []).map((c) => qualify(ctx, c));
  if (components.length === 0) throw new HttpError(400, messages.sequenceNoComponent);
  const self = `/${ctx.namespace}/${name}`;
  let atomic = 0;
  const visit = (fqn: string, depth: number): void => {
    if (fqn === self) throw new HttpError(400, messages.sequenceIsCyclic);
    const found = findFullyQualified(ctx, fqn);
    if (!found) throw new HttpError(400, messages.sequenceComponentNotFound);
    const inner = found.action.exec.components;
    if (found.action.exec.kind !== 'sequence' || !inner) atomic += 1;
    else if (depth < SEQUENCE_LIMIT) inner.forEach((c) => visit(c, depth + 1));
    if (atomic > SEQUENCE_LIMIT) throw new HttpError(400, messages.sequenceIsTooLong);
  };
  components.forEach((c) => visit(c, 0));
  return { ...exec, kind: 'sequence', components };
}
