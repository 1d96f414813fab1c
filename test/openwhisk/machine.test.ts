// The machine line of the run log against /proc (an independent reading of the same facts).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { machineInfo } from '../../src/openwhisk/machine.js';

describe('openwhisk/machine', () => {
  it('records the CPU model, cores and memory as /proc/cpuinfo and /proc/meminfo give them', function () {
    let cpuinfo: string;
    try { cpuinfo = readFileSync('/proc/cpuinfo', 'utf8'); } catch { this.skip(); }
    const info = machineInfo();
    assert.equal(info.cores, (cpuinfo.match(/^processor\s*:/gm) ?? []).length);
    const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1].trim();
    if (model) assert.equal(info.cpu, model);
    const kb = Number(/^MemTotal:\s+(\d+) kB/m.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1]);
    assert.equal(info.memory_mb, Math.round(kb / 1024));
    assert.equal(info.node, process.version);
    assert.match(info.os, /^Linux /);
  });
});
