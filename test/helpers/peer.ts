// The peer's published data (ow-mobilenet-hybrid-actions), which some tests compare against.
// It is not part of this repository: OWBENCH_PEER_DATA names its folder, else
// ../shared/data/ow-mobilenet-hybrid-actions beside the clone. Without it, each test that needs
// it is skipped and listed by name with the reason, instead of failing (a bare clone's `make test`).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const peerData = process.env.OWBENCH_PEER_DATA
  ? path.resolve(process.env.OWBENCH_PEER_DATA)
  : path.resolve(repoRoot, '../shared/data/ow-mobilenet-hybrid-actions');
export const hasPeerData = existsSync(path.join(peerData, 'input_wasm_cold_start.json'));

let current: Mocha.Test | undefined;
// A root hook (this module is loaded while mocha reads the spec files): the test running now.
beforeEach(function () {
  current = this.currentTest;
});
afterEach(() => {
  current = undefined;
});

/** Skips the running test, with the reason in its name, when the peer data is absent. */
export function needPeerData(): void {
  if (hasPeerData) return;
  const reason = `peer data not found at ${peerData} (set OWBENCH_PEER_DATA)`;
  if (!current) throw new Error(`${reason}; needed outside a test`);
  current.title += ` [skipped: ${reason}]`;
  current.skip();
}
