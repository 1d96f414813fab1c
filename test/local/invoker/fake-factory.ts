// A tiny in-test container factory for the pool's unit tests (the scenario tests use the real
// runtimes): containers that answer at once and remember whether they were destroyed.
import type { Container, ContainerFactory } from '../../../src/local/container.js';

export interface Fake extends Container {
  destroyed: boolean;
}

/** Kind `broken` fails to start; `idOf` names the n-th container made (1-based). */
export function fakeFactory(createMs = 0, idOf = (_kind: string, n: number) => `c${n}`) {
  const made: Fake[] = [];
  const factory: ContainerFactory = async (kind, limits) => {
    if (kind === 'broken') throw new Error('cannot start');
    await new Promise((r) => setTimeout(r, createMs));
    const fake: Fake = {
      id: idOf(kind, made.length + 1),
      kind,
      memoryMb: limits.memoryMb,
      destroyed: false,
      init: async () => ({ statusCode: 200, body: {}, logs: [], timedOut: false, crashed: false }),
      run: async () => ({ statusCode: 200, body: {}, logs: [], timedOut: false, crashed: false }),
      destroy: async () => {
        fake.destroyed = true;
      },
    };
    made.push(fake);
    return fake;
  };
  return { factory, made };
}
