// Holds the embedded server's records against real OpenWhisk records (the peer's raw data in
// ../shared/data/ow-mobilenet-hybrid-actions/input_*.json): same keys, same annotation keys in
// the same order, same types, and the same arithmetic between start, end and duration.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { needPeerData, sharedData } from '../helpers/cli.js';
import { startWhisk, waitForRecord, type Record } from './helpers.js';

interface Group {
  no_concurrent_requests: number;
  responses: Record[];
}

function realRecords(file: string): Record[] {
  needPeerData();
  const groups = JSON.parse(readFileSync(path.join(sharedData, file), 'utf8')) as Group[];
  return groups.flatMap((g) => g.responses);
}

/** The shape of a JSON value: object keys (sorted) with their shapes, arrays by their first item. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length ? ['array', shape(value[0])] : ['array'];
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, shape((value as { [k: string]: unknown })[k])]));
  }
  return typeof value;
}

/** Our one addition to OpenWhisk's annotations, `isolation` (docker/process/thread), is left out of the comparison. */
function annotationShape(record: Record): Array<[string, unknown]> {
  return record.annotations.filter((a) => a.key !== 'isolation').map((a) => [a.key, shape(a.value)]);
}

/** Everything but the action's own result and the logs' contents, which differ by action. */
function recordShape(record: Record): unknown {
  const { response, logs, annotations, ...rest } = record;
  return {
    ...(shape(rest) as object),
    logs: Array.isArray(logs) ? 'array of strings' : typeof logs,
    response: shape({ ...response, result: {} }),
    annotations: annotationShape(record),
  };
}

describe('local server: records have the shape of real OpenWhisk records', function () {
  this.timeout(30_000);
  // Read when a test runs (and skipped without the peer's data), not when the file loads.
  let coldReal: Record[] = [];
  let warmReal: Record[] = [];
  beforeEach(() => {
    if (coldReal.length) return;
    coldReal = [...realRecords('input_wasm_cold_start.json'), ...realRecords('input_vanilla_cold_start.json')].filter((r) =>
    r.annotations.some((a) => a.key === 'initTime'),
  );
    warmReal = [...realRecords('input_wasm_prewarmed.json'), ...realRecords('input_vanilla_prewarmed.json')];
  });

  it('has real records to compare with (cold ones with initTime, warm ones without)', () => {
    assert.ok(coldReal.length >= 4, `cold records: ${coldReal.length}`);
    assert.ok(warmReal.length >= 4, `warm records: ${warmReal.length}`);
    assert.ok(warmReal.every((r) => !r.annotations.some((a) => a.key === 'initTime')));
  });

  it('matches cold and warm records key for key, type for type, annotation for annotation', async () => {
    const s = await startWhisk();
    try {
      await s.ow.actions.create({ name: 'mobilenet_like', action: 'function main() { return { label: "hen", confidence: 0.6 }; }' });
      const first = (await s.ow.actions.invoke({ name: 'mobilenet_like', blocking: true })) as unknown as Record;
      const second = (await s.ow.actions.invoke({ name: 'mobilenet_like', blocking: true })) as unknown as Record;
      const cold = await waitForRecord(s.ow, first.activationId);
      const warm = await waitForRecord(s.ow, second.activationId);
      for (const record of [cold, warm]) assert.equal(typeof record.annotations.at(-1)?.value, 'string', 'isolation, last');
      for (const real of coldReal) assert.deepEqual(recordShape(cold), recordShape(real));
      for (const real of warmReal) assert.deepEqual(recordShape(warm), recordShape(real));
      // Top-level key order too (spray writes them sorted), and the invariants real records hold.
      assert.deepEqual(Object.keys(cold), Object.keys(coldReal[0]!));
      for (const record of [cold, warm, ...coldReal, ...warmReal]) {
        assert.equal(record.end - record.start, record.duration, record.activationId);
        assert.match(record.activationId, /^[0-9a-f]{32}$/);
      }
    } finally {
      await s.whisk.close();
    }
  });
});
