// The server's data folder: given (`owbench serve --data DIR`, config `store.dir`), or a fresh
// folder under the OS temp dir that is removed when the server stops, so tests and `owbench run`
// leave nothing behind (a killed server's is swept by the next one). A lock file keeps a second
// live server off a folder in use.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InputError } from '../../errors.js';

export interface DataFolder {
  dir: string;
  /** True when the folder is this server's own temporary one. */
  temporary: boolean;
  /** Drops the lock; removes the folder when it is temporary. */
  release(): void;
}

const LOCK = 'server.pid';
const TEMPORARY_PREFIX = 'owbench-whisk-';

export function openDataFolder(dir: string | undefined): DataFolder {
  const temporary = dir === undefined;
  if (temporary) sweepOrphans();
  const folder = dir ?? mkdtempSync(path.join(tmpdir(), TEMPORARY_PREFIX));
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new InputError(folder, null, `cannot create the data folder (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const lock = path.join(folder, LOCK);
  const holder = lockHolder(lock);
  if (holder !== undefined && holder !== process.pid && alive(holder)) {
    throw new InputError(folder, null, `the data folder is in use by another server (process ${holder})`);
  }
  writeFileSync(lock, `${process.pid}\n`);
  return {
    dir: folder,
    temporary,
    release: () => {
      if (temporary) rmSync(folder, { recursive: true, force: true });
      else if (lockHolder(lock) === process.pid) rmSync(lock, { force: true });
    },
  };
}

/** A server killed with SIGKILL cannot remove its temporary folder: the next one does, once its process is gone. */
function sweepOrphans(): void {
  let names: string[];
  try {
    names = readdirSync(tmpdir()).filter((name) => name.startsWith(TEMPORARY_PREFIX));
  } catch {
    return;
  }
  for (const name of names) {
    const folder = path.join(tmpdir(), name);
    const holder = lockHolder(path.join(folder, LOCK));
    if (holder !== undefined && !alive(holder)) rmSync(folder, { recursive: true, force: true });
  }
}

function lockHolder(lock: string): number | undefined {
  try {
    const pid = Number(readFileSync(lock, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** A server killed with SIGKILL leaves its lock behind: a lock whose process is gone is free. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
