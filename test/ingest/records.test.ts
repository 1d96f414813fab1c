// OpenWhisk activation records on their own (format 2): one object, an array, NDJSON and the text
// `wsk activation get` prints, all made from the peer's real records.
import assert from 'node:assert/strict';
import { ingestFiles, ingestText, messages as msg } from '../../src/ingest/index.js';
import type { Activation } from '../../src/types.js';
import { peerLazy } from '../helpers/cli.js';
import { peer, PEER_FILES, peerRecords, tempFile, throwsInput } from './helpers.js';

const raw = peerLazy(() => [...peerRecords(PEER_FILES.wasmCold), ...peerRecords(PEER_FILES.vanillaWarm)].map((r) => r.record));
// A standalone record does not say how many invocations ran at once: concurrency null, no repetition.
// Read together, as the records are below: the numbered names mobilenet_native_rust1…5 share a function.
const expected: Activation[] = peerLazy(() => ingestFiles([peer(PEER_FILES.wasmCold), peer(PEER_FILES.vanillaWarm)]).activations
  .map((row) => ({ ...row, concurrency: null, repetition: null, source: 0 })));
// A record on its own has no numbered siblings: its function is its action's name.
const alone = peerLazy(() => ({ ...expected[0], function: 'mobilenet_native_rust1' }), 'object');

const rowsAndFormat = (name: string, content: string) => {
  const table = ingestFiles([tempFile(name, content)]);
  return { rows: table.activations, format: table.sources[0].format };
};

describe('ingest: OpenWhisk activation records', () => {
  it('reads a JSON array of records', () => {
    const { rows, format } = rowsAndFormat('array.json', JSON.stringify(raw, null, 2));
    assert.equal(format, 'activation-records');
    assert.deepEqual(rows, expected);
  });

  it('reads one record as GET /activations/{id} returns it', () => {
    const { rows, format } = rowsAndFormat('one.json', JSON.stringify(raw[0], null, 2));
    assert.equal(format, 'activation-records');
    assert.deepEqual(rows, [alone]);
  });

  it('reads NDJSON, one record a line, blank lines ignored', () => {
    const text = raw.map((r) => JSON.stringify(r)).join('\n') + '\n\n';
    const { rows, format } = rowsAndFormat('records.ndjson', text);
    assert.equal(format, 'activation-ndjson');
    assert.deepEqual(rows, expected);
  });

  it('reads what `wsk activation get` prints, one or several outputs in a file', () => {
    const print = (r: Record<string, unknown>) => `ok: got activation ${String(r.activationId)}\n${JSON.stringify(r, null, 4)}\n`;
    const one = rowsAndFormat('get.txt', print(raw[0]));
    assert.equal(one.format, 'wsk-activation-get');
    assert.deepEqual(one.rows, [alone]);
    const several = rowsAndFormat('gets.txt', raw.map(print).join(''));
    assert.deepEqual(several.rows, expected);
  });

  it('counts result.success === false as an application error (wasm:0.1 under an outer "success")', () => {
    const failed = structuredClone(raw[0]);
    const response = failed.response as { result: Record<string, unknown>; status: string };
    response.result = { success: false, status: 'error', status_code: 1 };
    const developer = structuredClone(raw[1]);
    (developer.response as { status: string }).status = 'action developer error';
    const { rows } = rowsAndFormat('failed.json', JSON.stringify([failed, developer]));
    assert.deepEqual(rows.map((r) => [r.status, r.label]), [['application error', null], ['action developer error', 'hen']]);
  });

  it('reads the list view (GET /activations without docs): statusCode at the top, no response', () => {
    const summaries = raw.slice(0, 3).map((record, i) => {
      const { response: _response, logs: _logs, subject: _subject, ...summary } = record;
      return { ...summary, statusCode: i };
    });
    const { rows } = rowsAndFormat('list.json', JSON.stringify(summaries));
    assert.deepEqual(rows.map((r) => r.status), ['success', 'application error', 'action developer error']);
    assert.deepEqual(rows.map((r) => [r.wait_ms, r.init_ms, r.duration_ms, r.label]), expected.slice(0, 3).map((r) => [r.wait_ms, r.init_ms, r.duration_ms, null]));
    throwsInput(() => ingestText(JSON.stringify({ ...summaries[0], statusCode: 7 }), 'l.json'), 'l.json', 'statusCode', msg.badStatusCode(7));
  });

  it('finds the label at result.label too', () => {
    const flat = structuredClone(raw[0]);
    (flat.response as { result: unknown }).result = { label: 'tabby', confidence: 0.5 };
    const { rows } = rowsAndFormat('label.json', JSON.stringify(flat));
    assert.deepEqual([rows[0].label, rows[0].confidence], ['tabby', 0.5]);
  });
});
