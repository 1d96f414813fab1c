// A nodejs process container's proxy answers no one but the server: it listens on a unix socket in
// a folder of mode 0700 (the server's user), and on no TCP port.
import assert from 'node:assert/strict';
import { readFileSync, readlinkSync, readdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { createContainer } from '../../../src/local/runtimes/index.js';
import { NodeContainer } from '../../../src/local/runtimes/nodejs/container.js';

/** Inodes of the TCP sockets the process holds, from /proc (Linux). */
function tcpSocketsOf(pid: number): string[] {
  const inodes = readdirSync(`/proc/${pid}/fd`).map((fd) => { try { return readlinkSync(`/proc/${pid}/fd/${fd}`); } catch { return ''; } })
    .map((link) => /^socket:\[(\d+)\]$/.exec(link)?.[1]).filter((inode): inode is string => inode !== undefined);
  const tcp = ['tcp', 'tcp6'].flatMap((file) => readFileSync(`/proc/net/${file}`, 'utf8').split('\n').slice(1).map((line) => line.trim().split(/\s+/)[9]));
  return inodes.filter((inode) => tcp.includes(inode));
}

describe('runtime nodejs:20 proxy socket', () => {
  it('listens on a unix socket in a 0700 folder of the server, and on no TCP port', async () => {
    const container = await createContainer('nodejs:20', { memoryMb: 128, timeoutMs: 10_000 });
    try {
      assert.ok(container instanceof NodeContainer);
      const env = readFileSync(`/proc/${container.pid}/environ`, 'latin1').split('\0');
      const socket = env.find((entry) => entry.startsWith('OW_PROXY_SOCKET='))!.slice('OW_PROXY_SOCKET='.length);
      assert.ok(statSync(socket).isSocket());
      assert.equal(statSync(dirname(socket)).mode & 0o777, 0o700);
      assert.equal(statSync(dirname(socket)).uid, process.getuid!());
      assert.deepEqual(tcpSocketsOf(container.pid!), []);
    } finally {
      await container.destroy();
    }
  });
});
