// The executable of an OpenWhisk native action: the entry `exec` of its zip (stored or deflated),
// read through the central directory as unzip does, for the process fallback (in Docker the
// action-loop proxy unzips it itself).
import { inflateRawSync } from 'node:zlib';

export function execFromZip(zip: Buffer): Buffer | undefined {
  try {
    return findExec(zip);
  } catch {
    return undefined; // a truncated or corrupt zip names nothing runnable
  }
}

function findExec(zip: Buffer): Buffer | undefined {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end -= 1;
  if (end < 0) return undefined;
  let at = zip.readUInt32LE(end + 16);
  const entries = zip.readUInt16LE(end + 10);
  for (let i = 0; i < entries && at + 46 <= zip.length && zip.readUInt32LE(at) === 0x02014b50; i++) {
    const method = zip.readUInt16LE(at + 10);
    const packed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    if (name !== 'exec' || local + 30 > zip.length) continue;
    const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const bytes = zip.subarray(data, data + packed);
    if (method === 0) return bytes;
    if (method === 8) return inflateRawSync(bytes);
    return undefined;
  }
  return undefined;
}
