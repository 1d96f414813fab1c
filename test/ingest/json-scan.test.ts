// scanJson against an independent reference, V8's JSON.parse: on valid JSON within the limits it
// finds nothing, and on every broken text JSON.parse refuses it finds a problem.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { mulberry32 } from '../../src/analyze/prng.js';
import { MAX_DEPTH, MAX_STRING, scanJson } from '../../src/ingest/json-scan.js';
import * as msg from '../../src/ingest/messages.js';
import { repoRoot } from '../helpers/cli.js';
import { mutate } from '../cli/mutate.js';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('ingest: json-scan', () => {
  it('agrees with JSON.parse on 2,000 mutants of real files', () => {
    const random = mulberry32(7);
    const sources = ['data/seed-pair/activations.json', 'data/runs/demo.ndjson'].map((f) => readFileSync(path.join(repoRoot, f)));
    const first = sources[1].subarray(0, sources[1].indexOf(0x0a));
    let disagreements = 0;
    let broken = 0;
    for (let i = 0; i < 2000; i++) {
      const text = mutate(i % 2 === 0 ? sources[0] : first, random).bytes.toString('utf8');
      if (text.length > 4 << 20) continue;
      const valid = parses(text);
      if (!valid) broken++;
      // A valid text the scan refuses may only be one beyond a limit.
      const problem = scanJson(text);
      if (valid !== (problem === null) && !(valid && problem && /nested deeper|longer than/.test(problem.problem))) disagreements++;
    }
    assert.equal(disagreements, 0);
    assert.ok(broken > 500, `${broken} broken mutants`);
  });

  it('places problems exactly, and enforces the nesting and string limits', () => {
    assert.deepEqual(scanJson('[1, 2,]'), { offset: 6, problem: msg.notJson('"]": expected a value') });
    assert.deepEqual(scanJson('{"a" 1}'), { offset: 5, problem: msg.notJson('"1": expected ":" after the key') });
    assert.deepEqual(scanJson('[tru]'), { offset: 1, problem: msg.badJsonWord('tru') });
    assert.deepEqual(scanJson('[-Infinity]'), { offset: 1, problem: msg.nanLiteral('-Infinity') });
    assert.deepEqual(scanJson('["a\u001bb"]'), { offset: 3, problem: msg.notJson('control character \\u001b in a string (write it as \\u001b)') });
    assert.deepEqual(scanJson('["ab'), { offset: 4, problem: msg.truncatedJson() });
    assert.equal(scanJson(`${'['.repeat(MAX_DEPTH)}${']'.repeat(MAX_DEPTH)}`), null);
    assert.deepEqual(scanJson(`${'['.repeat(MAX_DEPTH + 1)}${']'.repeat(MAX_DEPTH + 1)}`), { offset: MAX_DEPTH, problem: msg.tooDeep(MAX_DEPTH) });
    assert.equal(scanJson(`"${'a'.repeat(MAX_STRING - 1)}"`), null);
    assert.deepEqual(scanJson(`["${'a'.repeat(MAX_STRING)}"]`), { offset: 1, problem: msg.tooLongString(MAX_STRING) });
  });
});
