// What a blackbox container executes: a registered or foldered executable named by `image`, or
// the native executable sent as the action's binary code. Under prlimit when available, so the
// action's memory limit caps the process's address space.
import { accessSync, constants, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { InitPayload } from '../../container.js';
import { resolveBlackboxImage, type RuntimeOptions } from '../options.js';
import { execFromZip } from './zip-exec.js';

export interface Launch {
  file: string;
  args: string[];
  /** A folder created for binary code, removed with the container. */
  scratch?: string;
}

const ELF_MAGIC = Buffer.from([0x7f, 0x45, 0x4c, 0x46]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** The command to start, or undefined when the payload names nothing runnable. */
export function launchFor(payload: InitPayload, memoryMb: number, options: RuntimeOptions): Launch | undefined {
  let executable: string | undefined;
  let scratch: string | undefined;
  if (payload.binary && payload.code !== '') {
    const sent = Buffer.from(payload.code, 'base64');
    const bytes = execFromZip(sent) ?? sent; // a zip with `exec` at its root, or the executable itself
    if (!bytes.subarray(0, 4).equals(ELF_MAGIC)) return undefined;
    scratch = mkdtempSync(join(tmpdir(), 'owbench-blackbox-'));
    executable = join(scratch, 'exec');
    writeFileSync(executable, bytes, { mode: 0o755 });
  } else if (payload.image !== undefined) {
    executable = resolveBlackboxImage(payload.image, options);
  }
  if (executable === undefined) return undefined;
  const limiter = prlimitPath();
  if (limiter === undefined) return { file: executable, args: [], scratch };
  return { file: limiter, args: [`--as=${memoryMb * 1024 * 1024}`, '--', executable], scratch };
}

let prlimit: string | null | undefined;

function prlimitPath(): string | undefined {
  if (prlimit === undefined) {
    prlimit = null;
    for (const folder of (process.env.PATH ?? '/usr/bin').split(delimiter)) {
      try {
        accessSync(join(folder, 'prlimit'), constants.X_OK);
        prlimit = join(folder, 'prlimit');
        break;
      } catch {
        // not in this folder
      }
    }
  }
  return prlimit ?? undefined;
}
