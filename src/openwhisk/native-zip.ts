// The code of an OpenWhisk native action (`wsk action create --native`): a zip whose one entry,
// `exec`, is the executable (mode 0755), stored uncompressed with a fixed date so the same
// executable always gives the same bytes (and the same sha256 in the run log).
import { crc32 } from 'node:zlib';

const DOS_DATE_1980_01_01 = 0x21;

export function nativeZip(executable: Buffer): Buffer {
  const name = Buffer.from('exec');
  const crc = crc32(executable);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4); // version needed
  local.writeUInt16LE(DOS_DATE_1980_01_01, 12);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(executable.length, 18);
  local.writeUInt32LE(executable.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE((3 << 8) | 20, 4); // made by: unix, so the mode below counts
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(DOS_DATE_1980_01_01, 14);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(executable.length, 20);
  central.writeUInt32LE(executable.length, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE((0o100755 << 16) >>> 0, 38);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(local.length + name.length + executable.length, 16);
  return Buffer.concat([local, name, executable, central, name, end]);
}
