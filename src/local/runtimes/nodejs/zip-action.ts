// Zipped nodejs actions, as apache/openwhisk-runtime-nodejs loads them (runner.js initializeActionHandler):
// the base64 zip is unpacked into a folder of its own, the entry file is package.json's `main`
// (else index.js), and the action is that module's export named by `main`; its node_modules
// resolve as usual. Self-contained like proxy.ts (only node: imports); fflate, a small,
// dependency-free, maintained unzip that works on an in-memory buffer (the code arrives as
// base64, so no file or stream API is needed, unlike yauzl), is loaded from the project folder.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';

type Main = (params: unknown) => unknown;
type Unzip = (data: Uint8Array) => Record<string, Uint8Array>;

export function loadZippedAction(base64: string, entry: string, requireBase: string): Main {
  const { unzipSync } = createRequire(join(requireBase, 'action.js'))('fflate') as { unzipSync: Unzip };
  const files = unzipSync(Buffer.from(base64, 'base64'));
  const folder = mkdtempSync(join(tmpdir(), 'owbench-action-'));
  process.on('exit', () => rmSync(folder, { recursive: true, force: true }));
  for (const [name, data] of Object.entries(files)) {
    const target = resolve(folder, name);
    // An entry may not climb out of the action's folder ("zip slip").
    if (!target.startsWith(folder + sep)) throw new Error(`zip entry '${name}' lies outside the action folder`);
    if (name.endsWith('/')) mkdirSync(target, { recursive: true });
    else {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, data);
    }
  }
  const manifest = join(folder, 'package.json');
  let file = 'index.js';
  if (existsSync(manifest)) {
    const main = (JSON.parse(readFileSync(manifest, 'utf8')) as { main?: unknown }).main;
    if (typeof main === 'string' && main !== '') file = main;
  }
  const path = resolve(folder, file);
  if (!existsSync(path)) throw new Error(`Zipped actions must contain either package.json or index.js at the root.`);
  const loaded = createRequire(manifest)(path) as Main | Record<string, unknown>;
  const found = typeof loaded === 'function' && entry === 'main' ? loaded : (loaded as Record<string, unknown>)[entry];
  if (typeof found !== 'function') throw new Error(`Action entrypoint '${entry}' is not a function.`);
  return found as Main;
}
