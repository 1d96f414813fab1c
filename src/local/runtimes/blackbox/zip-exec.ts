// Blackbox binary code as OpenWhisk's dockerskeleton action loop takes it: a zip whose root holds
// an executable named `exec` (openwhisk-runtime-docker core/actionProxy/actionproxy.py
// initCodeFromZip). Returns the executable's bytes, or undefined when the code is not such a zip.
import { unzipSync } from 'fflate';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export function execFromZip(bytes: Buffer): Buffer | undefined {
  if (!bytes.subarray(0, 4).equals(ZIP_MAGIC)) return undefined;
  try {
    const exec = unzipSync(bytes, { filter: (file) => file.name === 'exec' }).exec;
    return exec ? Buffer.from(exec) : undefined;
  } catch {
    return undefined;
  }
}
