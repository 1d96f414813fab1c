// CSV with the activation table's column names (format 6): the peer's rows written out and read
// back; derived columns computed when absent and checked when present; pandas as a second reader.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { COLUMNS, ingestFiles, ingestText, messages as msg } from '../../src/ingest/index.js';
import type { Activation } from '../../src/types.js';
import { peerLazy } from '../helpers/cli.js';
import { peer, PEER_FILES, tempFile, throwsInput } from './helpers.js';

const original = peerLazy(() => [
  ...ingestFiles([peer(PEER_FILES.vanillaCold)]).activations,
  ...ingestFiles([peer(PEER_FILES.wasmWarm)]).activations,
].map((row) => ({ ...row, source: 0 })));

function quote(value: unknown): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function toCsv(rows: Activation[], columns: ReadonlyArray<keyof Activation>, eol = '\n'): string {
  return [columns.join(','), ...rows.map((row) => columns.map((c) => quote(row[c])).join(','))].join(eol) + eol;
}

const tableColumns = COLUMNS.filter((c) => c !== 'source');

describe('ingest: CSV', () => {
  it('reads back every column of the peer\'s rows, quoted fields and CRLF included', () => {
    const rows = original.map((row, i) => (i === 0 ? { ...row, label: 'hen, "white"\nleghorn' } : row));
    const table = ingestFiles([tempFile('rows.csv', toCsv(rows, tableColumns, '\r\n'))]);
    assert.equal(table.sources[0].format, 'csv');
    assert.deepEqual(table.activations, rows);
  });

  it('derives exec_ms, total_ms and cold when the CSV has only the needed columns; empty cell = null', () => {
    const needed: Array<keyof Activation> = ['runtime', 'concurrency', 'wait_ms', 'init_ms', 'duration_ms'];
    const table = ingestText(toCsv(original, needed), 'few.csv');
    assert.deepEqual(
      table.activations.map((r) => [r.exec_ms, r.total_ms, r.cold, r.init_ms, r.status]),
      original.map((r) => [r.exec_ms, r.total_ms, r.cold, r.init_ms, 'success']),
    );
  });

  it('agrees with pandas reading the same file', () => {
    const file = tempFile('pandas.csv', toCsv(original, tableColumns));
    const script = [
      'import sys, json, pandas as pd',
      'df = pd.read_csv(sys.argv[1])',
      "exec_ms = df['duration_ms'] - df['init_ms'].fillna(0)",
      "total = df['wait_ms'] + df['duration_ms']",
      "print(json.dumps({'exec': exec_ms.tolist(), 'total': total.tolist(), 'cold': df['init_ms'].notna().tolist(), 'wait': df['wait_ms'].tolist()}))",
    ].join('\n');
    const pandas = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' })) as Record<string, unknown[]>;
    const ours = ingestFiles([file]).activations;
    assert.deepEqual(ours.map((r) => r.exec_ms), pandas.exec);
    assert.deepEqual(ours.map((r) => r.total_ms), pandas.total);
    assert.deepEqual(ours.map((r) => r.cold), pandas.cold);
    assert.deepEqual(ours.map((r) => r.wait_ms), pandas.wait);
  });

  it('checks given exec_ms, total_ms and cold against their definitions', () => {
    const head = 'runtime,concurrency,wait_ms,init_ms,duration_ms,exec_ms,total_ms,cold\n';
    assert.equal(ingestText(head + 'a,1,10,5,20,15,30,true\n', 'ok.csv').activations.length, 1);
    throwsInput(() => ingestText(head + 'a,1,10,5,20,20,30,true\n', 'x.csv'), 'x.csv', 'line 2, exec_ms', msg.inconsistentDerived('exec_ms', 15, 20));
    throwsInput(() => ingestText(head + 'a,1,10,5,20,15,25,true\n', 'x.csv'), 'x.csv', 'line 2, total_ms', msg.inconsistentDerived('total_ms', 30, 25));
    throwsInput(() => ingestText(head + 'a,1,10,,20,20,30,true\n', 'x.csv'), 'x.csv', 'line 2, cold', msg.coldWithoutInit(true));
  });
});
