// Every class of bad input: the InputError names the file, the place and what was expected, with
// the message from the catalog (src/ingest/messages.ts). One bad record fails the whole input
// unless skipInvalid turns it into a warning.
import assert from 'node:assert/strict';
import path from 'node:path';
import { ingestFiles, ingestText, messages as msg } from '../../src/ingest/index.js';
import { peer, PEER_FILES, peerAsFlat, peerRecords, tempFile, throwsInput } from './helpers.js';

const flat = (records: object[]) => JSON.stringify(records, null, 2);
const good = { kind: 'wasm:0.1', memory: 256, concurrency: 1, initTime: 1044, duration: 2110, waitTime: 224, status: 'success' };

describe('ingest: bad input', () => {
  it('a missing file', () => {
    throwsInput(() => ingestFiles(['/nonexistent/activations.json']), '/nonexistent/activations.json', null, msg.missingFile());
  });

  it('a folder where a file was expected', () => {
    const folder = path.dirname(tempFile('any.json', '[]'));
    throwsInput(() => ingestFiles([folder]), folder, null, msg.isDirectory());
  });

  it('an empty file, or one of whitespace only', () => {
    const empty = tempFile('empty.json', '');
    throwsInput(() => ingestFiles([empty]), empty, null, msg.emptyFile());
    throwsInput(() => ingestText(' \n\t\n', 'blank.json'), 'blank.json', null, msg.emptyFile());
  });

  it('a truncated file', () => {
    const whole = JSON.stringify(peerRecords(PEER_FILES.wasmCold).map((r) => r.record), null, 2);
    const cut = whole.slice(0, Math.floor(whole.length / 2));
    const file = tempFile('truncated.json', cut);
    throwsInput(() => ingestFiles([file]), file, `line ${cut.trimEnd().split('\n').length}`, msg.truncatedJson());
  });

  it('text that is not JSON where JSON began, with line and column', () => {
    throwsInput(() => ingestText('[\n  {"duration": 1},\n  {duration: 2}\n]', 'x.json'), 'x.json', 'line 3, column 4', msg.notJson('"d": expected a quoted key'));
    throwsInput(() => ingestText('[1, 2] trailing', 'x.json'), 'x.json', 'line 1, column 8', msg.notJson('"t" after the end of the JSON value'));
  });

  it('NaN and Infinity: JSON\'s forbidden literals, numbers too large, and CSV or Python nan', () => {
    throwsInput(() => ingestText('[{"duration": NaN}]', 'n.json'), 'n.json', 'line 1, column 15', msg.nanLiteral('NaN'));
    throwsInput(() => ingestText('[{"duration": -Infinity}]', 'n.json'), 'n.json', 'line 1, column 15', msg.nanLiteral('-Infinity'));
    throwsInput(() => ingestText(flat([{ ...good, duration: 12345 }]).replace('12345', '1e999'), 'n.json'), 'n.json', '[0].duration', msg.expectedFinite(Infinity));
    throwsInput(() => ingestText('runtime,concurrency,wait_ms,duration_ms\nw,1,NaN,3\n', 'n.csv'), 'n.csv', 'line 2, wait_ms', msg.expectedFinite(NaN));
    throwsInput(() => ingestText("results w openwhisk:\n[{'concurrency': 1, 'count': 1, 'avg_total': nan}]", 'n.txt'), 'n.txt', 'line 2, [0].avg_total', msg.expectedFinite(NaN));
  });

  it('an unknown shape', () => {
    throwsInput(() => ingestText('{"activations": []}', 'u.json'), 'u.json', null, msg.unknownShape('an object with keys activations'));
    throwsInput(() => ingestText('[1, 2]', 'u.json'), 'u.json', '[0]', msg.unknownShape('an array whose first element is 1'));
    throwsInput(() => ingestText('[{"name": "x"}]', 'u.json'), 'u.json', '[0]', msg.unknownShape('an object with keys name'));
    throwsInput(() => ingestText('[]', 'u.json'), 'u.json', null, msg.emptyArray());
    throwsInput(() => ingestText('null', 'u.json'), 'u.json', 'line 1', msg.unknownShape(msg.unknownStart()));
    throwsInput(() => ingestText('hello world\n', 'u.txt'), 'u.txt', 'line 1', msg.unknownShape(msg.unknownStart()));
  });

  it('wrong types, with the field path', () => {
    throwsInput(() => ingestText(flat([good, { ...good, duration: 'abc' }]), 'w.json'), 'w.json', '[1].duration', msg.expectedNumber('abc'));
    throwsInput(() => ingestText(flat([{ ...good, kind: 7 }]), 'w.json'), 'w.json', '[0].kind', msg.expectedString(7));
    throwsInput(() => ingestText(flat([{ ...good, status: 'ok' }]), 'w.json'), 'w.json', '[0].status', msg.badStatus('ok', ['success', 'application error', 'action developer error', 'whisk internal error', 'throttled', 'timeout', 'lost', 'developer error', 'internal error']));
    // In a grouped file the path runs through the group, the record and the annotation.
    const groups = JSON.parse(JSON.stringify([{ no_concurrent_requests: 1, responses: [peerRecords(PEER_FILES.wasmWarm)[0].record] }]));
    groups[0].responses[0].annotations[1].value = '18';
    throwsInput(() => ingestText(JSON.stringify(groups), 'g.json'), 'g.json', '[0].responses[0].annotations[1].value', msg.expectedNumber('18'));
    throwsInput(() => ingestText(JSON.stringify([{ no_concurrent_requests: 1, responses: {} }]), 'g.json'), 'g.json', '[0].responses', msg.expectedArray('the responses', {}));
    throwsInput(() => ingestText("results w openwhisk:\n[{'concurrency': 1, 'count': '1'}]", 'p.txt'), 'p.txt', 'line 2, [0].count', msg.badCount('1'));
  });

  it('negative durations and waits', () => {
    throwsInput(() => ingestText(flat([{ ...good, duration: -1 }]), 'neg.json'), 'neg.json', '[0].duration', msg.negativeTime(-1));
    throwsInput(() => ingestText(flat([{ ...good, waitTime: -224 }]), 'neg.json'), 'neg.json', '[0].waitTime', msg.negativeTime(-224));
    throwsInput(() => ingestText('runtime,concurrency,wait_ms,duration_ms\nw,1,5,-3\n', 'neg.csv'), 'neg.csv', 'line 2, duration_ms', msg.negativeTime(-3));
  });

  it('initTime larger than duration (OpenWhisk\'s duration includes init)', () => {
    throwsInput(() => ingestText(flat([{ ...good, initTime: 9000 }]), 'i.json'), 'i.json', '[0].initTime', msg.initLongerThanDuration(9000, 2110));
    const record = structuredClone(peerRecords(PEER_FILES.wasmCold)[0].record);
    record.duration = 1000; // its initTime annotation (index 5) is 1038
    throwsInput(() => ingestText(JSON.stringify(record), 'r.json'), 'r.json', 'annotations[5].value', msg.initLongerThanDuration(1038, 1000));
  });

  it('concurrency below 1 or not a whole number', () => {
    throwsInput(() => ingestText(flat([{ ...good, concurrency: 0 }]), 'c.json'), 'c.json', '[0].concurrency', msg.badConcurrency(0));
    throwsInput(() => ingestText(flat([{ ...good, concurrency: 1.5 }]), 'c.json'), 'c.json', '[0].concurrency', msg.badConcurrency(1.5));
    throwsInput(() => ingestText(JSON.stringify([{ no_concurrent_requests: 0, responses: [] }]), 'c.json'), 'c.json', '[0].no_concurrent_requests', msg.badConcurrency(0));
    throwsInput(() => ingestText("results w openwhisk:\n[{'concurrency': 0, 'count': 1}]", 'c.txt'), 'c.txt', 'line 2, [0].concurrency', msg.badConcurrency(0));
    throwsInput(() => ingestText('runtime,concurrency,wait_ms,duration_ms\nw,-2,5,3\n', 'c.csv'), 'c.csv', 'line 2, concurrency', msg.badConcurrency(-2));
  });

  it('a bad NDJSON line, named by its number', () => {
    const lines = peerRecords(PEER_FILES.wasmWarm).map((r) => JSON.stringify(r.record));
    lines[2] = lines[2].slice(0, 40);
    throwsInput(() => ingestText(lines.join('\n'), 'a.ndjson'), 'a.ndjson', 'line 3', msg.badNdjsonLine(msg.truncatedJson()));
    lines[2] = '{"activationId": oops}';
    throwsInput(() => ingestText(lines.join('\n'), 'a.ndjson'), 'a.ndjson', 'line 3', msg.badNdjsonLine(`column 18: ${msg.badJsonWord('oops')}`));
  });

  it('a malformed Python-literal block, named by line and column', () => {
    const block = "results wasm openwhisk mobilenet model:\n[{'concurrency': 1, 'count': 1 'avg_init': 1038}]\n";
    throwsInput(() => ingestText(block, 'r.txt'), 'r.txt', 'line 2, column 32', msg.badPythonBlock('expected "," or "}", found "\'"'));
    throwsInput(() => ingestText("results w openwhisk:\n[{'concurrency': 1, 'count': 1}", 'r.txt'), 'r.txt', 'line 2, column 32', msg.badPythonBlock('expected "," or "]", found the end of the file'));
    throwsInput(() => ingestText("results w openwhisk:\n[{'concurrency: 1}]", 'r.txt'), 'r.txt', 'line 2, column 3', msg.badPythonBlock('a string is never closed'));
    throwsInput(() => ingestText("results w openwhisk:\n[{'concurrency': true}]", 'r.txt'), 'r.txt', 'line 2, column 18', msg.badPythonBlock('unexpected name "true": expected a number, a quoted string, True, False or None'));
    throwsInput(() => ingestText('results w openwhisk:\n\n', 'r.txt'), 'r.txt', 'line 1', msg.pythonHeaderWithoutList());
    throwsInput(() => ingestText("Run set 2:\nresults w openwhisk:\n[]\n", 'r.txt'), 'r.txt', 'line 1', msg.pythonTextOutsideBlock());
  });

  it('CSV without the needed columns, named', () => {
    throwsInput(() => ingestText('runtime,concurrency,init_ms\nw,1,3\n', 'm.csv'), 'm.csv', 'line 1', msg.csvMissingColumns(['duration_ms']));
    throwsInput(() => ingestText('concurrency,wait_ms,duration_ms\n1,2,3\n', 'm.csv'), 'm.csv', 'line 1', msg.csvMissingColumns(['runtime']));
    assert.equal(ingestText('concurrency,wait_ms,duration_ms\n1,2,3\n', 'm.csv', { runtime: 'w' }).activations[0].runtime, 'w');
    throwsInput(() => ingestText('runtime,concurrency,wait_ms,duration_ms\nw,1,2\n', 'm.csv'), 'm.csv', 'line 2', msg.csvFieldCount(4, 3));
    throwsInput(() => ingestText('runtime,concurrency,wait_ms,duration_ms\n"w,1,2,3\n', 'm.csv'), 'm.csv', 'line 2', msg.csvUnclosedQuote());
  });

  it('a record without any runtime label asks for --runtime', () => {
    const { kind: _kind, ...unlabelled } = good;
    throwsInput(() => ingestText(flat([unlabelled]), 'n.json'), 'n.json', '[0]', msg.noRuntime());
    assert.equal(ingestText(flat([unlabelled]), 'n.json', { runtime: 'wasm' }).activations[0].runtime, 'wasm');
  });

  it('one bad record fails the whole input; skipInvalid skips it with a warning naming file and place', () => {
    const records = peerAsFlat(PEER_FILES.wasmCold);
    records[4] = { ...records[4], waitTime: 'late' };
    records[9] = { ...records[9], concurrency: 0 };
    const file = tempFile('two-bad.json', flat(records));
    throwsInput(() => ingestFiles([file]), file, '[4].waitTime', msg.expectedNumber('late'));
    const table = ingestFiles([file, peer(PEER_FILES.wasmWarm)], { skipInvalid: true });
    assert.equal(table.activations.length, 13 + 5);
    assert.deepEqual(table.warnings, [
      `${file}: [4].waitTime: ${msg.expectedNumber('late')} (record skipped)`,
      `${file}: [9].concurrency: ${msg.badConcurrency(0)} (record skipped)`,
    ]);
  });

  it('skipInvalid works the same in grouped files, NDJSON, CSV and results blocks', () => {
    const groups = JSON.parse(JSON.stringify([{ no_concurrent_requests: 2, responses: peerRecords(PEER_FILES.wasmCold).slice(1, 3).map((r) => r.record) }]));
    groups[0].responses[1].duration = -1;
    const grouped = ingestText(JSON.stringify(groups), 'g.json', { skipInvalid: true });
    assert.equal(grouped.activations.length, 1);
    assert.deepEqual(grouped.warnings, [`g.json: [0].responses[1].duration: ${msg.negativeTime(-1)} (record skipped)`]);
    const lines = peerRecords(PEER_FILES.wasmWarm).map((r) => JSON.stringify(r.record));
    lines[1] = '{"oops"';
    const ndjson = ingestText(lines.join('\n'), 'a.ndjson', { skipInvalid: true });
    assert.equal(ndjson.activations.length, 4);
    assert.deepEqual(ndjson.warnings, [`a.ndjson: line 2: ${msg.badNdjsonLine(msg.truncatedJson())} (record skipped)`]);
    const csv = ingestText('runtime,concurrency,wait_ms,duration_ms\nw,1,2,3\nw,x,2,3\n', 'c.csv', { skipInvalid: true });
    assert.equal(csv.activations.length, 1);
    assert.deepEqual(csv.warnings, [`c.csv: line 3, concurrency: ${msg.expectedNumber('x')} (record skipped)`]);
    const python = ingestText("results w openwhisk:\n[{'concurrency': 1, 'count': 1}, {'concurrency': 0, 'count': 1}]", 'p.txt', { skipInvalid: true });
    assert.equal(python.aggregates.length, 1);
    assert.deepEqual(python.warnings, [`p.txt: line 2, [1].concurrency: ${msg.badConcurrency(0)} (record skipped)`]);
  });

  it('a bad file among good ones fails the whole call', () => {
    const bad = tempFile('bad.json', '[{');
    throwsInput(() => ingestFiles([peer(PEER_FILES.wasmCold), bad]), bad, 'line 1', msg.truncatedJson());
  });
});
