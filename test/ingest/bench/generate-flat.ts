// Writes N flat records (DESIGN.md §2.2 format 1) deterministically, for timing ingest at scale.
// Usage: tsx test/ingest/bench/generate-flat.ts OUT.json [N=1000000]
import { createWriteStream } from 'node:fs';

const [out, countArg] = process.argv.slice(2);
const count = Number(countArg ?? 1_000_000);
const runtimes = [['blackbox', 512], ['wasm:0.1', 256], ['nodejs:20', 256]] as const;

// mulberry32: a small seeded generator, so the file is the same bytes every time.
let seed = 42;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

const stream = createWriteStream(out);
let buffer = '[\n';
for (let i = 0; i < count; i++) {
  const [kind, memory] = runtimes[i % 3];
  const cold = random() < 0.2;
  const init = cold ? Math.round(800 + random() * 8000) : null;
  const duration = (init ?? 0) + Math.round(300 + random() * 1500);
  const failed = random() < 0.01;
  const record = {
    run: i + 1,
    activationId: (i * 2654435761 >>> 0).toString(16).padStart(8, '0') + i.toString(16).padStart(24, '0'),
    kind, memory,
    concurrency: 1 + (i % 10),
    ...(init === null ? {} : { initTime: init }),
    duration,
    waitTime: Math.round(random() * 3000),
    confidence: 0.6 + random() * 0.01,
    label: 'hen',
    status: failed ? 'application error' : 'success',
  };
  buffer += JSON.stringify(record) + (i + 1 < count ? ',\n' : '\n');
  if (buffer.length > 1 << 20) {
    stream.write(buffer);
    buffer = '';
  }
}
stream.end(buffer + ']\n');
