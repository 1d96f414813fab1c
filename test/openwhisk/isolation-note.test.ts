// The run notes' isolation line, from the records' `isolation` annotation, counted by hand.
import assert from 'node:assert/strict';
import { isolationNote } from '../../src/openwhisk/isolation-note.js';
import type { RunLogState, TrialLine } from '../../src/openwhisk/runlog.js';

function state(trials: Array<[string, string | undefined]>): RunLogState {
  const lines = new Map<string, TrialLine>();
  const activations = new Map<string, Record<string, unknown>>();
  trials.forEach(([runtime, isolation], i) => {
    lines.set(String(i), { runtime, activation_id: `a${i}` } as unknown as TrialLine);
    activations.set(`a${i}`, { annotations: isolation ? [{ key: 'kind', value: 'x' }, { key: 'isolation', value: isolation }] : [] });
  });
  return { trials: lines, activations } as unknown as RunLogState;
}

describe('openwhisk/isolation-note', () => {
  it('counts each runtime\'s activations by isolation', () => {
    const note = isolationNote(state([['blackbox', 'docker'], ['blackbox', 'docker'], ['wasm:0.1', 'thread'], ['blackbox', 'process']]));
    assert.equal(note, "- Isolation (the records' `isolation` annotation): blackbox in Docker containers (2) and processes (no Docker) (1); wasm:0.1 in worker threads (1).");
  });

  it('says nothing for records without the annotation (real OpenWhisk)', () => {
    assert.equal(isolationNote(state([['node', undefined]])), undefined);
  });
});
