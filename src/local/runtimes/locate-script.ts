// The nodejs proxy and the wasm worker run as separate programs, so they need a .js file on disk.
// After `tsc` it sits next to this module in dist/; when running from src/ (tsx, tests) we
// transpile the .ts sibling once into a cache file keyed by its content.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const located = new Map<string, string>();

/** The runnable .js path of a script given relative to this folder without extension, e.g. `nodejs/proxy`. */
export async function locateScript(relative: string): Promise<string> {
  const known = located.get(relative);
  if (known) return known;
  const compiled = join(here, `${relative}.js`);
  const path = existsSync(compiled) ? compiled : await transpileOnce(join(here, `${relative}.ts`));
  located.set(relative, path);
  return path;
}

/** The folder `require()` of action code resolves from: the project, so installed packages are visible. */
export const runtimesFolder = here;

async function transpileOnce(source: string): Promise<string> {
  const text = readFileSync(source, 'utf8');
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
  const folder = join(tmpdir(), 'owbench-runtimes');
  const target = join(folder, `${hash}.mjs`);
  if (existsSync(target)) return target;
  const ts = (await import('typescript')).default;
  const out = ts.transpileModule(text, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    fileName: source,
  });
  mkdirSync(folder, { recursive: true });
  const temp = `${target}.tmp-${process.pid}`;
  writeFileSync(temp, out.outputText);
  renameSync(temp, target);
  return target;
}
